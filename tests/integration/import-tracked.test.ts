import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";
import { acceptedView, docToText, listSuggestions } from "@/lib/report-model";
import { exportReviewDocx, getReport, importTrackedDocx, insertReport, submitReport } from "@/lib/reports";
import { createCommentThread, listCommentThreads, transitionReport } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { buildLeaderDocx, LEADER } from "../fixtures/tracked-leader-docx";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";
import { unzipDocx } from "../unit/export/docx/helpers/docx-xml";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

async function seedTeam(db: Database) {
  const agency = await seedAgency(db, { name: `青溪市水务局${Math.random().toString(36).slice(2, 6)}` });
  const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
  const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: agency.id });
  const approver = await seedUser(db, { roles: ["approver"], agencyId: agency.id });
  // The leader has an account: Word's author name maps to it.
  await db.update(tables.users).set({ displayName: LEADER }).where(eq(tables.users.id, approver.id));
  const stranger = await seedUser(db, { roles: ["admin", "drafter", "reviewer", "approver"] });
  const content = buildCompleteReport({ agency: agency.name });
  const { reportId } = await insertReport({ db, user: drafter, content, source: "test" });
  return { drafter, reviewer, approver: { ...approver, displayName: LEADER }, stranger, reportId, content };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe.skipIf(!isAvailable)(`[TRACKED] DOCX tracked changes into a stored report on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("a reviewer imports the leader's DOCX: suggestions by the leader, the comment as a thread, one revision, the log", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, approver, reportId, content } = await seedTeam(db);
      await submitReport({ db, user: drafter, reportId });
      const docx = await buildLeaderDocx(content);
      const before = await getReport({ db, user: reviewer, reportId });
      const result = await importTrackedDocx({ db, user: reviewer, reportId, bytes: docx });
      expect(result).toMatchObject({ revision: before.revision + 1, insertions: 2, deletions: 2, fieldChanges: 1, comments: 1, existingComments: 0 });
      expect(result.log).toHaveLength(2);
      const stored = await getReport({ db, user: drafter, reportId });
      const suggestions = listSuggestions(stored.content);
      expect(suggestions.map((suggestion) => [suggestion.kind, suggestion.text, suggestion.authorName, suggestion.authorId])).toEqual([
        ["delete", "六次", LEADER, approver.id],
        ["insert", "八次", LEADER, approver.id],
        ["insert", "全年共办理涉水行政许可一百二十件。", LEADER, approver.id],
        ["delete", "逐项", LEADER, approver.id],
        ["replace", "依法全面履行部门职能，优化法治化营商环境", LEADER, approver.id],
      ]);
      // The heading keeps its text until the suggestion is accepted.
      expect(stored.content.sections[0]!.items[1]!.heading).toBe(content.sections[0]!.items[1]!.heading);
      expect(acceptedView(stored.content).sections[0]!.items[1]!.heading).toBe("依法全面履行部门职能，优化法治化营商环境");
      expect(docToText(acceptedView(stored.content).sections[0]!.items[0]!.body)).toContain("全年开展专题学习八次");
      const [revision] = await db.select().from(tables.reportRevisions).where(eq(tables.reportRevisions.revision, result.revision));
      expect(revision?.note).toBe("导入 Word 修订：插入 2 处，删除 2 处，标题等修改 1 处，批注 1 条");
      const threads = await listCommentThreads({ db, user: drafter, reportId });
      expect(threads.map((thread) => [thread.itemId, thread.field, thread.quote, thread.comments[0]!.body])).toEqual([
        [content.sections[0]!.items[1]!.id, "body", "一窗受理", "【Word 批注：王局长，2026年11月25日】办件数量要核实。"],
      ]);
      const range = threads[0]!.range!;
      expect(docToText(stored.content.sections[0]!.items[1]!.body).slice(range.from, range.to)).toBe("一窗受理");

      // The same file again adds nothing.
      const again = await importTrackedDocx({ db, user: reviewer, reportId, bytes: docx });
      expect(again).toMatchObject({ revision: result.revision, insertions: 0, deletions: 0, fieldChanges: 0, comments: 0, existingComments: 1 });
      expect(listSuggestions((await getReport({ db, user: drafter, reportId })).content)).toHaveLength(5);
    });
  });

  it("the review DOCX carries the stored suggestions and open threads; the importer refuses another agency and the wrong role or state", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, approver, stranger, reportId, content } = await seedTeam(db);
      const docx = await buildLeaderDocx(content);
      // In draft only the drafter may bring changes in; the reviewer may not.
      expect(await codeOf(importTrackedDocx({ db, user: reviewer, reportId, bytes: docx }))).toBe("FORBIDDEN");
      await submitReport({ db, user: drafter, reportId });
      expect(await codeOf(importTrackedDocx({ db, user: stranger, reportId, bytes: docx }))).toBe("NOT_FOUND");
      expect(await codeOf(importTrackedDocx({ db, user: drafter, reportId, bytes: docx }))).toBe("INVALID_STATE");
      expect(await codeOf(importTrackedDocx({ db, user: reviewer, reportId, bytes: new TextEncoder().encode("不是 Word 文件") }))).toBe("INVALID_INPUT");
      await createCommentThread({
        db,
        user: reviewer,
        reportId,
        input: { anchor: { sectionId: content.sections[0]!.id, itemId: content.sections[0]!.items[0]!.id }, body: "这一条请补充数据。" },
      });
      await importTrackedDocx({ db, user: reviewer, reportId, bytes: docx });
      const file = await exportReviewDocx({ db, user: reviewer, reportId });
      expect(file.fileName).toMatch(/（修订稿）\.docx$/);
      const parts = unzipDocx(file.bytes);
      expect(parts["word/document.xml"]).toMatch(/<w:ins w:id="\d+" w:author="王局长" w:date="2026-11-25T09:30:00Z">/);
      expect(parts["word/document.xml"]).toMatch(/<w:delText[^>]*>六次<\/w:delText>/);
      // The heading's field suggestion too, and the leader's file read back adds nothing.
      expect(parts["word/document.xml"]).toMatch(/<w:del w:id="\d+" w:author="王局长"[^>]*><w:r>(?:(?!<\/w:r>).)*<w:delText[^>]*>持续<\/w:delText>/s);
      const back = await importTrackedDocx({ db, user: reviewer, reportId, bytes: file.bytes });
      expect(back).toMatchObject({ insertions: 0, deletions: 0, fieldChanges: 0, comments: 0, log: [] });
      expect(parts["word/comments.xml"]).toContain("这一条请补充数据。");
      expect(parts["word/comments.xml"]).toContain("办件数量要核实。");
      expect(await codeOf(exportReviewDocx({ db, user: stranger, reportId }))).toBe("NOT_FOUND");
      // Signed: nobody brings changes in.
      await transitionReport({ db, user: reviewer, reportId, input: { transition: "approve" } });
      // (Sign-off itself needs every suggestion and thread settled; the state is what matters here.)
      await db.update(tables.reports).set({ status: "signed" }).where(eq(tables.reports.id, reportId));
      expect(await codeOf(importTrackedDocx({ db, user: approver, reportId, bytes: docx }))).toBe("INVALID_STATE");
    });
  });
});
