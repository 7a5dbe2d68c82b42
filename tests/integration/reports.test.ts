import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as tables from "@/lib/db/schema";
import { ReportError } from "@/lib/errors";
import { textToDoc, type Report } from "@/lib/report-model";
import { ConflictError, createReport, findReport, getReport, listReports, saveReportContent, submitReport } from "@/lib/reports";

import { seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

describe.skipIf(!isAvailable)(`[REPORTS] verbs on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("creates a complete draft from a template, listed only for its own agency", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      const stranger = await seedUser(db);
      const { reportId } = await createReport({ db, user, input: { year: 2025, templateId: "department" } });
      const row = await getReport({ db, user, reportId });
      expect(row).toMatchObject({ year: 2025, status: "draft", revision: 1, templateId: "department" });
      expect(row.content.sections.map((section) => section.kind)).toEqual(["measures", "problems", "leader_duty", "next_year", "other"]);
      expect(row.content.meta.title).toContain("2025");
      expect((await listReports({ db, user })).map((report) => report.id)).toEqual([reportId]);
      expect(await listReports({ db, user: stranger })).toEqual([]);
      const revisions = await db.select().from(tables.reportRevisions).where(eq(tables.reportRevisions.reportId, reportId));
      expect(revisions).toHaveLength(1);
    });
  });

  it("refuses a second report for the same year with a clear message", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      await createReport({ db, user, input: { year: 2024, templateId: "department" } });
      await expect(createReport({ db, user, input: { year: 2024, templateId: "department" } })).rejects.toMatchObject({
        userMessage: "本机关2024年度的报告已经存在",
      });
    });
  });

  it("rejects another agency's report on every verb as not found", async () => {
    await withRollback(handle.db, async (db) => {
      const owner = await seedUser(db);
      const stranger = await seedUser(db, { roles: ["admin", "drafter"] });
      const { reportId } = await createReport({ db, user: owner, input: { year: 2025, templateId: "department" } });
      const content = (await getReport({ db, user: owner, reportId })).content;
      expect(await findReport({ db, user: stranger, reportId })).toBeNull();
      await expect(getReport({ db, user: stranger, reportId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(saveReportContent({ db, user: stranger, reportId, input: { baseRevision: 1, content } })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(submitReport({ db, user: stranger, reportId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(createReport({ db, user: stranger, input: { year: 2026, templateId: "department", fromReportId: reportId } })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      expect(await findReport({ db, user: stranger, reportId: "not-a-uuid" })).toBeNull();
    });
  });

  it("saves on the current revision and refuses a save based on an older one, returning the stored version", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      const { reportId } = await createReport({ db, user, input: { year: 2025, templateId: "department" } });
      const base = (await getReport({ db, user, reportId })).content;
      const first: Report = structuredClone(base);
      first.sections[0]!.items[0]!.body = textToDoc("第一个窗口写的内容。");
      const saved = await saveReportContent({ db, user, reportId, input: { baseRevision: 1, content: first } });
      expect(saved.revision).toBe(2);
      const second: Report = structuredClone(base);
      second.sections[0]!.items[0]!.body = textToDoc("第二个窗口写的内容。");
      const conflict = await saveReportContent({ db, user, reportId, input: { baseRevision: 1, content: second } }).catch((error: unknown) => error);
      expect(conflict).toBeInstanceOf(ConflictError);
      expect((conflict as ConflictError).current.revision).toBe(2);
      expect(JSON.stringify((conflict as ConflictError).current.content)).toContain("第一个窗口写的内容");
      expect(JSON.stringify((await getReport({ db, user, reportId })).content)).not.toContain("第二个窗口");
    });
  });

  it("rejects a body outside the editor schema", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      const { reportId } = await createReport({ db, user, input: { year: 2025, templateId: "department" } });
      const content = structuredClone((await getReport({ db, user, reportId })).content);
      // A list item must hold paragraphs; raw text directly inside is outside the schema.
      content.sections[0]!.items[0]!.body = { type: "doc", content: [{ type: "bulletList", content: [{ type: "text", text: "x" }] }] };
      await expect(saveReportContent({ db, user, reportId, input: { baseRevision: 1, content } })).rejects.toBeInstanceOf(ReportError);
      const unknownNode = structuredClone(content) as unknown as { sections: Array<{ items: Array<{ body: unknown }> }> };
      unknownNode.sections[0]!.items[0]!.body = { type: "doc", content: [{ type: "script", text: "alert(1)" }] };
      await expect(saveReportContent({ db, user, reportId, input: { baseRevision: 1, content: unknownNode as unknown as Report } })).rejects.toMatchObject({
        name: "ZodError",
      });
    });
  });

  it("blocks submission while error findings exist", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      const { reportId } = await createReport({ db, user, input: { year: 2025, templateId: "department" } });
      await expect(submitReport({ db, user, reportId })).rejects.toMatchObject({
        code: "INVALID_STATE",
        userMessage: expect.stringMatching(/^还有 \d+ 个错误需要修改/),
      });
      expect((await getReport({ db, user, reportId })).status).toBe("draft");
    });
  });

  it("rolls a report forward into next year's draft", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      const { reportId } = await createReport({ db, user, input: { year: 2024, templateId: "department" } });
      const { reportId: nextId } = await createReport({ db, user, input: { year: 2025, templateId: "department", fromReportId: reportId } });
      const next = await getReport({ db, user, reportId: nextId });
      expect(next.year).toBe(2025);
      expect(next.content.meta.title).toContain("2025");
    });
  });
});
