import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db/client";
import { findFieldSuggestion, listSuggestions, suggestFieldText, type FieldTarget, type Report } from "@/lib/report-model";
import { getReport, insertReport, resolveReportSuggestions, saveReportContent, submitReport } from "@/lib/reports";
import { transitionReport } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

// Issue #18 item 1 (audit finding 6): the 成文日期 and the 签发人 are what a leader most often changes; a reviewer
// suggests them instead of returning the whole report.
const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);
const DATE: FieldTarget = { field: "meta", key: "date" };
const SIGNER: FieldTarget = { field: "frame", key: "signer" };

let counter = 0;
function suggest(content: Report, user: SessionUser, target: FieldTarget, text: string): Report {
  return suggestFieldText(content, {
    target,
    text,
    author: { authorId: user.id, authorName: user.displayName, at: "2026-11-30T02:00:00.000Z" },
    newId: () => `sdf-${(counter += 1)}`,
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

describe.skipIf(!isAvailable)(`[SUGGEST] the 成文日期 and the 签发人 as suggestions on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("a reviewer suggests both, a plain change of either is refused, and the drafter's decisions are stored", async () => {
    await withRollback(handle.db, async (db) => {
      const agency = await seedAgency(db, { name: `青溪市水务局${Math.random().toString(36).slice(2, 6)}` });
      const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
      const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: agency.id });
      const content = { ...buildCompleteReport({ agency: agency.name }), frame: { signer: "李四", isSealed: true } };
      const { reportId } = await insertReport({ db, user: drafter, content, source: "test" });
      await submitReport({ db, user: drafter, reportId });

      // Plain changes are not suggestions: refused, as for the other fields.
      const plainDate = (report: Report) => ({ ...report, meta: { ...report.meta, date: "2025-03-08" } });
      expect(await codeOf(save(db, reviewer, reportId, plainDate))).toBe("FORBIDDEN");
      const plainSigner = (report: Report) => ({ ...report, frame: { ...report.frame, signer: "张三" } });
      expect(await codeOf(save(db, reviewer, reportId, plainSigner))).toBe("FORBIDDEN");
      // A date the field could not hold is refused as a suggestion too.
      expect(await codeOf(save(db, reviewer, reportId, (report) => suggest(report, reviewer, DATE, "2025年3月8日")))).not.toBe("ok");

      await save(db, reviewer, reportId, (report) => suggest(suggest(report, reviewer, DATE, "2025-03-08"), reviewer, SIGNER, "张三"));
      const suggested = (await getReport({ db, user: drafter, reportId })).content;
      expect(suggested.meta.date).toBe("2025-02-20");
      expect(suggested.frame).toEqual({ signer: "李四", isSealed: true });
      expect(listSuggestions(suggested).map((item) => [item.kind, item.location, "from" in item ? item.from : "", item.text])).toEqual([
        ["replace", DATE, "2025-02-20", "2025-03-08"],
        ["replace", SIGNER, "李四", "张三"],
      ]);

      await transitionReport({ db, user: reviewer, reportId, input: { transition: "return", note: "请按修订修改成文日期和签发人" } });
      await resolveReportSuggestions({ db, user: drafter, input: { reportId, decision: "accept", ids: [findFieldSuggestion(suggested, DATE)!.id] } });
      const last = await resolveReportSuggestions({
        db,
        user: drafter,
        input: { reportId, decision: "reject", ids: [findFieldSuggestion(suggested, SIGNER)!.id] },
      });
      expect(last).toMatchObject({ resolved: 1, remaining: 0 });
      const stored = (await getReport({ db, user: drafter, reportId })).content;
      expect(stored.meta.date).toBe("2025-03-08");
      expect(stored.frame).toEqual({ signer: "李四", isSealed: true });
      expect(stored.fieldSuggestions).toBeUndefined();
    });
  });

  it("accepting a suggested 签发人 writes the report's own 签发人", async () => {
    await withRollback(handle.db, async (db) => {
      const agency = await seedAgency(db, { name: `青溪市水务局${Math.random().toString(36).slice(2, 6)}` });
      const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
      const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: agency.id });
      const { reportId } = await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: agency.name }), source: "test" });
      await submitReport({ db, user: drafter, reportId });
      await save(db, reviewer, reportId, (report) => suggest(report, reviewer, SIGNER, "王五"));
      // The reviewer decides in their own step too.
      await resolveReportSuggestions({ db, user: reviewer, input: { reportId, decision: "accept", ids: "all" } });
      const stored = (await getReport({ db, user: drafter, reportId })).content;
      expect(stored.frame).toEqual({ signer: "王五" });
    });
  });
});
