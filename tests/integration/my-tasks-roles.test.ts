/**
 * 我的任务 per role in a seeded installation: a 市政府 that supervises four 局, ten reports in different states
 * among them. Every role — drafter, reviewer, approver, admin and supervisor (督导) — sees exactly what waits for
 * it, and nothing of another agency.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import * as tables from "@/lib/db/schema";
import type { ReportStatus } from "@/lib/report-model";
import { insertReport } from "@/lib/reports";
import { listMyTasks } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

async function reportIn(db: Database, author: SessionUser, year: number, status: ReportStatus): Promise<string> {
  const { reportId } = await insertReport({ db, user: author, content: buildCompleteReport({ agency: author.agencyName, year }), source: "test" });
  await db
    .update(tables.reports)
    .set({ status, title: `${author.agencyName}${year}年度报告` })
    .where(eq(tables.reports.id, reportId));
  if (status === "returned") {
    await db.insert(tables.reportRevisions).values({
      reportId,
      revision: 2,
      status: "returned",
      content: buildCompleteReport({ year }),
      createdBy: author.id,
      note: "退回修改：请补充数据来源",
    });
  }
  return reportId;
}

const titles = (tasks: Array<{ title: string }>) => tasks.map((task) => task.title).sort();

describe.skipIf(!isAvailable)(`[TASKS] every role's 我的任务 in a seeded installation, on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("shows drafter, reviewer, approver, admin and supervisor exactly what waits for them among ten reports", async () => {
    await withRollback(handle.db, async (db) => {
      const suffix = Math.random().toString(36).slice(2, 6);
      const city = await seedAgency(db, { name: `临川市人民政府${suffix}`, level: "city" });
      const jia = await seedAgency(db, { name: `临川市甲局${suffix}`, parentId: city.id });
      const yi = await seedAgency(db, { name: `临川市乙局${suffix}`, parentId: city.id });
      const bing = await seedAgency(db, { name: `临川市丙局${suffix}`, parentId: city.id });
      const ding = await seedAgency(db, { name: `临川市丁局${suffix}`, parentId: city.id });
      // 丁局 must report by 2月20日: it is the longest overdue.
      await db
        .update(tables.agencies)
        .set({ settings: { submissionDeadline: "02-20" } })
        .where(eq(tables.agencies.id, ding.id));

      const supervisor = await seedUser(db, { roles: ["supervisor"], agencyId: city.id });
      const cityAdmin = await seedUser(db, { roles: ["admin"], agencyId: city.id });
      const cityReviewer = await seedUser(db, { roles: ["reviewer"], agencyId: city.id });
      const drafter = await seedUser(db, { roles: ["drafter"], agencyId: jia.id });
      const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: jia.id });
      const approver = await seedUser(db, { roles: ["approver"], agencyId: jia.id });
      const admin = await seedUser(db, { roles: ["admin"], agencyId: jia.id });
      const yiDrafter = await seedUser(db, { roles: ["drafter"], agencyId: yi.id });
      const bingDrafter = await seedUser(db, { roles: ["drafter"], agencyId: bing.id });
      const outsider = await seedUser(db, { roles: ["supervisor", "admin", "reviewer", "approver"] });

      // Ten reports: six of 甲局 in every state, 乙局 signed, 丙局 published, two of the 市政府 itself; 丁局 has none.
      await reportIn(db, drafter, 2025, "draft");
      await reportIn(db, drafter, 2024, "in_review");
      await reportIn(db, drafter, 2023, "returned");
      await reportIn(db, drafter, 2022, "reviewed");
      await reportIn(db, drafter, 2021, "signed");
      await reportIn(db, drafter, 2020, "published");
      const yiReport = await reportIn(db, yiDrafter, 2025, "signed");
      await reportIn(db, bingDrafter, 2025, "published");
      await reportIn(db, cityAdmin, 2025, "returned");
      await reportIn(db, cityAdmin, 2024, "in_review");

      // 2026年3月20日 (Beijing): the 2025 reports were due for 报送 by 3月1日 (丁局 2月20日) and are due for 公开 by 4月1日.
      const now = new Date("2026-03-20T02:00:00Z");
      const tasksOf = (user: SessionUser) => listMyTasks({ db, user, now });

      const forDrafter = await tasksOf(drafter);
      expect(titles(forDrafter.returned)).toEqual([`${jia.name}2023年度报告`]);
      expect(forDrafter.returned[0]!.returnNotice?.reason).toBe("请补充数据来源");
      expect([forDrafter.toReview, forDrafter.toSignOff, forDrafter.toPublish, forDrafter.supervision]).toEqual([[], [], [], []]);
      expect(forDrafter.total).toBe(1);

      const forReviewer = await tasksOf(reviewer);
      expect(titles(forReviewer.toReview)).toEqual([`${jia.name}2024年度报告`]);
      expect(forReviewer.total).toBe(1);

      const forApprover = await tasksOf(approver);
      expect(titles(forApprover.toSignOff)).toEqual([`${jia.name}2022年度报告`]);
      expect(titles(forApprover.toPublish)).toEqual([`${jia.name}2021年度报告`]);
      expect(forApprover.total).toBe(2);

      // An administrator may edit and resubmit: the returned report of its own agency waits for it, nothing to review.
      const forAdmin = await tasksOf(admin);
      expect(titles(forAdmin.returned)).toEqual([`${jia.name}2023年度报告`]);
      expect([forAdmin.toReview, forAdmin.toSignOff, forAdmin.toPublish, forAdmin.supervision]).toEqual([[], [], [], []]);
      expect(forAdmin.total).toBe(1);
      const forCityAdmin = await tasksOf(cityAdmin);
      expect(titles(forCityAdmin.returned)).toEqual([`${city.name}2025年度报告`]);
      expect(forCityAdmin.total).toBe(1);
      expect(titles((await tasksOf(cityReviewer)).toReview)).toEqual([`${city.name}2024年度报告`]);

      // The 督导: 丁局 has not started and 甲局 is still drafting (both late for 报送), 乙局 is signed but not yet public
      // (公开 due in 12 days); 丙局 is done. None of the 市政府's own reports is the supervisor's to handle.
      const forSupervisor = await tasksOf(supervisor);
      expect(
        forSupervisor.supervision.map((task) => ({
          agency: task.agencyName,
          reportId: task.reportId,
          state: task.stateLabel,
          deadline: `${task.deadline.label} ${task.deadline.dueDate} ${task.deadline.state} ${task.deadline.daysLeft}`,
        })),
      ).toEqual([
        { agency: ding.name, reportId: null, state: "未开始", deadline: "报送 2026-02-20 late -28" },
        { agency: jia.name, reportId: expect.any(String), state: "草稿", deadline: "报送 2026-03-01 late -19" },
        { agency: yi.name, reportId: yiReport, state: "已签发", deadline: "公开 2026-04-01 due_soon 12" },
      ]);
      expect([forSupervisor.returned, forSupervisor.toReview, forSupervisor.toSignOff, forSupervisor.toPublish, forSupervisor.comments]).toEqual([
        [],
        [],
        [],
        [],
        [],
      ]);
      expect(forSupervisor.total).toBe(3);

      // In November the year being drafted is 2026, due next spring: nothing waits for the supervisor yet.
      expect((await listMyTasks({ db, user: supervisor, now: new Date("2026-11-30T04:00:00Z") })).total).toBe(0);
      // Another installation's users, whatever their roles, see none of this.
      expect((await tasksOf(outsider)).total).toBe(0);
    });
  });
});
