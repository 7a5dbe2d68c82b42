import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as tables from "@/lib/db/schema";
import { compareReportRevisions, listRevisions, restoreRevision } from "@/lib/history";
import { docToText, textToDoc } from "@/lib/report-model";
import { getReport, insertReport, saveReportContent, submitReport } from "@/lib/reports";
import { transitionReport } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

describe.skipIf(!isAvailable)(`[HISTORY] revisions, diff, restore and the append-only audit log on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("lists who changed what in which state, diffs any two revisions per part and restores an old one as a new revision", async () => {
    await withRollback(handle.db, async (db) => {
      const agency = await seedAgency(db);
      const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
      const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: agency.id });
      const stranger = await seedUser(db, { roles: ["drafter"] });
      const { reportId } = await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: agency.name }), source: "test" });
      const original = await getReport({ db, user: drafter, reportId });
      const edited = structuredClone(original.content);
      edited.sections[1]!.items[0]!.body = textToDoc(`${docToText(edited.sections[1]!.items[0]!.body)}此外，个别干部法治意识有待增强。`);
      edited.meta.title = `${agency.name}关于2024年度法治政府建设情况的报告（修改稿）`;
      await saveReportContent({ db, user: drafter, reportId, input: { baseRevision: original.revision, content: edited } });
      await submitReport({ db, user: drafter, reportId });
      await transitionReport({ db, user: reviewer, reportId, input: { transition: "return", note: "请恢复原稿" } });

      const revisions = await listRevisions({ db, user: reviewer, reportId });
      expect(revisions.map((revision) => [revision.revision, revision.status, revision.note])).toEqual([
        [4, "returned", "退回修改：请恢复原稿"],
        [3, "in_review", "提交审核"],
        [2, "draft", null],
        [1, "draft", "创建"],
      ]);
      const first = revisions[3]!;
      const second = revisions[2]!;
      const diff = await compareReportRevisions({ db, user: reviewer, reportId, input: { olderId: second.id, newerId: first.id } });
      expect(diff.older.revision).toBe(1);
      expect(diff.meta.map((change) => change.label)).toEqual(["标题"]);
      const problems = diff.sections.find((section) => section.kind === "problems")!;
      expect(problems.diff.some((op) => op.op === "insert" && op.text.includes("个别干部"))).toBe(true);
      expect(diff.sections.find((section) => section.kind === "measures")!.diff.every((op) => op.op === "equal")).toBe(true);

      await expect(restoreRevision({ db, user: drafter, reportId, input: { revisionId: first.id } })).rejects.toMatchObject({
        code: "INVALID_STATE",
        userMessage: "只有草稿状态的报告可以恢复旧版本",
      });
      await db
        .update(tables.reports)
        .set({ status: "draft" })
        .where(sql`${tables.reports.id} = ${reportId}`);
      await expect(restoreRevision({ db, user: reviewer, reportId, input: { revisionId: first.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(restoreRevision({ db, user: stranger, reportId, input: { revisionId: first.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(listRevisions({ db, user: stranger, reportId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(compareReportRevisions({ db, user: stranger, reportId, input: { olderId: first.id, newerId: second.id } })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });

      const { revision } = await restoreRevision({ db, user: drafter, reportId, input: { revisionId: first.id } });
      const restored = await getReport({ db, user: drafter, reportId });
      expect(restored.revision).toBe(revision);
      expect(restored.content).toEqual(original.content);
      const latest = (await listRevisions({ db, user: drafter, reportId }))[0]!;
      expect(latest).toMatchObject({ revision, status: "draft", note: "恢复自第1版" });
      const audit = await db
        .select()
        .from(tables.auditEvents)
        .where(sql`${tables.auditEvents.action} = 'report.restore' and ${tables.auditEvents.targetId} = ${reportId}`);
      expect(audit.map((event) => event.detail)).toEqual([{ fromRevision: 1, revision }]);
    });
  });

  it("the database refuses UPDATE, DELETE and TRUNCATE of audit entries", async () => {
    await withRollback(handle.db, async (db) => {
      await db.insert(tables.auditEvents).values({ action: "report.export", detail: { format: "docx" } });
      const attempts = [sql`update audit_events set action = 'tampered'`, sql`delete from audit_events`, sql`truncate audit_events`];
      for (const statement of attempts) {
        // Each attempt in its own savepoint, so the refusal does not abort the test's transaction.
        const error = await db
          .transaction(async (tx) => tx.execute(statement))
          .then(
            () => null,
            (caught: unknown) => caught,
          );
        expect(String((error as { cause?: { message?: string } })?.cause?.message ?? error)).toContain("审计日志只能追加，不能修改或删除");
      }
      const rows = await db
        .select()
        .from(tables.auditEvents)
        .where(sql`${tables.auditEvents.action} = 'report.export'`);
      expect(rows).toHaveLength(1);
    });
  });
});
