import { execFile, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

import { exportReportDocx, type DocxExportOptions } from "@/lib/export/docx";
import { buildPrintableReport, inlinesToText, type PrintableBlock } from "@/lib/export/layout";
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from "@/lib/export/options";
import { exportReportPdf, placeImprintForDocx } from "@/lib/export/pdf";
import { parseReportFile, type Report } from "@/lib/report-model";

import { writePreviewFontconfig } from "../docx/helpers/libreoffice";
import { pdfPageLines } from "../pdf/poppler";

const run = promisify(execFile);

/** Real-shaped reports written for the export tests (never copied from published reports). */
export const EXPORT_FIXTURES = {
  /** County government, five pages: 文号, 主送, 导语, run-in items, numbered paragraphs, 结束语, 抄送. */
  county: "qinghe-county-2025.nianbao.json",
  /** 司法局: enumerations with 、，；。 at almost every line end. */
  punctuation: "songlin-justice-2025.nianbao.json",
  /** 街道办事处: short, a long title, a short signature (the date is the longer line), an empty optional part. */
  street: "hexi-street-2025.nianbao.json",
} as const;

/** The shared fixture of the DOCX tests: a district report with tables, lists and a 版记. */
export const DISTRICT_FIXTURE = "../../../fixtures/reports/wangchuan-district-2024.nianbao.json";

export function loadExportFixture(name: string): Report {
  return parseReportFile(JSON.parse(readFileSync(path.join(__dirname, "../fixtures", name), "utf8")));
}

/** The export fixtures plus the shared district report, named for output. */
export function allComparisonReports(): Array<{ name: string; report: Report }> {
  return [...Object.values(EXPORT_FIXTURES), DISTRICT_FIXTURE].map((file) => ({
    name: path.basename(file).replace(/\.nianbao\.json$/, ""),
    report: loadExportFixture(file),
  }));
}

/** All text a reader sees, in print order, without whitespace (page numbers excluded). */
export function printedText(report: Report, options: Parameters<typeof buildPrintableReport>[1] = { isFinal: true }): string {
  return buildPrintableReport(report, options).map(blockText).join("").replace(/\s+/g, "");
}

function blockText(block: PrintableBlock): string {
  switch (block.kind) {
    case "title":
      return block.lines.join("");
    case "blank":
      return "";
    case "heading":
      return block.prefix + block.text;
    case "paragraph":
      return block.prefix + inlinesToText(block.inlines);
    case "runIn":
      return block.prefix + block.heading + inlinesToText(block.inlines);
    case "table":
      return block.rows.map((row) => row.map((cell) => cell.blocks.map(blockText).join("")).join("")).join("");
    default:
      return block.text;
  }
}

/** A page number line "— 3 —" (pdftotext drops the spaces). */
export const PAGE_NUMBER_LINE = /^—\d+—$/;

/** The text lines of every page (whitespace removed), page numbers left out. */
export function pageLines(pdfPath: string, pageCount: number): string[][] {
  return Array.from({ length: pageCount }, (_, index) =>
    pdfPageLines(pdfPath, index + 1)
      .map((line) => line.text.replace(/\s+/g, ""))
      .filter((text) => text !== "" && !PAGE_NUMBER_LINE.test(text)),
  );
}

export function pageCountOf(pdfPath: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" }))?.[1] ?? 0);
}

/**
 * DOCX → PDF with LibreOffice for several files in one process (start-up is most of the time), in a private
 * profile and with the preview fontconfig. Returns the PDF paths in the order given.
 */
export async function convertAllWithLibreOffice(soffice: string, docxPaths: string[], directory: string, fontconfigFile?: string): Promise<string[]> {
  const fonts = fontconfigFile ?? (await writePreviewFontconfig(directory));
  await run(
    soffice,
    [`-env:UserInstallation=file://${path.join(directory, "lo-profile")}`, "--headless", "--convert-to", "pdf", "--outdir", directory, ...docxPaths],
    { env: { ...process.env, FONTCONFIG_FILE: fonts }, timeout: 300_000 },
  );
  return docxPaths.map((docx) => path.join(directory, path.basename(docx).replace(/\.docx$/, ".pdf")));
}

export interface RenderedPair {
  name: string;
  /** The DOCX laid out by LibreOffice. */
  docxPdf: string;
  /** The PDF exporter's own output. */
  pdf: string;
}

/** Exports each report as DOCX and PDF (same options), lays the DOCX files out with LibreOffice. */
export async function renderPairs(
  soffice: string,
  reports: Array<{ name: string; report: Report }>,
  directory: string,
  options: Partial<ExportOptions> & Pick<DocxExportOptions, "shouldPrintIndicatorTables"> = {},
): Promise<RenderedPair[]> {
  const settings = { ...DEFAULT_EXPORT_OPTIONS, isDraft: false, ...options };
  const docxPaths: string[] = [];
  const pdfPaths: string[] = [];
  for (const { name, report } of reports) {
    const docx = path.join(directory, `${name}.docx`);
    // The 版记's page and a tighter last page as the web export and the CLI find them: from the PDF engine's layout.
    const placed = await placeImprintForDocx(report, settings);
    await writeFile(docx, await exportReportDocx(report, { ...settings, imprintPlacement: placed.imprintPlacement, signatureFit: placed.signatureFit }));
    docxPaths.push(docx);
    const pdf = path.join(directory, `${name}.typst.pdf`);
    await writeFile(pdf, (await exportReportPdf(report, settings)).bytes);
    pdfPaths.push(pdf);
  }
  const converted = await convertAllWithLibreOffice(soffice, docxPaths, directory);
  return reports.map(({ name }, index) => ({ name, docxPdf: converted[index]!, pdf: pdfPaths[index]! }));
}

export interface PageComparison {
  page: number;
  left: string[];
  right: string[];
  /** Lines that differ at the same position, plus lines only one side has. */
  differences: number;
}

export function comparePages(left: string[][], right: string[][]): PageComparison[] {
  return Array.from({ length: Math.max(left.length, right.length) }, (_, index) => {
    const a = left[index] ?? [];
    const b = right[index] ?? [];
    let differences = Math.abs(a.length - b.length);
    for (let line = 0; line < Math.min(a.length, b.length); line += 1) if (a[line] !== b[line]) differences += 1;
    return { page: index + 1, left: a, right: b, differences };
  });
}

/** Side by side, one row per line, differing rows marked with ≠. */
export function formatComparison(name: string, pages: PageComparison[], width = 30): string {
  const pad = (text: string) => {
    const chars = [...text];
    const visible = chars.reduce((sum, char) => sum + (char.codePointAt(0)! < 0x7f ? 1 : 2), 0);
    return text + " ".repeat(Math.max(0, width * 2 - visible));
  };
  const out: string[] = [];
  for (const page of pages) {
    out.push(`── ${name} 第 ${page.page} 页：DOCX（LibreOffice）${page.left.length} 行 | PDF ${page.right.length} 行，不同 ${page.differences} 处`);
    for (let line = 0; line < Math.max(page.left.length, page.right.length); line += 1) {
      const a = page.left[line] ?? "";
      const b = page.right[line] ?? "";
      out.push(`${String(line + 1).padStart(2)} ${a === b ? " " : "≠"} ${pad(a)} | ${b}`);
    }
  }
  return out.join("\n");
}
