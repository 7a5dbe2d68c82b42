import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db/client";
import { listSuggestions, suggestFieldText, type FieldTarget, type Report } from "@/lib/report-model";
import { getReport, insertReport, resolveReportSuggestions, saveReportContent, submitReport } from "@/lib/reports";
import { transitionReport } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

async function seedTeam(db: Database) {
  const agency = await seedAgency(db, { name: `青溪市水务局${Math.random().toString(36).slice(2, 6)}` });
  const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
  const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: agency.id });
  const approver = await seedUser(db, { roles: ["approver"], agencyId: agency.id });
  const report = buildCompleteReport({ agency: agency.name });
  report.closing = "特此报告";
  report.sections[0]!.items[0]!.body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "全年开展专题学习六次。" }] }] };
  const { reportId } = await insertReport({ db, user: drafter, content: report, source: "test" });
  await submitReport({ db, user: drafter, reportId });
  return { drafter, reviewer, approver, reportId };
}

let counter = 0;
function suggest(user: SessionUser, target: FieldTarget, text: string) {
  return (content: Report): Report =>
    suggestFieldText(content, {
      target,
      text,
      author: { authorId: user.id, authorName: user.displayName, at: "2026-11-29T08:15:00.000Z" },
      newId: () => `f-${(counter += 1)}`,
    })!;
}

async function save(db: Database, user: SessionUser, reportId: string, change: (content: Report) => Report) {
  const row = await getReport({ db, user, reportId });
  return saveReportContent({ db, user, reportId, input: { baseRevision: row.revision, content: change(row.content) } });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe.skipIf(!isAvailable)(`[SUGGEST] suggestions on headings, leads, meta fields and the closing on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("a reviewer suggests field changes that the stored fields take only when accepted", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, reportId } = await seedTeam(db);
      const before = (await getReport({ db, user: reviewer, reportId })).content;
      const sectionId = before.sections[0]!.id;
      await save(db, reviewer, reportId, (content) =>
        suggest(
          reviewer,
          { field: "closing" },
          "特此报告。",
        )(suggest(reviewer, { field: "sectionHeading", sectionId }, `全面${before.sections[0]!.heading}`)(content)),
      );
      const stored = (await getReport({ db, user: drafter, reportId })).content;
      expect(stored.closing).toBe("特此报告");
      expect(listSuggestions(stored).map((suggestion) => [suggestion.kind, suggestion.text, suggestion.authorName])).toEqual([
        ["replace", `全面${before.sections[0]!.heading}`, reviewer.displayName],
        ["replace", "特此报告。", reviewer.displayName],
      ]);
      await transitionReport({ db, user: reviewer, reportId, input: { transition: "return", note: "请处理修订" } });
      const [heading, closing] = listSuggestions(stored);
      await resolveReportSuggestions({ db, user: drafter, input: { reportId, decision: "accept", ids: [heading!.id] } });
      await resolveReportSuggestions({ db, user: drafter, input: { reportId, decision: "reject", ids: [closing!.id] } });
      const decided = (await getReport({ db, user: drafter, reportId })).content;
      expect(decided.sections[0]!.heading).toBe(`全面${before.sections[0]!.heading}`);
      expect(decided.closing).toBe("特此报告");
      expect(decided.fieldSuggestions).toBeUndefined();
    });
  });

  it("refuses a plain field edit in suggestion mode and a change to another reviewer's field suggestion", async () => {
    await withRollback(handle.db, async (db) => {
      const { reviewer, approver, reportId } = await seedTeam(db);
      const plainTitle = (content: Report): Report => ({ ...content, meta: { ...content.meta, title: "改过的标题" } });
      expect(await codeOf(save(db, reviewer, reportId, plainTitle))).toBe("FORBIDDEN");
      await save(db, reviewer, reportId, suggest(reviewer, { field: "meta", key: "title" }, "关于2024年度法治政府建设情况的报告"));
      await transitionReport({ db, user: reviewer, reportId, input: { transition: "approve" } });
      // The approver may add their own but not rewrite or drop the reviewer's.
      const rewrite = (content: Report): Report => ({
        ...content,
        fieldSuggestions: content.fieldSuggestions!.map((suggestion) => ({ ...suggestion, to: "别的标题" })),
      });
      expect(await codeOf(save(db, approver, reportId, rewrite))).toBe("FORBIDDEN");
      const drop = (content: Report): Report => ({ ...content, fieldSuggestions: [] });
      expect(await codeOf(save(db, approver, reportId, drop))).toBe("FORBIDDEN");
      expect(await codeOf(save(db, approver, reportId, suggest(approver, { field: "closing" }, "特此报告。")))).toBe("ok");
      expect(listSuggestions((await getReport({ db, user: approver, reportId })).content).map((suggestion) => suggestion.authorId)).toEqual([
        reviewer.id,
        approver.id,
      ]);
    });
  });

  it("a reviewer's new paragraph may be saved empty before its text is typed, and goes when its suggestion is rejected", async () => {
    await withRollback(handle.db, async (db) => {
      const { reviewer, reportId } = await seedTeam(db);
      const addParagraph =
        (paragraph: Report["opening"]["content"][number]) =>
        (content: Report): Report => {
          const next = structuredClone(content);
          next.sections[0]!.items[0]!.body.content.push(paragraph);
          return next;
        };
      expect(await codeOf(save(db, reviewer, reportId, addParagraph({ type: "paragraph" })))).toBe("ok");
      // A paragraph with plain (untracked) text is a plain edit.
      expect(await codeOf(save(db, reviewer, reportId, addParagraph({ type: "paragraph", content: [{ type: "text", text: "未标记的新段落。" }] })))).toBe(
        "FORBIDDEN",
      );
      const attrs = { id: "p-new", authorId: reviewer.id, authorName: reviewer.displayName, at: "2026-11-29T08:15:00.000Z" };
      const tracked = {
        type: "paragraph" as const,
        content: [{ type: "text" as const, text: "组织旁听庭审两次。", marks: [{ type: "suggestInsert" as const, attrs }] }],
      };
      expect(await codeOf(save(db, reviewer, reportId, addParagraph(tracked)))).toBe("ok");
      await resolveReportSuggestions({ db, user: reviewer, input: { reportId, decision: "reject", ids: ["p-new"] } });
      const body = (await getReport({ db, user: reviewer, reportId })).content.sections[0]!.items[0]!.body;
      expect(body.content.filter((block) => (block.content ?? []).length > 0)).toEqual([
        { type: "paragraph", content: [{ type: "text", text: "全年开展专题学习六次。" }] },
      ]);
    });
  });
});
