import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";
import { acceptedView, listSuggestions } from "@/lib/report-model";
import { getReport, importTrackedDocx, insertReport, submitReport } from "@/lib/reports";
import { listCommentThreads } from "@/lib/workflow";

import { seedAgency, seedUser } from "../fixtures/factories";
import { buildWpsLeaderDocx, buildWpsReport, MOVED, REPLY, SPANNING_COMMENT, WPS_NUMBER, WPS_SIGNER } from "../fixtures/tracked-wps-docx";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

/** The agency sets the 签发人; the report has none of its own (it prints the agency's). */
async function seedTeam(db: Database, signer: string) {
  const agency = await seedAgency(db, { name: `青溪市水务局${Math.random().toString(36).slice(2, 6)}` });
  await db
    .update(tables.agencies)
    .set({ settings: { frame: { agencyMark: "", signer, isSealed: false, imprintAgency: "" } } })
    .where(eq(tables.agencies.id, agency.id));
  const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
  const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: agency.id });
  const content = buildWpsReport();
  delete content.frame;
  const { reportId } = await insertReport({ db, user: drafter, content, source: "test" });
  await submitReport({ db, user: drafter, reportId });
  return { drafter, reviewer, reportId };
}

describe.skipIf(!isAvailable)(`[TRACKED] the 文号 and 签发人 of a leader's WPS file into a stored report on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("takes the change inside the 文号 of a 版头 table as the 文号's suggestion and knows the agency's 签发人", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, reportId } = await seedTeam(db, WPS_SIGNER);
      const result = await importTrackedDocx({ db, user: reviewer, reportId, bytes: await buildWpsLeaderDocx(buildWpsReport()) });
      expect(result).toMatchObject({ insertions: 1, deletions: 1, splits: 1, fieldChanges: 1, comments: 1, replies: 1 });
      expect(result.log[0]).toBe(
        `文号在 Word 文件中写作“青水发［2026］5号”，与报告中的“${WPS_NUMBER}”是同一文号，其中的修订按报告的写法导入为“青水发〔2026〕6号”。`,
      );
      // The agency's 签发人 is the one the file prints: nothing to say about it.
      expect(result.log.filter((line) => line.includes("签发人"))).toEqual([]);
      const stored = (await getReport({ db, user: drafter, reportId })).content;
      expect(stored.meta.docNumber).toBe(WPS_NUMBER);
      expect(acceptedView(stored).meta.docNumber).toBe("青水发〔2026〕6号");
      expect(listSuggestions(stored).map((suggestion) => [suggestion.kind, suggestion.text])).toEqual([
        ["delete", MOVED],
        ["insert", MOVED],
        ["split", ""],
        ["replace", "青水发〔2026〕6号"],
      ]);
      const [revision] = await db.select().from(tables.reportRevisions).where(eq(tables.reportRevisions.revision, result.revision));
      expect(revision?.note).toBe("导入 Word 修订：插入 1 处，删除 1 处，分段 1 处，标题等修改 1 处，批注 1 条");
      const [audit] = await db.select().from(tables.auditEvents).where(eq(tables.auditEvents.action, "report.tracked_imported"));
      expect((audit?.detail as { unplaced: string[] }).unplaced).toEqual(result.log);
      // The comment over two paragraphs is one thread, the reviewer's Word reply its second comment.
      const threads = () => listCommentThreads({ db, user: drafter, reportId });
      expect((await threads()).map((thread) => thread.comments.map((comment) => comment.body))).toEqual([
        [`【Word 批注：王局长，2026年11月25日】${SPANNING_COMMENT}`, `【Word 回复：李审核，2026年11月26日】${REPLY}`],
      ]);
      // The same file again adds neither the thread nor the reply.
      const again = await importTrackedDocx({ db, user: reviewer, reportId, bytes: await buildWpsLeaderDocx(buildWpsReport()) });
      expect(again).toMatchObject({
        revision: result.revision,
        insertions: 0,
        deletions: 0,
        splits: 0,
        fieldChanges: 0,
        comments: 0,
        replies: 0,
        existingComments: 1,
      });
      expect((await threads()).map((thread) => thread.comments.length)).toEqual([2]);
    });
  });

  it("logs a 签发人 in the file other than the agency's, and changes nothing for it", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, reportId } = await seedTeam(db, "赵六");
      const result = await importTrackedDocx({ db, user: reviewer, reportId, bytes: await buildWpsLeaderDocx(buildWpsReport(), { frame: "textBox" }) });
      expect(result.log).toContain(`Word 文件中的签发人为“${WPS_SIGNER}”，报告中为“赵六”，未导入：签发人请在“版头与版记”中修改。`);
      expect((await getReport({ db, user: drafter, reportId })).content.frame).toBeUndefined();
    });
  });
});
