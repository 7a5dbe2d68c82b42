import { readFileSync } from "node:fs";
import path from "node:path";

import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as tables from "@/lib/db/schema";
import { docToText, reportSchema, textToDoc, type Report } from "@/lib/report-model";
import { createReport } from "@/lib/reports";

import { seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);
const MIGRATION = path.resolve(__dirname, "../../lib/db/migrations/0006_opening_from_lead.sql");
const STATEMENTS = readFileSync(MIGRATION, "utf8").split("--> statement-breakpoint");

type Db = Parameters<Parameters<typeof withRollback>[1]>[0];

async function contents(db: Db, ids: string[]): Promise<Map<string, Report>> {
  const rows = await db.select({ id: tables.reports.id, content: tables.reports.content }).from(tables.reports).where(inArray(tables.reports.id, ids));
  return new Map(rows.map((row) => [row.id, row.content]));
}

/** A report as stored before the model had an opening: the 导语 is the lead of part 一. */
function oldShape(base: Report, lead: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { opening: _opening, closing: _closing, ...rest } = base;
  const [first, ...others] = base.sections;
  return { ...rest, sections: [{ ...first, lead, ...extra }, ...others] };
}

describe.skipIf(!isAvailable)(`[MIGRATION 0006] a first-part lead that reads as an opening moves to the opening on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("moves the opening, keeps the rest of the lead, carries the marks, logs it, and is idempotent", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      const moved = await createReport({ db, user, input: { year: 2024, templateId: "department" } });
      const kept = await createReport({ db, user, input: { year: 2023, templateId: "department" } });
      const before = await contents(db, [moved.reportId, kept.reportId]);
      const contentOf = (id: string) => before.get(id)!;
      const lead = "2024年，我局坚持依法行政，全年办理行政复议案件12件。现将有关情况报告如下：\n本部分分三个方面报告。";
      const marks = [{ id: "p1", text: "12件", kind: "figure" }];
      await db.execute(
        sql`update reports set content = ${JSON.stringify(oldShape(contentOf(moved.reportId), lead, { leadPendingUpdates: marks }))}::jsonb where id = ${moved.reportId}`,
      );
      await db.execute(
        sql`update reports set content = ${JSON.stringify(oldShape(contentOf(kept.reportId), "全局共办理案件58件。"))}::jsonb where id = ${kept.reportId}`,
      );

      for (let run = 0; run < 2; run += 1) for (const statement of STATEMENTS) await db.execute(sql.raw(statement));

      const after = await contents(db, [moved.reportId, kept.reportId]);
      const report = reportSchema.parse(after.get(moved.reportId));
      expect(docToText(report.opening)).toBe("2024年，我局坚持依法行政，全年办理行政复议案件12件。现将有关情况报告如下：");
      expect(report.sections[0]!.lead).toBe("本部分分三个方面报告。");
      const untouched = reportSchema.parse(after.get(kept.reportId));
      expect(docToText(untouched.opening)).toBe("");
      expect(untouched.sections[0]!.lead).toBe("全局共办理案件58件。");
      const audit = await db
        .select()
        .from(tables.auditEvents)
        .where(and(eq(tables.auditEvents.action, "report.migrate_opening"), eq(tables.auditEvents.targetId, moved.reportId)));
      expect(audit).toHaveLength(1);
    });
  });

  it("moves the marks with a lead that moved entirely, and leaves a report with an opening alone", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      const whole = await createReport({ db, user, input: { year: 2024, templateId: "department" } });
      const hasOpening = await createReport({ db, user, input: { year: 2025, templateId: "department" } });
      const before = await contents(db, [whole.reportId, hasOpening.reportId]);
      const contentOf = (id: string) => before.get(id)!;
      const marks = [{ id: "p1", text: "12件", kind: "figure" }];
      await db.execute(
        sql`update reports set content = ${JSON.stringify(oldShape(contentOf(whole.reportId), "2024年，全年办结复议案件12件，现将工作情况汇报如下。", { leadPendingUpdates: marks }))}::jsonb where id = ${whole.reportId}`,
      );
      const withOpening = { ...contentOf(hasOpening.reportId), opening: textToDoc("2025年，我局……现将有关情况报告如下：") };
      withOpening.sections[0]!.lead = "2025年，另一段现将情况报告如下：";
      await db.execute(sql`update reports set content = ${JSON.stringify(withOpening)}::jsonb where id = ${hasOpening.reportId}`);

      for (const statement of STATEMENTS) await db.execute(sql.raw(statement));

      const after = await contents(db, [whole.reportId, hasOpening.reportId]);
      const report = reportSchema.parse(after.get(whole.reportId));
      expect(docToText(report.opening)).toBe("2024年，全年办结复议案件12件，现将工作情况汇报如下。");
      expect(report.sections[0]!.lead).toBe("");
      expect(report.sections[0]!.leadPendingUpdates).toBeUndefined();
      expect(report.openingPendingUpdates).toEqual(marks);
      const other = reportSchema.parse(after.get(hasOpening.reportId));
      expect(other.sections[0]!.lead).toBe("2025年，另一段现将情况报告如下：");
    });
  });
});
