/**
 * The history counts its entries as people do: saves folded into one entry leave no gap (第1版, 第2版, 第3版, not
 * 第1版, 第3版, 第4版), and the comparison and the restore note use the same numbers.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as tables from "@/lib/db/schema";
import { compareReportRevisions, listRevisions, restoreRevision } from "@/lib/history";
import { getReport, insertReport, saveReportContent, submitReport } from "@/lib/reports";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

describe.skipIf(!isAvailable)(`[WORKFLOW] history numbers without gaps, on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("numbers coalesced saves 第1版…第N版 in the list, the comparison and the restore note", async () => {
    await withRollback(handle.db, async (db) => {
      const agency = await seedAgency(db, { name: `青溪市档案局${Math.random().toString(36).slice(2, 6)}` });
      const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
      const { reportId } = await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: agency.name, year: 2025 }), source: "test" });
      const save = async (copyTo: string) => {
        const row = await getReport({ db, user: drafter, reportId });
        await saveReportContent({
          db,
          user: drafter,
          reportId,
          input: { baseRevision: row.revision, content: { ...row.content, meta: { ...row.content.meta, copyTo } } },
        });
      };
      // Two saves a moment apart fold into one entry; the report's own counter still moves twice.
      await save("市司法局");
      await save("市司法局、市档案馆");
      await submitReport({ db, user: drafter, reportId });

      const revisions = await listRevisions({ db, user: drafter, reportId });
      const internal = revisions.map((revision) => revision.revision);
      expect(new Set(internal.slice(0, -1).map((value, index) => value - internal[index + 1]!)).has(2)).toBe(true);
      expect(revisions.map((revision) => revision.number)).toEqual([3, 2, 1]);
      expect(revisions.map((revision) => revision.note ?? "保存")).toEqual(["提交审核", "保存", expect.any(String)]);

      const diff = await compareReportRevisions({ db, user: drafter, reportId, input: { olderId: revisions[2]!.id, newerId: revisions[1]!.id } });
      expect([diff.older.number, diff.newer.number]).toEqual([1, 2]);

      await db.update(tables.reports).set({ status: "draft" }).where(eq(tables.reports.id, reportId));
      await restoreRevision({ db, user: drafter, reportId, input: { revisionId: revisions[1]!.id } });
      const after = await listRevisions({ db, user: drafter, reportId });
      expect(after[0]).toMatchObject({ number: 4, note: "恢复自第2版" });
      expect((await getReport({ db, user: drafter, reportId })).content.meta.copyTo).toBe("市司法局、市档案馆");
    });
  });
});
