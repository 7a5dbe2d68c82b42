/**
 * `npm run compare:pages`: exports each real-shaped fixture as DOCX and PDF, lays the DOCX out with LibreOffice
 * and prints, per page, the lines of both side by side with their differences counted. Needs soffice and poppler.
 * `npm run compare:pages -- --summary` prints the counts only.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { stopTypstEngine } from "@/lib/export/pdf";

import { findCommand } from "../unit/export/docx/helpers/libreoffice";
import { allComparisonReports, comparePages, formatComparison, pageCountOf, pageLines, renderPairs } from "../unit/export/helpers/side-by-side";

async function main(): Promise<void> {
  const soffice = await findCommand("soffice", "libreoffice");
  if (!soffice) throw new Error("未找到 LibreOffice（soffice），无法比较分页");
  const isSummary = process.argv.includes("--summary");
  const directory = await mkdtemp(path.join(tmpdir(), "nianbao-compare-"));
  try {
    const pairs = await renderPairs(soffice, allComparisonReports(), directory, { shouldPrintIndicatorTables: true });
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
