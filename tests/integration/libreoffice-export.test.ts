/**
 * The DOCX as LibreOffice lays it out (the engine of 信创 desktops and many servers) against the report's text and
 * against the PDF exporter, page by page. Needs soffice and poppler-utils: .ci/run installs them, and under CI=true
 * their absence fails the suite instead of skipping it.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { stopTypstEngine } from "@/lib/export/pdf";

import { findCommand } from "../unit/export/docx/helpers/libreoffice";
import {
  allComparisonReports,
  comparePages,
  EXPORT_FIXTURES,
  pageCountOf,
  pageLines,
  printedText,
  renderPairs,
  type RenderedPair,
} from "../unit/export/helpers/side-by-side";
import { pdfPageLines, type PdfLine } from "../unit/export/pdf/poppler";

const MM = 72 / 25.4;
const TEXT_RIGHT = (210 - 26) * MM;
/** One 3号 character after the −0.25 pt tracking. */
const CHAR = 15.75;

const soffice = await findCommand("soffice", "libreoffice");
const pdftotext = await findCommand("pdftotext");
const isReady = Boolean(soffice && pdftotext);
if (!isReady && process.env.CI === "true") throw new Error("CI 环境缺少 LibreOffice 或 poppler-utils：请检查 .ci/run 的安装步骤");
if (!isReady) console.warn("[EXPORT] 未安装 LibreOffice 或 poppler-utils，跳过 LibreOffice 版面检查");

const reports = allComparisonReports();

describe.skipIf(!isReady)("[EXPORT] DOCX through LibreOffice and the PDF, on four real-shaped reports", () => {
  let directory: string;
  let pairs: RenderedPair[];

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "nianbao-lo-"));
    pairs = await renderPairs(soffice!, reports, directory, { shouldPrintIndicatorTables: false });
  }, 300_000);

  afterAll(async () => {
    await stopTypstEngine();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  const pair = (name: string) => pairs.find((entry) => entry.name === name.replace(/\.nianbao\.json$/, ""))!;
  const fullText = (pdf: string) =>
    execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" })
      .replace(/—\s*\d+\s*—/g, "")
      .replace(/\s+/g, "");

  it.each(reports.map((entry) => entry.name))("%s: LibreOffice prints every character of the DOCX, punctuation at line ends included", (name) => {
    const report = reports.find((entry) => entry.name === name)!.report;
    expect(fullText(pair(name).docxPdf)).toBe(printedText(report));
  });

  it("the punctuation-dense report really puts closing marks at line ends (the case LibreOffice used to drop)", () => {
    const lines = pageLines(pair(EXPORT_FIXTURES.punctuation).docxPdf, pageCountOf(pair(EXPORT_FIXTURES.punctuation).docxPdf)).flat();
    expect(lines.filter((line) => /[、，；。：]$/.test(line)).length).toBeGreaterThanOrEqual(15);
  });

  it.each(Object.values(EXPORT_FIXTURES))("%s: the PDF prints every character too", (file) => {
    const report = reports.find((entry) => entry.name === file.replace(/\.nianbao\.json$/, ""))!.report;
    expect(fullText(pair(file).pdf)).toBe(printedText(report));
  });

  it.each(Object.values(EXPORT_FIXTURES))("%s: DOCX (LibreOffice) and PDF put the same text on each page", (file) => {
    const { docxPdf, pdf } = pair(file);
    const left = pageLines(docxPdf, pageCountOf(docxPdf));
    const right = pageLines(pdf, pageCountOf(pdf));
    expect(left.length).toBe(right.length);
    expect(left.map((page) => page.join(""))).toEqual(right.map((page) => page.join("")));
    // Line for line as well: both engines break every line at the same character.
    expect(comparePages(left, right).reduce((sum, page) => sum + page.differences, 0)).toBe(0);
  });

  /** The 署名 and 成文日期 lines (on the last page that has the date). */
  function closingLines(pdf: string, signature: string, date: string): { signature: PdfLine; date: PdfLine } {
    let page = pageCountOf(pdf);
    while (page > 1 && !pdfPageLines(pdf, page).some((line) => line.text.replace(/\s+/g, "") === date)) page -= 1;
    const lines = pdfPageLines(pdf, page);
    const text = (line: PdfLine) => line.text.replace(/\s+/g, "");
    return { signature: lines.find((line) => text(line) === signature)!, date: lines.find((line) => text(line) === date)! };
  }

  it.each(reports.map((entry) => entry.name))("%s: the date starts two characters right of the 署名, the longer line two characters from the right (GB/T 9704 7.3.5.2)", (file) => {
    const report = reports.find((entry) => entry.name === file)!.report;
    const [year, month, day] = report.meta.date.split("-").map(Number);
    const date = `${year}年${month}月${day}日`;
    for (const pdf of [pair(file).docxPdf, pair(file).pdf]) {
      const found = closingLines(pdf, report.meta.signature, date);
      expect(found.signature, pdf).toBeDefined();
      expect(found.date, pdf).toBeDefined();
      expect(Math.abs(found.date.xMin - found.signature.xMin - 2 * CHAR), `${pdf}: 日期首字右移`).toBeLessThan(1.5);
      const longer = found.date.xMax > found.signature.xMax ? found.date : found.signature;
      // pdftotext's box ends at the glyph; the last character's tracking and a digit's side bearing stay under 2 pt.
      expect(Math.abs(TEXT_RIGHT - longer.xMax - 2 * CHAR), `${pdf}: 右空二字`).toBeLessThan(3);
      expect(found.date.y - found.signature.y).toBeGreaterThan(20);
    }
  });

  it("lays the district report out complete in LibreOffice on as many pages as the PDF ± 1 (its tables differ in height)", () => {
    const district = pairs.at(-1)!;
    expect(Math.abs(pageCountOf(district.docxPdf) - pageCountOf(district.pdf))).toBeLessThanOrEqual(1);
  });
});
