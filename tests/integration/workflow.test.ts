import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";
import { deadlineStatuses, describeDeadline, describeTransitions, textToDoc } from "@/lib/report-model";
import { getReport, insertReport, saveReportContent, submitReport } from "@/lib/reports";
import { countUnresolvedThreads, createCommentThread, listCommentThreads, replyToThread, setThreadResolved, transitionReport } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

interface Team {
  drafter: SessionUser;
  reviewer: SessionUser;
  approver: SessionUser;
  stranger: SessionUser;
  reportId: string;
}

async function seedTeam(db: Database): Promise<Team> {
  const agency = await seedAgency(db, { name: `青溪市水务局${Math.random().toString(36).slice(2, 6)}` });
  const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
  const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: agency.id });
  const approver = await seedUser(db, { roles: ["approver"], agencyId: agency.id });
  const stranger = await seedUser(db, { roles: ["admin", "drafter", "reviewer", "approver"] });
  const { reportId } = await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: agency.name }), source: "test" });
  return { drafter, reviewer, approver, stranger, reportId };
}

describe.skipIf(!isAvailable)(`[WORKFLOW] state machine, comments on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("walks draft → in_review → returned → in_review → reviewed → signed → published → draft, one revision and audit entry per step", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, approver, reportId } = await seedTeam(db);
      await submitReport({ db, user: drafter, reportId });
      await transitionReport({ db, user: reviewer, reportId, input: { transition: "return", note: "第二部分原因分析不够具体" } });
      expect((await getReport({ db, user: drafter, reportId })).status).toBe("returned");
      const threads = await listCommentThreads({ db, user: drafter, reportId });
      expect(threads.map((thread) => thread.comments[0]!.body)).toEqual(["退回意见：第二部分原因分析不够具体"]);
      await setThreadResolved({ db, user: drafter, threadId: threads[0]!.id, isResolved: true });
      await transitionReport({ db, user: drafter, reportId, input: { transition: "submit" } });
      await transitionReport({ db, user: reviewer, reportId, input: { transition: "approve" } });
      await transitionReport({ db, user: approver, reportId, input: { transition: "signoff" }, now: new Date("2025-03-10T02:00:00Z") });
      await transitionReport({
        db,
        user: approver,
        reportId,
        input: { transition: "publish", publishedOn: "2025-03-20", publishedNote: "https://example.gov.cn/fzzf/2025/0320.html" },
      });
      const published = await getReport({ db, user: drafter, reportId });
      expect(published).toMatchObject({ status: "published", publishedNote: "https://example.gov.cn/fzzf/2025/0320.html" });
      expect(published.publishedAt?.toISOString()).toBe("2025-03-19T16:00:00.000Z");
      await transitionReport({ db, user: approver, reportId, input: { transition: "reopen", note: "更正一处统计数据" } });
      const revisions = await db.select().from(tables.reportRevisions).where(eq(tables.reportRevisions.reportId, reportId));
      expect(revisions.map((revision) => [revision.revision, revision.status, revision.note]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
        [1, "draft", "创建"],
        [2, "in_review", "提交审核"],
        [3, "returned", "退回修改：第二部分原因分析不够具体"],
        [4, "in_review", "提交审核"],
        [5, "reviewed", "审核通过"],
        [6, "signed", "签发"],
        [7, "published", "标记为已公开"],
        [8, "draft", "新修订：更正一处统计数据"],
      ]);
      const audit = await db.select().from(tables.auditEvents).where(eq(tables.auditEvents.targetId, reportId));
      const steps = audit.filter((event) => event.action === "report.status").map((event) => `${event.detail.from}→${event.detail.to}`);
      expect(steps).toEqual([
        "draft→in_review",
        "in_review→returned",
        "returned→in_review",
        "in_review→reviewed",
        "reviewed→signed",
        "signed→published",
        "published→draft",
      ]);
    });
  });

  it.each([
    ["reviewer cannot sign off", "reviewer", "reviewed", "signoff", "FORBIDDEN", "只有签发人可以签发"],
    ["approver cannot approve a report in review", "approver", "in_review", "approve", "FORBIDDEN", "只有审核人可以审核通过"],
    ["drafter cannot approve", "drafter", "in_review", "approve", "FORBIDDEN", "只有审核人可以审核通过"],
    ["a draft cannot be signed", "approver", "draft", "signoff", "INVALID_STATE", "报告当前为“草稿”，不能签发"],
    ["a signed report cannot be submitted again", "drafter", "signed", "submit", "INVALID_STATE", "报告当前为“已签发”，不能提交审核"],
    ["publishing needs a date", "approver", "signed", "publish", "INVALID_INPUT", "请填写公开日期"],
    ["a new revision needs a reason", "approver", "signed", "reopen", "INVALID_INPUT", "请填写新修订的原因"],
    ["returning needs a reason", "reviewer", "in_review", "return", "INVALID_INPUT", "退回修改时请填写退回意见"],
  ] as const)("refuses: %s", async (_title, role, status, transition, code, message) => {
    await withRollback(handle.db, async (db) => {
      const team = await seedTeam(db);
      await db.update(tables.reports).set({ status }).where(eq(tables.reports.id, team.reportId));
      const user = team[role];
      await expect(transitionReport({ db, user, reportId: team.reportId, input: { transition } })).rejects.toMatchObject({ code, userMessage: message });
      expect((await getReport({ db, user, reportId: team.reportId })).status).toBe(status);
    });
  });

  it("checks findings again at approval and sign-off, and unresolved comments block sign-off", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, approver, reportId } = await seedTeam(db);
      await submitReport({ db, user: drafter, reportId });
      // Someone clears the date behind the workflow's back: approval must see the error.
      const row = await getReport({ db, user: drafter, reportId });
      const broken = structuredClone(row.content);
      broken.meta.date = "";
      await db.update(tables.reports).set({ content: broken }).where(eq(tables.reports.id, reportId));
      await expect(transitionReport({ db, user: reviewer, reportId, input: { transition: "approve" } })).rejects.toMatchObject({
        userMessage: "还有 1 个错误需要修改，修改后才能审核通过",
      });
      await db.update(tables.reports).set({ content: row.content }).where(eq(tables.reports.id, reportId));
      const section = row.content.sections[1]!;
      const { threadId } = await createCommentThread({
        db,
        user: reviewer,
        reportId,
        input: {
          anchor: { sectionId: section.id, itemId: section.items[0]!.id, field: "body", from: 0, to: 6, quote: "一是部分干部" },
          body: "请补充具体表现",
        },
      });
      await transitionReport({ db, user: reviewer, reportId, input: { transition: "approve" } });
      expect(await countUnresolvedThreads(db, reportId)).toEqual({ total: 1, byItem: { [section.items[0]!.id]: 1 }, bySection: { [section.id]: 1 } });
      await expect(transitionReport({ db, user: approver, reportId, input: { transition: "signoff" } })).rejects.toMatchObject({
        userMessage: "还有 1 条意见未解决，解决后才能签发",
      });
      await replyToThread({ db, user: drafter, input: { threadId, body: "已补充两处具体表现" } });
      await setThreadResolved({ db, user: reviewer, threadId, isResolved: true });
      await setThreadResolved({ db, user: reviewer, threadId, isResolved: false });
      expect((await countUnresolvedThreads(db, reportId)).total).toBe(1);
      await setThreadResolved({ db, user: reviewer, threadId, isResolved: true });
      await transitionReport({ db, user: approver, reportId, input: { transition: "signoff" } });
      const [thread] = await listCommentThreads({ db, user: approver, reportId });
      expect(thread).toMatchObject({ quote: "一是部分干部", range: { from: 0, to: 6 }, isResolved: true });
      expect(thread!.comments.map((comment) => comment.body)).toEqual(["请补充具体表现", "已补充两处具体表现"]);
    });
  });

  it("locks the content after sign-off until a new revision", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, approver, reportId } = await seedTeam(db);
      await submitReport({ db, user: drafter, reportId });
      await transitionReport({ db, user: reviewer, reportId, input: { transition: "approve" } });
      await transitionReport({ db, user: approver, reportId, input: { transition: "signoff" } });
      const row = await getReport({ db, user: drafter, reportId });
      const edited = structuredClone(row.content);
      edited.sections[0]!.items[0]!.body = textToDoc("签发后偷偷修改的内容。");
      await expect(saveReportContent({ db, user: drafter, reportId, input: { baseRevision: row.revision, content: edited } })).rejects.toMatchObject({
        code: "INVALID_STATE",
      });
      await transitionReport({ db, user: approver, reportId, input: { transition: "reopen", note: "补充一项数据" } });
      const reopened = await getReport({ db, user: drafter, reportId });
      await saveReportContent({ db, user: drafter, reportId, input: { baseRevision: reopened.revision, content: edited } });
      expect(JSON.stringify((await getReport({ db, user: drafter, reportId })).content)).toContain("签发后偷偷修改的内容");
    });
  });

  it("comments: anchors must exist, other agencies see nothing, reviewers may not edit", async () => {
    await withRollback(handle.db, async (db) => {
      const { drafter, reviewer, stranger, reportId } = await seedTeam(db);
      await expect(createCommentThread({ db, user: reviewer, reportId, input: { anchor: { sectionId: "s-missing" }, body: "意见" } })).rejects.toMatchObject({
        code: "INVALID_INPUT",
      });
      await expect(createCommentThread({ db, user: reviewer, reportId, input: { anchor: { from: 3, to: 1, quote: "" }, body: "意见" } })).rejects.toMatchObject(
        { name: "ZodError" },
      );
      const { threadId } = await createCommentThread({ db, user: reviewer, reportId, input: { body: "总体结构清楚" } });
      await expect(listCommentThreads({ db, user: stranger, reportId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(replyToThread({ db, user: stranger, input: { threadId, body: "越权回复" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(setThreadResolved({ db, user: stranger, threadId, isResolved: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const row = await getReport({ db, user: drafter, reportId });
      await expect(saveReportContent({ db, user: reviewer, reportId, input: { baseRevision: row.revision, content: row.content } })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    });
  });

  it("describes the buttons the UI shows: allowed, or disabled with the reason", () => {
    expect(describeTransitions({ status: "in_review", roles: ["reviewer"], errorCount: 0, unresolvedCount: 0, suggestionCount: 0 })).toEqual([
      { name: "return", label: "退回修改", to: "returned", isAllowed: true },
      { name: "approve", label: "审核通过", to: "reviewed", isAllowed: true },
    ]);
    expect(describeTransitions({ status: "reviewed", roles: ["reviewer"], errorCount: 0, unresolvedCount: 2, suggestionCount: 0 })).toEqual([
      { name: "return", label: "退回修改", to: "returned", isAllowed: false, reason: "只有签发人可以退回修改" },
      { name: "signoff", label: "签发", to: "signed", isAllowed: false, reason: "只有签发人可以签发" },
    ]);
    expect(describeTransitions({ status: "reviewed", roles: ["approver"], errorCount: 0, unresolvedCount: 2, suggestionCount: 0 })[1]).toMatchObject({
      isAllowed: false,
      reason: "还有 2 条意见未解决，解决后才能签发",
    });
    expect(describeTransitions({ status: "draft", roles: ["drafter"], errorCount: 3, unresolvedCount: 0, suggestionCount: 0 })).toEqual([
      { name: "submit", label: "提交审核", to: "in_review", isAllowed: false, reason: "还有 3 个错误需要修改，修改后才能提交审核" },
    ]);
    expect(describeTransitions({ status: "published", roles: ["supervisor"], errorCount: 0, unresolvedCount: 0, suggestionCount: 0 })).toEqual([
      { name: "reopen", label: "新修订", to: "draft", isAllowed: false, reason: "只有签发人可以新修订" },
    ]);
  });
});

describe("[WORKFLOW] deadlines (pure)", () => {
  const cases: Array<
    [string, { status: string; now: string; settings?: { submissionDeadline?: string; disclosureDeadline?: string } }, Array<[string, number]>]
  > = [
    [
      "defaults, a draft in January",
      { status: "draft", now: "2025-01-10T02:00:00Z" },
      [
        ["upcoming", 50],
        ["upcoming", 81],
      ],
    ],
    [
      "defaults, a draft ten days before 3月1日",
      { status: "in_review", now: "2025-02-19T02:00:00Z" },
      [
        ["due_soon", 10],
        ["upcoming", 41],
      ],
    ],
    [
      "late on 3月2日 Beijing time although still 3月1日 in UTC",
      { status: "reviewed", now: "2025-03-01T17:00:00Z" },
      [
        ["late", -1],
        ["upcoming", 30],
      ],
    ],
    [
      "signed: submission done, disclosure still open",
      { status: "signed", now: "2025-03-25T02:00:00Z" },
      [
        ["done", -24],
        ["due_soon", 7],
      ],
    ],
    [
      "published: both done",
      { status: "published", now: "2025-05-01T02:00:00Z" },
      [
        ["done", -61],
        ["done", -30],
      ],
    ],
    [
      "agency settings move the deadlines; a malformed one falls back to the default",
      { status: "draft", now: "2025-02-01T02:00:00Z", settings: { submissionDeadline: "02-10", disclosureDeadline: "3-15" } },
      [
        ["due_soon", 9],
        ["upcoming", 59],
      ],
    ],
  ];
  it.each(cases)("%s", (_title, input, expected) => {
    const statuses = deadlineStatuses({ year: 2024, status: input.status, settings: input.settings, now: new Date(input.now) });
    expect(statuses.map((status) => [status.state, status.daysLeft])).toEqual(expected);
  });
  it("describes them in Chinese", () => {
    const [late, soon] = deadlineStatuses({ year: 2024, status: "draft", now: new Date("2025-03-04T02:00:00Z"), settings: { disclosureDeadline: "03-04" } });
    expect([describeDeadline(late!), describeDeadline(soon!)]).toEqual(["报送已逾期3天", "今天截止公开"]);
  });
});
