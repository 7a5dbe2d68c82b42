import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "@/lib/auth/session-user";
import { mergeReports } from "@/lib/collab";
import type { Database } from "@/lib/db/client";
import { fieldsWithSeveralSuggestions, suggestFieldText, type FieldTarget, type Report } from "@/lib/report-model";
import { getReport, insertReport, saveReportContent, submitReport } from "@/lib/reports";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);
const TITLE: FieldTarget = { field: "meta", key: "title" };

let counter = 0;
function suggestTitle(content: Report, user: SessionUser, text: string): Report {
  return suggestFieldText(content, {
    target: TITLE,
    text,
    author: { authorId: user.id, authorName: user.displayName, at: "2026-11-30T02:00:00.000Z" },
    newId: () => `race-${(counter += 1)}`,
  })!;
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe.skipIf(!isAvailable)(`[SUGGEST] two reviewers suggesting on one field at the same instant on ${testDbKind()}`, () => {
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
    const first = await seedUser(db, { roles: ["reviewer"], agencyId: agency.id });
    const second = await seedUser(db, { roles: ["reviewer"], agencyId: agency.id });
    const { reportId } = await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: agency.name }), source: "test" });
    await submitReport({ db, user: drafter, reportId });
    return { drafter, first, second, reportId };
  }

  it("leaves one entry on the field: the second window merges, keeps the first suggestion and saves", async () => {
    // Not in a rolled-back transaction: the two saves must be two real transactions racing for the row lock.
    await (async (db: Database) => {
      const { first, second, reportId } = await seed(db);
      const start = await getReport({ db, user: first, reportId });
      const firstContent = suggestTitle(start.content, first, "关于2025年度法治政府建设情况的报告");
      const secondContent = suggestTitle(start.content, second, "2025年度法治政府建设工作报告");
      // Both save on the same revision at once: the row lock lets one in, the other is told of the newer revision.
      const results = await Promise.all([
        outcome(saveReportContent({ db, user: first, reportId, input: { baseRevision: start.revision, content: firstContent } })),
        outcome(saveReportContent({ db, user: second, reportId, input: { baseRevision: start.revision, content: secondContent } })),
      ]);
      expect(results.sort()).toEqual(["CONFLICT", "ok"]);
      // The window that lost merges three-way, as the autosave controller does, and saves the result.
      const current = await getReport({ db, user: second, reportId });
      const winnerIsFirst = current.content.fieldSuggestions![0]!.authorId === first.id;
      const [loser, loserContent] = winnerIsFirst ? [second, secondContent] : [first, firstContent];
      const merged = mergeReports({ base: start.content, mine: loserContent, theirs: current.content });
      expect(merged.unresolved).toEqual([]);
      expect(merged.setAsideSuggestions.map((suggestion) => suggestion.authorId)).toEqual([loser.id]);
      await saveReportContent({ db, user: loser, reportId, input: { baseRevision: current.revision, content: merged.report } });
      const stored = (await getReport({ db, user: first, reportId })).content;
      expect(stored.fieldSuggestions).toHaveLength(1);
      expect(stored.fieldSuggestions![0]!.authorId).toBe(winnerIsFirst ? first.id : second.id);
      expect(stored.meta.title).toBe(start.content.meta.title);
    })(handle.db);
  });

  it("refuses a save that would put a second reviewer's suggestion on a field that has one", async () => {
    await withRollback(handle.db, async (db) => {
      const { first, second, reportId } = await seed(db);
      const start = await getReport({ db, user: first, reportId });
      await saveReportContent({ db, user: first, reportId, input: { baseRevision: start.revision, content: suggestTitle(start.content, first, "甲标题") } });
      const current = await getReport({ db, user: second, reportId });
      // A client that simply adds its own entry to the list (as the merge did before) must not store two.
      const mine = suggestTitle(start.content, second, "乙标题").fieldSuggestions!;
      const both: Report = { ...current.content, fieldSuggestions: [...current.content.fieldSuggestions!, ...mine] };
      expect(fieldsWithSeveralSuggestions(both)).toEqual(["meta.title"]);
      expect(await outcome(saveReportContent({ db, user: second, reportId, input: { baseRevision: current.revision, content: both } }))).toBe("CONFLICT");
      expect((await getReport({ db, user: first, reportId })).content.fieldSuggestions!.map((suggestion) => suggestion.to)).toEqual(["甲标题"]);
    });
  });
});
