/**
 * The DOCX as LibreOffice lays it out (the engine of 信创 desktops and many servers) against the report's text and
 * against the PDF exporter, page by page. Needs soffice and poppler-utils: .ci/run installs them, and under CI=true
 * their absence fails the suite instead of skipping it.
 */
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildPrintableReport } from "@/lib/export/layout";
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
import { inkBox, inkRowTops, renderGrey, type GreyPage } from "../unit/export/helpers/ink";
import { pdfPageLines, type PdfLine } from "../unit/export/pdf/poppler";

const MM = 72 / 25.4;
const TEXT_RIGHT = (210 - 26) * MM;
/** One 3号 character after the −0.25 pt tracking. */
const CHAR = 15.75;
/** One 4号 character (14 pt), the page number's inset. */
const FOURTH_SIZE_MM = (14 * 25.4) / 72;
const PITCH_MM = 225 / 22;

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

  it("the table-heavy district report with its indicator tables: the same lines on every page (npm run compare:pages)", async () => {
    const district = reports.filter((entry) => entry.name.startsWith("wangchuan-district"));
    expect(district).toHaveLength(1);
    await mkdir(path.join(directory, "tables"));
    const [tables] = await renderPairs(soffice!, district, path.join(directory, "tables"), { shouldPrintIndicatorTables: true });
    const left = pageLines(tables!.docxPdf, pageCountOf(tables!.docxPdf));
    const right = pageLines(tables!.pdf, pageCountOf(tables!.pdf));
    expect(left.flat().some((line) => line.startsWith("指标单位本年度上年度"))).toBe(true);
    expect(comparePages(left, right).filter((page) => page.differences > 0)).toEqual([]);
  }, 300_000);

  /** The 署名 and 成文日期 lines (on the last page that has the date). */
  function closingLines(pdf: string, signature: string, date: string): { signature: PdfLine; date: PdfLine } {
    let page = pageCountOf(pdf);
    while (page > 1 && !pdfPageLines(pdf, page).some((line) => line.text.replace(/\s+/g, "") === date)) page -= 1;
    const lines = pdfPageLines(pdf, page);
    const text = (line: PdfLine) => line.text.replace(/\s+/g, "");
    return { signature: lines.find((line) => text(line) === signature)!, date: lines.find((line) => text(line) === date)! };
  }

  it.each(reports.map((entry) => entry.name))(
    "%s: the date starts two characters right of the 署名, the longer line two characters from the right (GB/T 9704 7.3.5.2)",
    (file) => {
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
    },
  );

  it.each(reports.map((entry) => entry.name))(
    "%s: the 署名 and the 成文日期, with the Chinese–digit gaps LibreOffice sets, start and end at the same places in the PDF",
    (file) => {
      const report = reports.find((entry) => entry.name === file)!.report;
      const [year, month, day] = report.meta.date.split("-").map(Number);
      const date = `${year}年${month}月${day}日`;
      const docx = closingLines(pair(file).docxPdf, report.meta.signature, date);
      const pdf = closingLines(pair(file).pdf, report.meta.signature, date);
      for (const key of ["signature", "date"] as const) {
        // Without the gaps the PDF's date was 4 × 0.2 characters (12.6 pt) narrower and started that much further right.
        expect(Math.abs(docx[key].xMin - pdf[key].xMin), `${file} ${key} 起点`).toBeLessThan(1.5);
        expect(Math.abs(docx[key].xMax - pdf[key].xMax), `${file} ${key} 终点`).toBeLessThan(1.5);
      }
    },
  );

  /** The 一字线 of the page number: its ink box, left and right dashes apart (mm). */
  function pageNumberDashes(page: GreyPage) {
    const whole = inkBox(page, { left: 20, top: 263, right: 200, bottom: 285 })!;
    const left = inkBox(page, { left: whole.left, top: 263, right: whole.left + 3.5, bottom: 285 })!;
    const right = inkBox(page, { left: whole.right - 3.5, top: 263, right: whole.right, bottom: 285 })!;
    return { top: left.top, left: whole.left, right: whole.right, rightDashTop: right.top };
  }

  it.each(reports.map((entry) => entry.name))("%s: the title lines, with their Chinese–digit gaps, take the same width in both formats", (file) => {
    const report = reports.find((entry) => entry.name === file)!.report;
    const titleLines = buildPrintableReport(report, { isFinal: true }).flatMap((block) => (block.kind === "title" ? block.lines : []));
    expect(titleLines.length).toBeGreaterThan(0);
    const find = (pdf: string, line: string) => pdfPageLines(pdf, 1).find((candidate) => candidate.text.replace(/\s+/g, "") === line)!;
    for (const line of titleLines) {
      const [docx, pdf] = [find(pair(file).docxPdf, line), find(pair(file).pdf, line)];
      expect(docx, `${file} DOCX: ${line}`).toBeDefined();
      expect(pdf, `${file} PDF: ${line}`).toBeDefined();
      expect(Math.abs(docx.xMax - docx.xMin - (pdf.xMax - pdf.xMin)), `${file}: ${line} 宽度`).toBeLessThan(2);
    }
  });

  it("sets the centred 文号's glyphs where the DOCX has them: no gap opens inside 〔2026〕 (GB/T 9704 7.2.5)", () => {
    const county = pair(EXPORT_FIXTURES.county);
    /** Left edges (mm) of the runs of inked columns across the 文号's line. */
    const glyphStarts = (pdf: string) => {
      const line = pdfPageLines(pdf, 1).find((candidate) => candidate.text.replace(/\s+/g, "") === "青政〔2026〕5号")!;
      expect(line, pdf).toBeDefined();
      const page = renderGrey(pdf, 1, 300);
      const [top, bottom] = [((line.y - 14) * 25.4) / 72, ((line.y + 2) * 25.4) / 72];
      const starts: number[] = [];
      let wasInked = false;
      for (let x = 28; x < 184; x += 25.4 / 300) {
        const isInked = inkBox(page, { left: x, top, right: x + 25.4 / 300, bottom }) !== undefined;
        if (isInked && !wasInked) starts.push(x);
        wasInked = isInked;
      }
      return starts;
    };
    const [docx, pdf] = [glyphStarts(county.docxPdf), glyphStarts(county.pdf)];
    expect(pdf.length).toBe(docx.length);
    // Before, the PDF centred the trimmed 〕 in its box: 1.3 mm right of the DOCX's, against the 5.
    pdf.forEach((start, index) => expect(Math.abs(start - docx[index]!), `第${index + 1}段墨迹`).toBeLessThan(0.4));
  });

  /** Pages up to the last one with body text: a page after it holds the 版记 alone or nothing (GB/T 9704 7.4). */
  function bodyPageCount(pdf: string): number {
    const pages = pageLines(pdf, pageCountOf(pdf));
    const isImprintLine = (line: string) => line.startsWith("抄送：") || line.endsWith("印发");
    return pages.findLastIndex((lines) => lines.some((line) => !isImprintLine(line))) + 1;
  }

  it.each(Object.values(EXPORT_FIXTURES))("%s: the 一字线 of the page number sits 7 mm under the 版心, one 4号 character in, in both", (file) => {
    for (const pdf of [pair(file).docxPdf, pair(file).pdf]) {
      // The 版记 stands on an even page; a page after the body carries no number (GB/T 9704 7.5).
      const numbered = bodyPageCount(pdf);
      for (let number = numbered + 1; number <= pageCountOf(pdf); number += 1) {
        expect(inkBox(renderGrey(pdf, number), { left: 20, top: 263, right: 200, bottom: 285 }), `${pdf} 第${number}页无页码`).toBeUndefined();
        expect(number % 2 === 0 || number < pageCountOf(pdf), `${pdf}: 版记页为偶数页`).toBe(true);
      }
      for (let number = 1; number <= numbered; number += 1) {
        const dashes = pageNumberDashes(renderGrey(pdf, number));
        expect(Math.abs(dashes.top - (262 + 7)), `${pdf} 第${number}页 一字线上距版心`).toBeLessThan(0.3);
        expect(Math.abs(dashes.rightDashTop - dashes.top)).toBeLessThan(0.2);
        if (number % 2 === 1) expect(Math.abs(184 - FOURTH_SIZE_MM - dashes.right), `${pdf} 第${number}页 右空一字`).toBeLessThan(0.3);
        else expect(Math.abs(28 + FOURTH_SIZE_MM - dashes.left), `${pdf} 第${number}页 左空一字`).toBeLessThan(0.3);
      }
    }
  });

  it.each(Object.values(EXPORT_FIXTURES))("%s: every page's lines on one grid, the PDF's first page included, at the DOCX's height in the line", (file) => {
    const rowsOf = (pdf: string) =>
      Array.from({ length: pageCountOf(pdf) }, (_, index) => inkRowTops(renderGrey(pdf, index + 1, 150), { left: 28, top: 36, right: 184, bottom: 262 }));
    const docx = rowsOf(pair(file).docxPdf);
    const typst = rowsOf(pair(file).pdf);
    for (const [engine, pages] of [
      ["DOCX", docx],
      ["PDF", typst],
    ] as const) {
      pages.slice(0, bodyPageCount(engine === "DOCX" ? pair(file).docxPdf : pair(file).pdf) - 1).forEach((rows, index) => {
        // The first page's 文号 and 2号 title lines have taller glyphs; the grid is checked from the 主送 on.
        const body = index === 0 ? rows.filter((top) => top > 37 + 5 * PITCH_MM) : rows;
        expect(body.length).toBeGreaterThan(10);
        for (const top of body) expect((top - 37) % PITCH_MM, `${engine} 第${index + 1}页 ${top.toFixed(2)} mm`).toBeGreaterThan(2.5);
        for (const top of body) expect((top - 37) % PITCH_MM, `${engine} 第${index + 1}页 ${top.toFixed(2)} mm`).toBeLessThan(4.3);
      });
    }
    expect(typst.length).toBe(docx.length);
    docx.forEach((rows, index) => {
      expect(typst[index]!.length).toBe(rows.length);
      rows.forEach((top, row) => expect(Math.abs(typst[index]![row]! - top), `第${index + 1}页第${row + 1}行`).toBeLessThan(0.8));
    });
  });

  it("keeps title, headings and body in different faces without the licensed fonts (open substitutes by role)", () => {
    const faces = execFileSync("pdffonts", [pair(EXPORT_FIXTURES.county).docxPdf], { encoding: "utf8" })
      .split("\n")
      .slice(2)
      .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ""))
      .filter(Boolean);
    // 仿宋 body, 黑体 一、, 楷体 （一）, 宋体 page numbers, 小标宋 title: five faces, none standing in for another.
    for (const face of ["FandolFang", "FandolHei", "FandolKai", "FandolSong"])
      expect(
        faces.some((name) => name.startsWith(face)),
        `${face} in ${faces.join(", ")}`,
      ).toBe(true);
    expect(
      faces.some((name) => /^NotoSerifCJK[a-z]*-Bold/.test(name)),
      faces.join(", "),
    ).toBe(true);
  });

  it("lays the district report out complete in LibreOffice on as many pages as the PDF ± 1 (its tables differ in height)", () => {
    const district = pairs.at(-1)!;
    expect(Math.abs(pageCountOf(district.docxPdf) - pageCountOf(district.pdf))).toBeLessThanOrEqual(1);
  });
});
