import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { exportReportPdf, renderReportPreview, stopTypstEngine, type PdfExportResult } from "@/lib/export/pdf";
import { runTypst } from "@/lib/export/pdf/typst-engine";
import { defaultFontDirectories, resolveFonts } from "@/lib/fonts";

import { longPdfReport } from "./long-pdf-report";
import { pdfPageLines, pdfToolsStatus, widthInChars, writeTempPdf, type PdfLine } from "./poppler";

const status = pdfToolsStatus();
const shouldSkip = !status.isReady && process.env.CI !== "true";
if (shouldSkip) console.warn(`[跳过] PDF 版式测试：${status.reason}`);

const MM = 72 / 25.4;
const TEXT_LEFT = 28 * MM;
const TEXT_RIGHT = (210 - 26) * MM;
const TEXT_BOTTOM = (297 - 35) * MM;
const LINE_PITCH = (225 * MM) / 22;
const CLOSING_PUNCTUATION = /^[，。、；：？！）》”]/;

describe.skipIf(shouldSkip)("[PDF] GB/T 9704 grid on a 10,000-character report", () => {
  let result: PdfExportResult;
  let file: string;
  let pages: PdfLine[][];

  beforeAll(async () => {
    result = await exportReportPdf(longPdfReport(), { ...DEFAULT_EXPORT_OPTIONS, isDraft: false });
    file = writeTempPdf(result.bytes);
    pages = Array.from({ length: result.pageCount }, (_, index) => pdfPageLines(file, index + 1).filter((line) => line.y < TEXT_BOTTOM + 5));
  });
  afterAll(() => stopTypstEngine());

  it("fills pages with 22 lines on a 28.98 pt pitch, never more", () => {
    expect(result.pageCount).toBeGreaterThan(10);
    const middlePages = pages.slice(1, -1);
    for (const lines of middlePages) {
      expect(lines.length).toBeLessThanOrEqual(22);
      // pdftotext boxes a word by its first font's descent: lines opening with Latin digits sit ~1 pt off.
      const cjkLines = lines.filter((line) => !/^[\x20-\x7e]/.test(line.text));
      for (let index = 1; index < cjkLines.length; index += 1) {
        const steps = (cjkLines[index]!.y - cjkLines[0]!.y) / LINE_PITCH;
        expect(Math.abs(steps - Math.round(steps)), `第 ${index + 1} 行偏离行距网格`).toBeLessThan(0.05);
      }
    }
    const fullPages = middlePages.filter((lines) => lines.length === 22).length;
    expect(fullPages / middlePages.length).toBeGreaterThanOrEqual(0.7);
  });

  it("sets 28 characters on a full line, with full-width punctuation kept full width", () => {
    const fullLines = pages.flat().filter((line) => Math.abs(line.xMin - TEXT_LEFT) < 2 && Math.abs(line.xMax - TEXT_RIGHT) < 3);
    expect(fullLines.length).toBeGreaterThan(200);
    // Squeezed punctuation would let 29–30 characters onto a line.
    for (const line of fullLines) expect(widthInChars(line.text), line.text).toBeLessThanOrEqual(28);
    // "%" and "." are not half-width, so count exactly on lines without Latin text: 28, or fewer where a
    // closing mark may not start the next line and takes the previous character (or number) with it, or where a
    // number that follows with its 0.21 em spacing does not fit ("…纠错率下降到" before "3.2%", 25 characters).
    const cjkWidths = fullLines.filter((line) => !/[\x20-\x7e]/.test(line.text)).map((line) => widthInChars(line.text));
    expect(cjkWidths.length).toBeGreaterThan(80);
    for (const width of cjkWidths) expect(width).toBeGreaterThanOrEqual(25);
    expect(cjkWidths.filter((width) => width === 28).length / cjkWidths.length).toBeGreaterThanOrEqual(0.8);
  });

  it("starts no line with closing punctuation ，。、；：？！）》”", () => {
    const offenders = pages.flat().filter((line) => CLOSING_PUNCTUATION.test(line.text));
    expect(offenders.map((line) => line.text)).toEqual([]);
  });

  it("renders the same pages as SVG for the editor preview", async () => {
    const preview = await renderReportPreview(longPdfReport(), { ...DEFAULT_EXPORT_OPTIONS, isDraft: false });
    expect(preview.pages).toHaveLength(result.pageCount);
    for (const [index, page] of preview.pages.entries()) {
      expect(page).toMatch(/^<svg class="typst-page" viewBox="0 [\d.]+ 595\.27\d* 841\.88\d*"/);
      expect(page).toContain("<use");
      if (index > 0) expect(page).not.toContain('viewBox="0 0 ');
    }
  });
});

describe.skipIf(shouldSkip)("[PDF] Typst engine", () => {
  afterAll(() => stopTypstEngine());
  const fontFiles = () => resolveFonts({ profile: "gb2312", ...defaultFontDirectories() }).files;

  it("surfaces 'unknown font family' for a wrong Fandol name (FandolFang instead of FandolFang R)", async () => {
    const response = await runTypst(fontFiles(), { output: "pdf", source: '#set text(font: "FandolFang")\n仿宋正文', inputs: {} });
    expect(response.warnings.join("\n")).toMatch(/unknown font family: fandolfang/i);
  });

  it("returns compile errors instead of throwing, and the next compile still works", async () => {
    const failed = await runTypst(fontFiles(), { output: "pdf", source: '#panic("模板损坏")', inputs: {} });
    expect(failed.errors?.join("\n")).toContain("模板损坏");
    const next = await runTypst(fontFiles(), { output: "pdf", source: '#set text(font: "FandolFang R")\n正常', inputs: {} });
    expect(next.errors).toBeUndefined();
    expect(next.pageCount).toBe(1);
  });
});
