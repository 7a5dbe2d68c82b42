import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { describeAuditEvent } from "@/lib/admin/describe-audit-event";
import * as tables from "@/lib/db/schema";
import { docToText, readField, reportSchema, type Report, type SuggestionAttrs } from "@/lib/report-model";
import { acceptImport, createReport, getReport } from "@/lib/reports";

import { seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

const BY: Omit<SuggestionAttrs, "id"> = { authorId: "u-leader", authorName: "李局长", at: "2025-02-10T02:00:00.000Z" };

/** Last year's stored report with a leader's suggestions nobody decided on: one in a body, one on a part's heading. */
function withOpenSuggestions(content: Report): Report {
  const report = structuredClone(content);
  const section = report.sections[0]!;
  section.items[0]!.body = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "全年召开法治建设专题会议4次" },
          { type: "text", text: "，听取汇报2次", marks: [{ type: "suggestInsert", attrs: { ...BY, id: "b1" } }] },
          { type: "text", text: "。" },
        ],
      },
    ],
  };
  const target = { field: "sectionHeading" as const, sectionId: section.id };
  report.fieldSuggestions = [{ ...BY, id: "f1", target, from: readField(report, target)!, to: "推进法治政府建设的主要举措" }];
  return reportSchema.parse(report);
}

describe.skipIf(!isAvailable)(`[SUGGEST] roll-forward of a report with open suggestions on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("the new draft has the stored text without marks or field suggestions, and the audit log says what stayed behind", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      const { reportId } = await createReport({ db, user, input: { year: 2024, templateId: "department" } });
      const stored = withOpenSuggestions((await getReport({ db, user, reportId })).content);
      await db.update(tables.reports).set({ content: stored }).where(eq(tables.reports.id, reportId));

      const { reportId: nextId } = await createReport({ db, user, input: { year: 2025, templateId: "department", fromReportId: reportId } });
      const next = (await getReport({ db, user, reportId: nextId })).content;
      expect(next).not.toHaveProperty("fieldSuggestions");
      expect(JSON.stringify(next)).not.toMatch(/suggestInsert|suggestDelete/);
      expect(docToText(next.sections[0]!.items[0]!.body)).toBe("全年召开法治建设专题会议4次。");
      expect(next.sections[0]!.heading).not.toBe("推进法治政府建设的主要举措");
      // Last year's report keeps its suggestions.
      expect((await getReport({ db, user, reportId })).content.fieldSuggestions).toHaveLength(1);

      const [event] = await db
        .select()
        .from(tables.auditEvents)
        .where(and(eq(tables.auditEvents.action, "report.create"), eq(tables.auditEvents.targetId, nextId)));
      expect(event?.detail).toMatchObject({ year: 2025, droppedSuggestions: 2 });
      expect(describeAuditEvent({ action: "report.create", detail: event!.detail })).toBe("2025年度，沿用往年报告，未带入原报告中未处理的修订2处");
    });
  });

  it("an imported file rolled forward leaves its open suggestions behind too, and says so", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      const { reportId: draftId } = await createReport({ db, user, input: { year: 2023, templateId: "department" } });
      const file = withOpenSuggestions((await getReport({ db, user, reportId: draftId })).content);
      const { reportId } = await acceptImport({ db, user, input: { content: { ...file, meta: { ...file.meta, year: 2024 } }, mode: "rollforward" } });
      const next = (await getReport({ db, user, reportId })).content;
      expect(next.meta.year).toBe(2025);
      expect(next).not.toHaveProperty("fieldSuggestions");
      expect(JSON.stringify(next)).not.toMatch(/suggestInsert|suggestDelete/);
      const [event] = await db
        .select()
        .from(tables.auditEvents)
        .where(and(eq(tables.auditEvents.action, "report.create"), eq(tables.auditEvents.targetId, reportId)));
      expect(event?.detail).toMatchObject({ source: "import:rollforward", droppedSuggestions: 2 });
    });
  });
});
