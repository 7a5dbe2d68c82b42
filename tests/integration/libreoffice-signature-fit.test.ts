/**
 * GB/T 9704 7.3.5's remedy: "当公文排版后所剩空白处不能容下印章或签发人签名章、成文日期时，可以采取调整行距、字距的措施
 * 解决", never a page with only the 署名 and 成文日期. A last paragraph too long to move with them (over 8 lines)
 * that ends on the last lines of a page: the export sets the last page tighter, the same blocks at the same pitch in
 * the DOCX (laid out by LibreOffice) and the PDF, line for line alike. Real-shaped endings: a short 结束语 (moves, no
 * fit), a 9-line and a 20-line last paragraph, each with and without 版记, and the sealed layout's two empty lines.
 * Needs soffice and poppler-utils (installed by .ci/run); under CI=true their absence fails.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { placeImprintForDocx, stopTypstEngine, type DocxPlacement } from "@/lib/export/pdf";
import type { DocumentFrame, Report } from "@/lib/report-model";

import { findCommand } from "../unit/export/docx/helpers/libreoffice";
import {
  comparePages,
  EXPORT_FIXTURES,
  loadExportFixture,
  pageCountOf,
  pageLines,
  printedText,
  renderPairs,
  type RenderedPair,
} from "../unit/export/helpers/side-by-side";
import { ending, nineLines, twentyLines } from "../unit/export/helpers/endings";
import { pdfPageLines } from "../unit/export/pdf/poppler";

const soffice = await findCommand("soffice", "libreoffice");
const pdftotext = await findCommand("pdftotext");
const isReady = Boolean(soffice && pdftotext);
if (!isReady && process.env.CI === "true") throw new Error("CI 环境缺少 LibreOffice 或 poppler-utils：请检查 .ci/run 的安装步骤");

const SIGNATURE = "青禾县人民政府";
const DATE = "2026年2月12日";
const COPY_TO = "抄送：市委全面依法治市委员会办公室，市司法局。";

interface Case {
  name: string;
  report: Report;
  frame?: Partial<DocumentFrame>;
  /** The last line of the text, just above the 署名. */
  lastLine: RegExp;
  /** Whether the last page must be set tighter. */
  isFitted: boolean;
}

describe.skipIf(!isReady)("[EXPORT] a last paragraph too long to move never leaves the 署名 and 成文日期 alone (GB/T 9704 7.3.5)", () => {
  let directory: string;
  const cases: Case[] = [];
  const rendered = new Map<string, { pair: RenderedPair; placed: DocxPlacement }>();

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "nianbao-signature-fit-"));
    const county = loadExportFixture(EXPORT_FIXTURES.county);
    cases.push(
      { name: "short", report: county, lastLine: /^特此报告。$/, isFitted: false },
      { name: "short-no-imprint", report: { ...county, meta: { ...county.meta, copyTo: "" } }, lastLine: /^特此报告。$/, isFitted: false },
      { name: "nine-lines", report: ending(county, nineLines, true), lastLine: /推动各项任务落地见效。$/, isFitted: true },
      { name: "nine-lines-no-imprint", report: ending(county, nineLines, false), lastLine: /推动各项任务落地见效。$/, isFitted: true },
      { name: "twenty-lines", report: ending(county, twentyLines, true), lastLine: /工作实绩的重要内容。$/, isFitted: true },
      { name: "twenty-lines-no-imprint", report: ending(county, twentyLines, false), lastLine: /工作实绩的重要内容。$/, isFitted: true },
      { name: "nine-lines-sealed", report: ending(county, nineLines, true), frame: { isSealed: true }, lastLine: /推动各项任务落地见效。$/, isFitted: true },
    );
    for (const entry of cases) {
      const options = { shouldPrintIndicatorTables: true, ...(entry.frame ? { frame: entry.frame } : {}) };
      const [pair] = await renderPairs(soffice!, [{ name: entry.name, report: entry.report }], directory, options);
      const placed = await placeImprintForDocx(entry.report, { ...DEFAULT_EXPORT_OPTIONS, isDraft: false, ...options });
      rendered.set(entry.name, { pair: pair!, placed });
    }
  }, 600_000);

  afterAll(async () => {
    await stopTypstEngine();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  const engines = (pair: RenderedPair) =>
    (["docxPdf", "pdf"] as const).map((key) => ({
      engine: key === "docxPdf" ? "DOCX（LibreOffice）" : "PDF",
      file: pair[key],
      pages: pageLines(pair[key], pageCountOf(pair[key])),
    }));

  it("the 9- and 20-line endings would leave the 署名 alone without the remedy (the test reports are the hard case)", () => {
    for (const entry of cases) {
      const { placed } = rendered.get(entry.name)!;
      expect(Boolean(placed.signatureFit), entry.name).toBe(entry.isFitted);
      // A fit is found for every case: no warning that the 署名 stands alone.
      expect(
        placed.warnings.filter((warning) => warning.startsWith("署名和成文日期单独")),
        entry.name,
      ).toEqual([]);
      if (entry.isFitted) expect(placed.warnings[0], entry.name).toMatch(/^为使署名和成文日期与正文同处一页.*调整为 \d+(\.\d+)? 磅，文字未改动。$/);
    }
  });

  it("puts the 署名 and 成文日期 on the page of the text's last line, in the DOCX through LibreOffice and in the PDF", () => {
    for (const entry of cases) {
      for (const { engine, pages } of engines(rendered.get(entry.name)!.pair)) {
        const label = `${entry.name} ${engine}`;
        const index = pages.map((lines) => lines.includes(SIGNATURE)).lastIndexOf(true);
        const page = pages[index]!;
        const signature = page.lastIndexOf(SIGNATURE);
        expect(page[signature + 1], label).toBe(DATE);
        expect(page[signature - 1], label).toMatch(entry.lastLine);
        // Never a page with only the 署名 and date.
        for (const lines of pages.filter((page) => page.includes(SIGNATURE) || page.includes(DATE)))
          expect(lines.filter((line) => line !== SIGNATURE && line !== DATE).length, label).toBeGreaterThan(0);
      }
    }
  });

  it("sets the last page tighter: its last lines at the fit's pitch in both formats, the page before on the grid", () => {
    for (const entry of cases.filter((item) => item.isFitted)) {
      const { pair, placed } = rendered.get(entry.name)!;
      const pitch = placed.signatureFit!.linePitch / 20;
      expect(pitch, entry.name).toBeLessThan(28.95);
      expect(pitch, entry.name).toBeGreaterThanOrEqual(22);
      for (const { engine, file, pages } of engines(pair)) {
        const label = `${entry.name} ${engine}`;
        const index = pages.map((lines) => lines.includes(SIGNATURE)).lastIndexOf(true);
        // The page holds more lines than the grid's 22 (text, 署名 and date).
        const baselines = pdfPageLines(file, index + 1)
          .filter((line) => !/^—\d+—$/.test(line.text.replace(/\s+/g, "")))
          .map((line) => line.y);
        const steps = baselines.slice(1).map((y, line) => y - baselines[line]!);
        const signature = pages[index]!.lastIndexOf(SIGNATURE);
        // Between the text's last lines: the fit's pitch (LibreOffice to 0.5 pt); the 署名 one empty line under the
        // text (two with a seal), at the same pitch. (The date's digits have other ink bounds: not measured.)
        for (const step of steps.slice(signature - 4, signature - 1)) expect(Math.abs(step - pitch), `${label} 末页行距 ${step}`).toBeLessThan(0.5);
        const blanks = entry.frame?.isSealed ? 2 : 1;
        expect(Math.abs(steps[signature - 1]! - (blanks + 1) * pitch), `${label} 署名上空行 ${steps[signature - 1]}`).toBeLessThan(0.5);
        // The page before keeps the grid (28.95–28.98 pt a line): every pitch is tried on the last page's own text first.
        const before = pdfPageLines(file, index)
          .filter((line) => !/^—\d+—$/.test(line.text.replace(/\s+/g, "")))
          .map((line) => line.y);
        const gridSteps = before
          .slice(1)
          .map((y, line) => y - before[line]!)
          .sort((a, b) => a - b);
        expect(Math.abs(gridSteps[Math.floor(gridSteps.length / 2)]! - 28.96), label).toBeLessThan(0.3);
        expect(gridSteps.filter((step) => step < 26.5).length, `${label} 前一页行距 ${gridSteps.join(",")}`).toBe(0);
      }
    }
  });

  it("breaks every page of both formats at the same line and prints every character", () => {
    const fullText = (pdf: string) =>
      execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" })
        .replace(/—\s*\d+\s*—/g, "")
        .replace(/\s+/g, "");
    for (const entry of cases) {
      const [docx, pdf] = engines(rendered.get(entry.name)!.pair);
      const differences = comparePages(docx!.pages, pdf!.pages).reduce((sum, page) => sum + page.differences, 0);
      expect(differences, entry.name).toBe(0);
      if (!entry.frame) {
        expect(fullText(docx!.file), entry.name).toBe(printedText(entry.report));
        expect(fullText(pdf!.file), entry.name).toBe(printedText(entry.report));
      }
    }
  });

  it("keeps the 版记 on an even page of its own after a full last page, and none without one", () => {
    for (const entry of cases) {
      for (const { engine, pages } of engines(rendered.get(entry.name)!.pair)) {
        const label = `${entry.name} ${engine}`;
        const imprintPage = pages.findIndex((lines) => lines.includes(COPY_TO));
        if (entry.report.meta.copyTo) {
          expect(imprintPage, label).toBe(pages.length - 1);
          expect((imprintPage + 1) % 2, label).toBe(0);
        } else expect(imprintPage, label).toBe(-1);
      }
    }
  });
});
