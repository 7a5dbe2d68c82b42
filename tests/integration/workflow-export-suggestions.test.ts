/**
 * A PDF or DOCX exported while 修订 are open says so: the first warning of the answer names how many and what the
 * file does with them, and the 草稿 mark on the page carries "含N处未处理修订". Once they are decided, neither does.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as tables from "@/lib/db/schema";
import { stopTypstEngine } from "@/lib/export/pdf";
import type { Report } from "@/lib/report-model";
import { exportReport, insertReport, resolveReportSuggestions } from "@/lib/reports";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";
import { unzipDocx } from "../unit/export/docx/helpers/docx-xml";
import { pdfText, pdfToolsStatus, writeTempPdf } from "../unit/export/pdf/poppler";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);
const poppler = pdfToolsStatus();
const isPopplerReady = requireOrSkip(poppler.isReady, poppler.reason);

/** The first item reads "全年开展[集中]专题学习{六次}。": a reviewer's insertion and deletion, both open. */
function withTwoSuggestions(content: Report, reviewer: { id: string; displayName: string }): Report {
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

const headersOf = (files: Record<string, string>) =>
  Object.entries(files)
    .filter(([name]) => /^word\/header\d*\.xml$/.test(name))
    .map(([, xml]) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(""));

describe.skipIf(!isAvailable || !isPopplerReady)(`[WORKFLOW] exports with open 修订 say so, on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await stopTypstEngine();
    await handle?.destroy();
  });

  it("warns first and marks the draft in the PDF and the DOCX until the 修订 are decided", async () => {
    await withRollback(handle.db, async (db) => {
      const agency = await seedAgency(db, { name: `青溪市林业局${Math.random().toString(36).slice(2, 6)}` });
      const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
      const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: agency.id });
      const content = withTwoSuggestions(buildCompleteReport({ agency: agency.name, year: 2025 }), reviewer);
      const { reportId } = await insertReport({ db, user: drafter, content, source: "test" });
      await db.update(tables.reports).set({ status: "in_review" }).where(eq(tables.reports.id, reportId));

      const pdf = await exportReport({ db, user: drafter, reportId, format: "pdf" });
      expect(pdf.warnings[0]).toBe("报告含2处未处理修订，PDF按全部接受排版，并在草稿标记中注明；处理修订后再导出的才是定稿文本");
      const pdfLines = pdfText(writeTempPdf(pdf.bytes, "open-suggestions.pdf")).replace(/[ \t]+/g, "");
      expect(pdfLines).toContain("草稿含2处未处理修订");
      expect(pdfLines).toContain("全年开展集中专题学习。");
      expect(pdfLines).not.toContain("六次");

      const docx = await exportReport({ db, user: drafter, reportId, format: "docx" });
      expect(docx.warnings[0]).toBe("报告含2处未处理修订，DOCX中以修订（插入、删除）保留，并在草稿标记中注明");
      const files = unzipDocx(docx.bytes);
      expect(headersOf(files).filter((text) => text !== "")).toEqual(expect.arrayContaining(["草稿　含2处未处理修订"]));
      expect(headersOf(files).every((text) => text === "" || text === "草稿　含2处未处理修订")).toBe(true);
      expect(files["word/document.xml"]).toMatch(/<w:ins [^>]*w:author="测试用户"/);

      const [audit] = await db
        .select({ detail: tables.auditEvents.detail })
        .from(tables.auditEvents)
        .where(and(eq(tables.auditEvents.targetId, reportId), eq(tables.auditEvents.action, "report.export")))
        .orderBy(tables.auditEvents.id);
      expect(audit?.detail).toMatchObject({ format: "pdf", openSuggestions: 2 });

      // Decided: the file is the plain draft again, with nothing to warn about.
      await resolveReportSuggestions({ db, user: reviewer, input: { reportId, decision: "accept", ids: "all" } });
      const decidedPdf = await exportReport({ db, user: drafter, reportId, format: "pdf" });
      expect(decidedPdf.warnings.some((warning) => warning.includes("未处理修订"))).toBe(false);
      const decidedText = pdfText(writeTempPdf(decidedPdf.bytes, "decided.pdf")).replace(/[ \t]+/g, "");
      expect(decidedText).toContain("草稿");
      expect(decidedText).not.toContain("未处理修订");
      const decidedDocx = await exportReport({ db, user: drafter, reportId, format: "docx" });
      expect(decidedDocx.warnings.some((warning) => warning.includes("未处理修订"))).toBe(false);
      expect(headersOf(unzipDocx(decidedDocx.bytes)).filter((text) => text !== "")).toEqual(expect.arrayContaining(["草稿"]));
      expect(headersOf(unzipDocx(decidedDocx.bytes)).every((text) => text === "" || text === "草稿")).toBe(true);
    });
  });
});
