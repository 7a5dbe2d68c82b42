import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "@/lib/db/client";
import { listSuggestions, type Report, type RichDoc, type RichMark } from "@/lib/report-model";
import { getReport, insertReport, resolveReportSuggestions, saveReportContent, submitReport } from "@/lib/reports";
import { transitionReport } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

const FIRST = "全年开展专题学习六次，邀请专家解读新修订的行政复议法。";
const SECOND = "组织旁听庭审两次，旁听人员撰写心得体会。";
const BODY: RichDoc = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: FIRST }] },
    { type: "paragraph", content: [{ type: "text", text: SECOND }] },
  ],
};

/** The body with both paragraphs split after their "，" by `authorId`, as the editor's Enter leaves it. */
function splitBody(authorId: string): RichDoc {
  const split = (id: string): RichMark => ({ type: "suggestSplit", attrs: { id, authorId, authorName: "王审核", at: "2026-11-30T02:00:00.000Z" } });
  const part = (text: string, marks?: RichMark[]) => ({ type: "text" as const, text, ...(marks ? { marks } : {}) });
  return {
    type: "doc",
    content: [
      { type: "paragraph", content: [part("全年开展专题学习六次"), part("，", [split("split-a")])] },
      { type: "paragraph", content: [part("邀请专家解读新修订的行政复议法。")] },
      { type: "paragraph", content: [part("组织旁听庭审两次"), part("，", [split("split-b")])] },
      { type: "paragraph", content: [part("旁听人员撰写心得体会。")] },
    ],
  };
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe.skipIf(!isAvailable)(`[SUGGEST] a reviewer's suggested paragraph split through the server on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  async function seed(db: Database) {
    const agency = await seedAgency(db, { name: `青溪市水务局${Math.random().toString(36).slice(2, 6)}` });
    const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
    const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: agency.id });
    const report = buildCompleteReport({ agency: agency.name });
    report.sections[0]!.items[0]!.body = BODY;
    const { reportId } = await insertReport({ db, user: drafter, content: report, source: "test" });
    await submitReport({ db, user: drafter, reportId });
    return { drafter, reviewer, reportId };
  }

  it("is saved as a suggestion; the drafter accepts one break and rejects the other", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, reportId } = await seed(db);
      const start = await getReport({ db, user: reviewer, reportId });
      const content: Report = structuredClone(start.content);
      content.sections[0]!.items[0]!.body = splitBody(reviewer.id);
      await saveReportContent({ db, user: reviewer, reportId, input: { baseRevision: start.revision, content } });
      const stored = (await getReport({ db, user: drafter, reportId })).content;
      expect(listSuggestions(stored).map((suggestion) => [suggestion.kind, suggestion.id, suggestion.before])).toEqual([
        ["split", "split-a", "全年开展专题学习六次，"],
        ["split", "split-b", "组织旁听庭审两次，"],
      ]);

      await transitionReport({ db, user: reviewer, reportId, input: { transition: "return", note: "请处理分段修订" } });
      await resolveReportSuggestions({ db, user: drafter, input: { reportId, decision: "accept", ids: ["split-a"] } });
      await resolveReportSuggestions({ db, user: drafter, input: { reportId, decision: "reject", ids: ["split-b"] } });
      const decided = (await getReport({ db, user: drafter, reportId })).content;
      expect(decided.sections[0]!.items[0]!.body).toEqual({
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "全年开展专题学习六次，" }] },
          { type: "paragraph", content: [{ type: "text", text: "邀请专家解读新修订的行政复议法。" }] },
          { type: "paragraph", content: [{ type: "text", text: SECOND }] },
        ],
      });
    });
  });

  it("refuses the same split without its mark (a plain edit) and a split credited to someone else", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, reportId } = await seed(db);
      const start = await getReport({ db, user: reviewer, reportId });
      const plain: Report = structuredClone(start.content);
      plain.sections[0]!.items[0]!.body = {
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "全年开展专题学习六次，" }] },
          { type: "paragraph", content: [{ type: "text", text: "邀请专家解读新修订的行政复议法。" }] },
          BODY.content[1]!,
        ],
      };
      expect(await outcome(saveReportContent({ db, user: reviewer, reportId, input: { baseRevision: start.revision, content: plain } }))).toBe("FORBIDDEN");
      const forged: Report = structuredClone(start.content);
      forged.sections[0]!.items[0]!.body = splitBody(drafter.id);
      expect(await outcome(saveReportContent({ db, user: reviewer, reportId, input: { baseRevision: start.revision, content: forged } }))).toBe("FORBIDDEN");
    });
  });
});
