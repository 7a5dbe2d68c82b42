/**
 * What the review bar tells the approver before 签发 is what the server checks: open 修订 are named next to open
 * comments and errors, and the printed 成文日期 is checked against today and the day the report was approved.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";
import type { Report } from "@/lib/report-model";
import { getReport, insertReport, resolveReportSuggestions } from "@/lib/reports";
import { createCommentThread, getReportReview, setThreadResolved, transitionReport } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

interface Team {
  drafter: SessionUser;
  reviewer: SessionUser;
  approver: SessionUser;
}

async function seedTeam(db: Database): Promise<Team> {
  const agency = await seedAgency(db, { name: `白沙县审计局${Math.random().toString(36).slice(2, 6)}` });
  return {
    drafter: await seedUser(db, { roles: ["drafter"], agencyId: agency.id }),
    reviewer: await seedUser(db, { roles: ["reviewer"], agencyId: agency.id }),
    approver: await seedUser(db, { roles: ["approver"], agencyId: agency.id }),
  };
}

/** The first item reads "全年开展[集中]专题学习{六次}。": the reviewer's insertion and deletion, both undecided. */
function withTwoSuggestions(content: Report, reviewer: SessionUser): Report {
  const next = structuredClone(content);
  const attrs = (id: string) => ({ id, authorId: reviewer.id, authorName: reviewer.displayName, at: "2026-11-29T08:15:00.000Z" });
  next.sections[0]!.items[0]!.body = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "全年开展" },
          { type: "text", text: "集中", marks: [{ type: "suggestInsert", attrs: attrs("s-ji") }] },
          { type: "text", text: "专题学习" },
          { type: "text", text: "六次", marks: [{ type: "suggestDelete", attrs: attrs("s-liu") }] },
          { type: "text", text: "。" },
        ],
      },
    ],
  };
  return next;
}

async function reportInState(db: Database, drafter: SessionUser, content: Report, status: "in_review" | "reviewed"): Promise<string> {
  const { reportId } = await insertReport({ db, user: drafter, content, source: "test" });
  await db.update(tables.reports).set({ status }).where(eq(tables.reports.id, reportId));
  return reportId;
}

describe.skipIf(!isAvailable)(`[WORKFLOW] what sign-off is checked against, on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("names the open 修订 on the 签发 button and in the confirmation counts, as the server refuses it", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, approver } = await seedTeam(db);
      const content = withTwoSuggestions(buildCompleteReport({ agency: "白沙县审计局", year: 2025 }), reviewer);
      content.meta.date = "2026-11-30";
      const reportId = await reportInState(db, drafter, content, "reviewed");
      const { threadId } = await createCommentThread({ db, user: approver, reportId, input: { body: "请再核对一遍数字" } });
      const now = new Date("2026-11-30T04:00:00Z");
      const signoffOption = async () => (await getReportReview({ db, user: approver, reportId, now })).transitions.find((option) => option.name === "signoff");

      const review = await getReportReview({ db, user: approver, reportId, now });
      expect(review.suggestionCount).toBe(2);
      expect(review.documentDate).toBe("2026-11-30");
      expect(await signoffOption()).toMatchObject({ isAllowed: false, reason: "还有 1 条意见未解决、2 处修订未接受或拒绝，处理后才能签发" });
      await expect(transitionReport({ db, user: approver, reportId, input: { transition: "signoff" }, now })).rejects.toMatchObject({
        code: "INVALID_STATE",
        userMessage: "还有 1 条意见未解决、2 处修订未接受或拒绝，处理后才能签发",
      });

      // The comment resolved: the button does not turn green while 修订 are open; it says so, as the server does.
      await setThreadResolved({ db, user: approver, threadId, isResolved: true });
      expect(await signoffOption()).toMatchObject({ isAllowed: false, reason: "还有 2 处修订未接受或拒绝，处理后才能签发" });
      await expect(transitionReport({ db, user: approver, reportId, input: { transition: "signoff" }, now })).rejects.toMatchObject({
        userMessage: "还有 2 处修订未接受或拒绝，处理后才能签发",
      });

      await resolveReportSuggestions({ db, user: approver, input: { reportId, decision: "reject", ids: ["s-ji"] } });
      await resolveReportSuggestions({ db, user: approver, input: { reportId, decision: "accept", ids: ["s-liu"] } });
      const decided = await getReportReview({ db, user: approver, reportId, now });
      expect(decided.suggestionCount).toBe(0);
      expect(decided.transitions.find((option) => option.name === "signoff")).toEqual({ name: "signoff", label: "签发", to: "signed", isAllowed: true });
      await transitionReport({ db, user: approver, reportId, input: { transition: "signoff" }, now });
      expect((await getReport({ db, user: approver, reportId })).status).toBe("signed");
    });
  });

  it("counts open 修订 for the reviewer's 审核通过 confirmation without blocking the approval", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer } = await seedTeam(db);
      const reportId = await reportInState(db, drafter, withTwoSuggestions(buildCompleteReport({ year: 2025 }), reviewer), "in_review");
      const review = await getReportReview({ db, user: reviewer, reportId });
      expect(review.suggestionCount).toBe(2);
      expect(review.transitions.find((option) => option.name === "approve")).toMatchObject({ isAllowed: true });
    });
  });

  it("refuses to sign a report whose 成文日期 is after today, on the button and on the server", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, approver } = await seedTeam(db);
      const content = buildCompleteReport({ year: 2025 });
      content.meta.date = "2026-12-05";
      const reportId = await reportInState(db, drafter, content, "reviewed");
      const now = new Date("2026-11-30T04:00:00Z");
      const message = "成文日期（2026年12月5日）晚于今天（2026年11月30日），签发时成文日期应为签发当天，请退回修改后再签发";
      const review = await getReportReview({ db, user: approver, reportId, now });
      expect(review.documentDateIssue).toEqual({
        isBlocking: true,
        message: "成文日期（2026年12月5日）晚于今天（2026年11月30日），签发时成文日期应为签发当天",
      });
      expect(review.transitions.find((option) => option.name === "signoff")).toMatchObject({ isAllowed: false, reason: message });
      await expect(transitionReport({ db, user: approver, reportId, input: { transition: "signoff" }, now })).rejects.toMatchObject({
        code: "INVALID_STATE",
        userMessage: message,
      });
      // On the day itself (Beijing time: 2026-12-05 00:30 is still 12月4日 16:30 UTC) it may be signed.
      await transitionReport({ db, user: approver, reportId, input: { transition: "signoff" }, now: new Date("2026-12-04T16:30:00Z") });
      expect((await getReport({ db, user: approver, reportId })).status).toBe("signed");
    });
  });

  it("warns when the 成文日期 is earlier than the approval, signs when confirmed, and keeps the warning in the audit", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, approver } = await seedTeam(db);
      const content = buildCompleteReport({ year: 2025 });
      content.meta.date = "2026-11-20";
      const { reportId } = await insertReport({ db, user: drafter, content, source: "test" });
      await transitionReport({ db, user: drafter, reportId, input: { transition: "submit" }, now: new Date("2026-11-24T02:00:00Z") });
      await transitionReport({ db, user: reviewer, reportId, input: { transition: "approve" }, now: new Date("2026-11-25T02:00:00Z") });
      const now = new Date("2026-11-30T04:00:00Z");
      const warning = "成文日期（2026年11月20日）早于审核通过日期（2026年11月25日），成文日期应为签发当天";

      const review = await getReportReview({ db, user: approver, reportId, now });
      expect(review.documentDateIssue).toEqual({ isBlocking: false, message: warning });
      expect(review.transitions.find((option) => option.name === "signoff")).toMatchObject({ isAllowed: true });
      await transitionReport({ db, user: approver, reportId, input: { transition: "signoff" }, now });
      const [event] = await db
        .select({ detail: tables.auditEvents.detail })
        .from(tables.auditEvents)
        .where(and(eq(tables.auditEvents.action, "report.status"), eq(tables.auditEvents.targetId, reportId)))
        .orderBy(tables.auditEvents.id)
        .offset(2);
      expect(event?.detail).toMatchObject({ transition: "signoff", documentDateWarning: warning });
    });
  });

  it("has nothing to say about a 成文日期 on the sign-off day", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, approver } = await seedTeam(db);
      const content = buildCompleteReport({ year: 2025 });
      content.meta.date = "2026-11-30";
      const { reportId } = await insertReport({ db, user: drafter, content, source: "test" });
      await transitionReport({ db, user: drafter, reportId, input: { transition: "submit" }, now: new Date("2026-11-24T02:00:00Z") });
      await transitionReport({ db, user: reviewer, reportId, input: { transition: "approve" }, now: new Date("2026-11-25T02:00:00Z") });
      const review = await getReportReview({ db, user: approver, reportId, now: new Date("2026-11-30T04:00:00Z") });
      expect(review.documentDateIssue).toBeUndefined();
      await transitionReport({ db, user: approver, reportId, input: { transition: "signoff" }, now: new Date("2026-11-30T04:00:00Z") });
      const [event] = await db
        .select({ detail: tables.auditEvents.detail })
        .from(tables.auditEvents)
        .where(and(eq(tables.auditEvents.action, "report.status"), eq(tables.auditEvents.targetId, reportId)))
        .orderBy(tables.auditEvents.id)
        .offset(2);
      expect(event?.detail).toMatchObject({ transition: "signoff" });
      expect(event?.detail).not.toHaveProperty("documentDateWarning");
    });
  });
});
