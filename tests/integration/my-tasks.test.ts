/**
 * 我的任务 and notifications: in one agency with ten reports in different states, every role's task view shows
 * exactly what waits for it; steps of the review loop notify the people they hand the report to, with read
 * state; e-mail goes through an SMTP server (a local sink here) only when one is configured.
 */
import { once } from "node:events";
import type { AddressInfo } from "node:net";

import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import * as tables from "@/lib/db/schema";
import { countUnreadNotifications, listNotifications, markNotificationsRead, notifyUsers, sendMail } from "@/lib/notifications";
import type { ReportStatus } from "@/lib/report-model";
import { insertReport, submitReport } from "@/lib/reports";
import { createAssignment, createCommentThread, listMyTasks, replyToThread, transitionReport } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

async function reportIn(db: Database, drafter: SessionUser, year: number, status: ReportStatus): Promise<string> {
  const { reportId } = await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: drafter.agencyName, year }), source: "test" });
  if (status !== "draft") await db.update(tables.reports).set({ status }).where(eq(tables.reports.id, reportId));
  return reportId;
}

/** The text body of a single-part message, decoded from base64 or quoted-printable. */
function mailBody(raw: string): string {
  const [headers, ...rest] = raw.split("\r\n\r\n");
  const body = rest.join("\r\n\r\n");
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers ?? "")?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

const years = (tasks: Array<{ year: number }>) => tasks.map((task) => task.year).sort();

describe.skipIf(!isAvailable)(`[TASKS] what waits for each role on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("shows every role exactly what waits for it in an agency with ten reports in different states", async () => {
    await withRollback(handle.db, async (db) => {
      const drafter = await seedUser(db, { roles: ["drafter"] });
      const helper = await seedUser(db, { roles: ["drafter"], agencyId: drafter.agencyId });
      const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: drafter.agencyId });
      const approver = await seedUser(db, { roles: ["approver"], agencyId: drafter.agencyId });
      const stranger = await seedUser(db, { roles: ["drafter", "reviewer", "approver"] });

      const draft2025 = await reportIn(db, drafter, 2025, "draft");
      await reportIn(db, drafter, 2024, "draft");
      await reportIn(db, drafter, 2023, "in_review");
      await reportIn(db, drafter, 2022, "in_review");
      const returned2021 = await reportIn(db, drafter, 2021, "returned");
      await db.insert(tables.reportRevisions).values({
        reportId: returned2021,
        revision: 2,
        status: "returned",
        content: buildCompleteReport({ year: 2021 }),
        createdBy: reviewer.id,
        note: "退回修改：请补充原因分析",
      });
      await reportIn(db, drafter, 2020, "reviewed");
      await reportIn(db, drafter, 2019, "signed");
      await reportIn(db, drafter, 2018, "published");
      const draft2017 = await reportIn(db, drafter, 2017, "draft");
      const review2016 = await reportIn(db, drafter, 2016, "in_review");

      const content2025 = buildCompleteReport({ agency: drafter.agencyName, year: 2025 });
      const [row2025] = await db.select().from(tables.reports).where(eq(tables.reports.id, draft2025));
      await createAssignment({
        db,
        user: drafter,
        reportId: draft2025,
        input: { assigneeId: helper.id, sectionId: row2025!.content.sections[0]!.id, dueDate: "2026-02-28" },
      });
      const [row2017] = await db.select().from(tables.reports).where(eq(tables.reports.id, draft2017));
      const section2017 = row2017!.content.sections[0]!;
      await createAssignment({
        db,
        user: drafter,
        reportId: draft2017,
        input: { assigneeId: helper.id, sectionId: section2017.id, itemId: section2017.items[0]!.id },
      });
      await createCommentThread({
        db,
        user: reviewer,
        reportId: draft2017,
        input: {
          anchor: { sectionId: section2017.id, itemId: section2017.items[0]!.id, field: "body", from: null, to: null, quote: "" },
          body: "请写明具体举措",
        },
      });
      const [row2016] = await db.select().from(tables.reports).where(eq(tables.reports.id, review2016));
      const { threadId } = await createCommentThread({
        db,
        user: reviewer,
        reportId: review2016,
        input: { anchor: { sectionId: row2016!.content.sections[1]!.id, itemId: null, field: null, from: null, to: null, quote: "" }, body: "原因写得太笼统" },
      });
      await replyToThread({ db, user: drafter, input: { threadId, body: "已补充制度层面的原因" } });
      expect(content2025.meta.year).toBe(2025);

      const forDrafter = await listMyTasks({ db, user: drafter });
      expect(years(forDrafter.returned)).toEqual([2021]);
      expect(forDrafter.returned[0]!.returnNotice).toMatchObject({ by: reviewer.displayName, reason: "请补充原因分析" });
      expect(forDrafter.assignments).toEqual([]);
      expect(forDrafter.comments.map((task) => task.lastBody)).toEqual(["请写明具体举措"]);
      expect([forDrafter.toReview, forDrafter.toSignOff, forDrafter.toPublish]).toEqual([[], [], []]);
      expect(forDrafter.total).toBe(2);

      const forHelper = await listMyTasks({ db, user: helper });
      expect(forHelper.assignments.map((assignment) => assignment.reportYear).sort()).toEqual([2017, 2025]);
      expect(forHelper.comments.map((task) => task.lastBody)).toEqual(["请写明具体举措"]);
      expect(years(forHelper.returned)).toEqual([2021]);

      const forReviewer = await listMyTasks({ db, user: reviewer });
      expect(years(forReviewer.toReview)).toEqual([2016, 2022, 2023]);
      expect(forReviewer.comments.map((task) => task.lastBody)).toEqual(["已补充制度层面的原因"]);
      expect([forReviewer.returned, forReviewer.assignments, forReviewer.toSignOff, forReviewer.toPublish]).toEqual([[], [], [], []]);
      expect(forReviewer.total).toBe(4);

      const forApprover = await listMyTasks({ db, user: approver });
      expect(years(forApprover.toSignOff)).toEqual([2020]);
      expect(years(forApprover.toPublish)).toEqual([2019]);
      expect(forApprover.total).toBe(2);

      expect((await listMyTasks({ db, user: stranger })).total).toBe(0);
    });
  });

  it("notifies the reviewer of a submission and the submitter of a return, with read state", async () => {
    await withRollback(handle.db, async (db) => {
      const drafter = await seedUser(db, { roles: ["drafter"] });
      const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: drafter.agencyId });
      const otherReviewer = await seedUser(db, { roles: ["reviewer"] });
      const { reportId } = await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: drafter.agencyName }), source: "test" });
      await submitReport({ db, user: drafter, reportId });
      await transitionReport({ db, user: reviewer, reportId, input: { transition: "return", note: "第二部分原因分析不够具体" } });

      const reviewerInbox = await listNotifications({ db, user: reviewer });
      expect(reviewerInbox.map((notification) => [notification.kind, notification.isRead])).toEqual([["submitted", false]]);
      expect(reviewerInbox[0]!.message).toContain("等待您审核");
      expect(await listNotifications({ db, user: otherReviewer })).toEqual([]);

      const drafterInbox = await listNotifications({ db, user: drafter });
      expect(drafterInbox.map((notification) => notification.kind)).toEqual(["returned"]);
      expect(drafterInbox[0]!.message).toContain("第二部分原因分析不够具体");
      expect(await countUnreadNotifications({ db, user: drafter })).toBe(1);
      // Another user cannot mark someone else's notification read.
      await expect(markNotificationsRead({ db, user: reviewer, ids: [drafterInbox[0]!.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await countUnreadNotifications({ db, user: drafter })).toBe(1);
      expect(await markNotificationsRead({ db, user: drafter })).toBe(1);
      expect(await countUnreadNotifications({ db, user: drafter })).toBe(0);
    });
  });

  it("mails notifications through the configured SMTP server, and sends nothing without one", async () => {
    const received: Array<{ to: string[]; data: string }> = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let data = "";
        stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((address) => address.address), data });
          callback();
        });
      },
    });
    server.listen(0, "127.0.0.1");
    await once(server.server, "listening");
    const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    try {
      expect(await sendMail({ to: "nobody@example.gov.cn", subject: "x", text: "y" }, undefined)).toBe("off");
      await withRollback(handle.db, async (db) => {
        const reviewer = await seedUser(db, { roles: ["reviewer"] });
        const silent = await seedUser(db, { roles: ["reviewer"], agencyId: reviewer.agencyId });
        await db.update(tables.users).set({ email: "shenhe@example.gov.cn" }).where(eq(tables.users.id, reviewer.id));
        await notifyUsers({
          db,
          userIds: [reviewer.id, silent.id],
          kind: "submitted",
          reportId: null,
          message: "张三提交了《示例报告》，等待您审核",
          smtpUrl: url,
        });
        expect(received.map((mail) => mail.to)).toEqual([["shenhe@example.gov.cn"]]);
        expect(received[0]!.data).toMatch(/Subject: =\?UTF-8\?/);
        expect(mailBody(received[0]!.data)).toContain("张三提交了《示例报告》，等待您审核");
        expect(await listNotifications({ db, user: silent })).toHaveLength(1);
      });
      // A server that refuses the mail does not fail the step that caused it.
      expect(await sendMail({ to: "x@example.gov.cn", subject: "x", text: "y" }, "smtp://127.0.0.1:1")).toBe("failed");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
