import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as tables from "@/lib/db/schema";
import type { Report } from "@/lib/report-model";
import { acceptImport, createReport, getReport, insertReport } from "@/lib/reports";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

/** A department report with only three parts, as many agencies publish it. */
function threeParts(year = 2024): Report {
  const report = buildCompleteReport({ agency: "青溪市水务局", year });
  report.sections = report.sections.filter((section) => section.kind !== "leader_duty" && section.kind !== "other");
  return report;
}

describe.skipIf(!isAvailable)(`[REUSE] statutory parts on import and roll-forward on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it.each(["as-is", "rollforward"] as const)("an accepted %s import stores the missing leader-duty part and audits it", async (mode) => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db, { roles: ["drafter"] });
      const { reportId } = await acceptImport({ db, user, input: { content: threeParts(), mode } });
      const stored = await getReport({ db, user, reportId });
      expect(stored.content.sections.map((section) => section.kind)).toEqual(["measures", "problems", "leader_duty", "next_year"]);
      expect(stored.content.sections[2]).toMatchObject({ heading: "党政主要负责人履行推进法治建设第一责任人职责情况", lead: "" });
      expect(stored.year).toBe(mode === "as-is" ? 2024 : 2025);
      const events = await db.select().from(tables.auditEvents).where(eq(tables.auditEvents.targetId, reportId));
      expect(events.find((event) => event.action === "report.import")?.detail).toMatchObject({ mode, addedParts: ["leader_duty"] });
    });
  });

  it("a draft rolled forward in the app from a stored three-part report gets the part too", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db, { roles: ["drafter"] });
      const { reportId: previousId } = await insertReport({ db, user, content: threeParts(2024), source: "test" });
      const { reportId } = await createReport({ db, user, input: { year: 2025, templateId: "department", fromReportId: previousId } });
      const rolled = await getReport({ db, user, reportId });
      expect(rolled.content.sections.map((section) => section.kind)).toEqual(["measures", "problems", "leader_duty", "next_year"]);
      expect((await getReport({ db, user, reportId: previousId })).content.sections).toHaveLength(3);
    });
  });
});
