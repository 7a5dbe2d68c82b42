import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";
import { createReportFromTemplate } from "@/lib/report-model";
import { insertReport } from "@/lib/reports";
import { createSummaryDraft, getSupervisionSummary, listProgressBoard, listReminders, sendReminder } from "@/lib/supervision";
import { getTemplate } from "@/templates";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

async function seedCounty(db: Database) {
  const office = await seedAgency(db, { name: "示例县委依法治县办", level: "county" });
  const water = await seedAgency(db, { name: "示例县水务局", level: "department", parentId: office.id });
  const town = await seedAgency(db, { name: "示例县青石镇", level: "township", parentId: office.id });
  const idle = await seedAgency(db, { name: "示例县统计局", level: "department", parentId: office.id });
  const elsewhere = await seedAgency(db, { name: "邻县水务局", level: "department" });
  const supervisor = await seedUser(db, { roles: ["supervisor"], agencyId: office.id });
  const waterDrafter = await seedUser(db, { roles: ["drafter"], agencyId: water.id });
  const townDrafter = await seedUser(db, { roles: ["drafter"], agencyId: town.id });
  const foreignDrafter = await seedUser(db, { roles: ["drafter"], agencyId: elsewhere.id });
  const signed = buildCompleteReport({ agency: water.name, year: 2025 });
  signed.sections[0]!.indicators = { ...signed.sections[0]!.indicators, fuyi_received: 7 };
  const { reportId: waterReport } = await insertReport({ db, user: waterDrafter, content: signed, source: "test" });
  await db.update(tables.reports).set({ status: "signed" }).where(eq(tables.reports.id, waterReport));
  const last = buildCompleteReport({ agency: water.name, year: 2024 });
  last.sections[0]!.indicators = { ...last.sections[0]!.indicators, fuyi_received: 5 };
  await insertReport({ db, user: waterDrafter, content: last, source: "test" });
  await insertReport({ db, user: townDrafter, content: createReportFromTemplate(getTemplate("township"), { agency: town.name, year: 2025 }), source: "test" });
  await insertReport({ db, user: foreignDrafter, content: buildCompleteReport({ agency: elsewhere.name, year: 2025 }), source: "test" });
  return { office, water, town, idle, elsewhere, supervisor, waterDrafter, townDrafter, foreignDrafter };
}

describe.skipIf(!isAvailable)(`[SUPERVISION] board, reminders and summary on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("the board lists every subordinate agency, including one with no report, and nothing else", async () => {
    await withRollback(handle.db, async (db) => {
      const world = await seedCounty(db);
      const rows = await listProgressBoard({ db, user: world.supervisor, year: 2025, now: new Date("2026-03-05T04:00:00Z") });
      expect(rows.map((row) => [row.agencyName, row.state])).toEqual([
        ["示例县青石镇", "drafting"],
        ["示例县水务局", "signed"],
        ["示例县统计局", "not_started"],
      ]);
      expect(rows.find((row) => row.agencyName === "示例县统计局")).toMatchObject({ isOverdue: true, daysLeft: -4, errorCount: null });
      expect(rows.find((row) => row.agencyName === "示例县水务局")).toMatchObject({ errorCount: 0, isOverdue: false, deadlineLabel: "公开" });
      expect(rows.find((row) => row.agencyName === "示例县青石镇")!.missingParts).toContain("主要举措和成效");
      await expect(listProgressBoard({ db, user: world.waterDrafter, year: 2025 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  it("a reminder reaches the subordinate's report list only; another agency's is not found", async () => {
    await withRollback(handle.db, async (db) => {
      const world = await seedCounty(db);
      await sendReminder({ db, user: world.supervisor, input: { agencyId: world.idle.id, year: 2025, message: "请尽快启动2025年度报告起草" } });
      await expect(
        sendReminder({ db, user: world.supervisor, input: { agencyId: world.elsewhere.id, year: 2025, message: "越权提醒" } }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(sendReminder({ db, user: world.waterDrafter, input: { agencyId: world.idle.id, year: 2025, message: "x" } })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(sendReminder({ db, user: world.supervisor, input: { agencyId: world.idle.id, year: 2025, message: "  " } })).rejects.toMatchObject({
        name: "ZodError",
      });
      const idleDrafter = await seedUser(db, { roles: ["drafter"], agencyId: world.idle.id });
      const notices = await listReminders({ db, user: idleDrafter });
      expect(notices).toMatchObject([{ year: 2025, message: "请尽快启动2025年度报告起草", fromAgencyName: "示例县委依法治县办" }]);
      expect(await listReminders({ db, user: world.waterDrafter })).toEqual([]);
      expect(await listReminders({ db, user: world.foreignDrafter })).toEqual([]);
      const rows = await listProgressBoard({ db, user: world.supervisor, year: 2025 });
      expect(rows.find((row) => row.agencyId === world.idle.id)!.lastReminderAt).not.toBeNull();
    });
  });

  it("the summary sums the subordinates' figures against last year and never counts another county", async () => {
    await withRollback(handle.db, async (db) => {
      const world = await seedCounty(db);
      const { summary, gaps } = await getSupervisionSummary({ db, user: world.supervisor, year: 2025 });
      expect(summary.rows.map((row) => row.agencyName)).toEqual(["示例县青石镇", "示例县水务局", "示例县统计局"]);
      expect(summary.rows[1]!.figures.fuyi_received).toEqual({ current: 7, previous: 5 });
      expect(summary.totals.fuyi_received).toEqual({ current: 7, previous: 5, reportedCount: 1 });
      expect(summary.totals.susong_cases.current).toBe(3);
      expect(summary.rows[0]!.figures.susong_cases.current).toBeNull();
      expect(gaps.reportCount).toBe(2);
      expect(gaps.gaps.find((gap) => gap.label === "主要举措和成效")?.agencyNames).toEqual(["示例县青石镇"]);
    });
  });

  it("the supervising agency's own report starts from a draft whose measures part lists the summed figures", async () => {
    await withRollback(handle.db, async (db) => {
      const world = await seedCounty(db);
      await expect(createSummaryDraft({ db, user: world.supervisor, year: 2025 })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const writer = await seedUser(db, { roles: ["drafter", "supervisor"], agencyId: world.office.id });
      const { reportId } = await createSummaryDraft({ db, user: writer, year: 2025 });
      const [row] = await db.select().from(tables.reports).where(eq(tables.reports.id, reportId));
      expect(row).toMatchObject({ agencyId: world.office.id, year: 2025, templateId: "county-government", status: "draft" });
      const measures = row!.content.sections.find((section) => section.kind === "measures")!;
      const text = JSON.stringify(measures.items[0]!.body);
      expect(measures.items[0]!.heading).toBe("全面汇总下级机关法治政府建设情况");
      expect(text).toContain("示例县委依法治县办所属3个机关中，已有2个形成2025年度法治政府建设报告");
      expect(text).toContain("行政复议收案7件（2024年5件）");
      expect(text).not.toContain("信访受理");
      await expect(createSummaryDraft({ db, user: writer, year: 2025 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    });
  });
});
