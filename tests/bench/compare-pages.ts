/**
 * `npm run compare:pages`: exports each real-shaped fixture (and two endings set on a tighter last page) as DOCX and PDF, lays the DOCX out with LibreOffice
 * and prints, per page, the lines of both side by side with their differences counted. Needs soffice and poppler.
 * `npm run compare:pages -- --summary` prints the counts only.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { stopTypstEngine } from "@/lib/export/pdf";

import { findCommand } from "../unit/export/docx/helpers/libreoffice";
import { ending, nineLines, twentyLines } from "../unit/export/helpers/endings";
import {
  allComparisonReports,
  comparePages,
  EXPORT_FIXTURES,
  formatComparison,
  loadExportFixture,
  pageCountOf,
  pageLines,
  renderPairs,
} from "../unit/export/helpers/side-by-side";

async function main(): Promise<void> {
  const soffice = await findCommand("soffice", "libreoffice");
  if (!soffice) throw new Error("未找到 LibreOffice（soffice），无法比较分页");
  const isSummary = process.argv.includes("--summary");
  const directory = await mkdtemp(path.join(tmpdir(), "nianbao-compare-"));
  try {
    // The four fixtures, and two endings that get GB/T 9704 7.3.5's tighter last page (a 9- and a 20-line last
    // paragraph that would otherwise leave the 署名 and 成文日期 alone on a page).
    const county = loadExportFixture(EXPORT_FIXTURES.county);
    const reports = [
      ...allComparisonReports(),
      { name: "qinghe-ending-9-lines", report: ending(county, nineLines, true) },
      { name: "qinghe-ending-20-lines", report: ending(county, twentyLines, true) },
    ];
    const pairs = await renderPairs(soffice, reports, directory, { shouldPrintIndicatorTables: true });
    const rows: string[] = [];
    for (const pair of pairs) {
      const left = pageLines(pair.docxPdf, pageCountOf(pair.docxPdf));
      const right = pageLines(pair.pdf, pageCountOf(pair.pdf));
      const pages = comparePages(left, right);
      if (!isSummary) console.log(`${formatComparison(pair.name, pages)}\n`);
      const total = pages.reduce((sum, page) => sum + page.differences, 0);
      const lines = left.flat().length;
      rows.push(`| ${pair.name} | ${left.length} | ${right.length} | ${lines} | ${total} |`);
    }
    console.log("| 报告 | DOCX 页数（LibreOffice） | PDF 页数 | 行数 | 不同的行 |\n|---|---|---|---|---|");
    console.log(rows.join("\n"));
  } finally {
    await stopTypstEngine();
    await rm(directory, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
