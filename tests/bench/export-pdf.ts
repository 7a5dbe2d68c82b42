/**
 * PDF export speed on a 10,000-character report: first run (compiler thread start, font scan, first compile)
 * and the warm median with the text changed each run, plus the SVG preview. Run alone: `npx tsx tests/bench/export-pdf.ts`.
 */
import { pathToFileURL } from "node:url";

import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { exportReportPdf, renderReportPreview, stopTypstEngine } from "@/lib/export/pdf";
import { docToText, type Report } from "@/lib/report-model";

import { longPdfReport } from "../unit/export/pdf/long-pdf-report";

const WARM_RUNS = 20;

function characterCount(report: Report): number {
  return report.sections.reduce((sum, section) => sum + section.items.reduce((count, item) => count + docToText(item.body).length, 0), 0);
}

/** A different report each run, so Typst's memoization cannot return the previous layout. */
function variant(report: Report, run: number): Report {
  const copy = structuredClone(report);
  copy.sections[0]!.lead = `第${run}次测量：本段文字每次不同。`;
  return copy;
}

async function time(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const format = (ms: number) => `${ms.toFixed(0)} ms`;

export async function benchPdf(): Promise<void> {
  const report = longPdfReport(10_000);
  const options = { ...DEFAULT_EXPORT_OPTIONS, isDraft: false };
  let pages = 0;
  let bytes = 0;
  const first = await time(async () => {
    const result = await exportReportPdf(report, options);
    pages = result.pageCount;
    bytes = result.bytes.byteLength;
  });
  const warm: number[] = [];
  for (let run = 1; run <= WARM_RUNS; run += 1) warm.push(await time(() => exportReportPdf(variant(report, run), options)));
  const preview: number[] = [];
  for (let run = 1; run <= 5; run += 1) preview.push(await time(() => renderReportPreview(variant(report, run + 100), options)));
  await stopTypstEngine();
  console.log(`报告 ${characterCount(report)} 字，${pages} 页，PDF ${(bytes / 1024).toFixed(0)} KB`);
  console.log(`首次导出（含排版线程启动、字体扫描与首次排版）：${format(first)}`);
  console.log(`热导出中位数（${WARM_RUNS} 次，每次内容不同）：${format(median(warm))}（最短 ${format(Math.min(...warm))}，最长 ${format(Math.max(...warm))}）`);
  console.log(`分页 SVG 预览中位数（5 次）：${format(median(preview))}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  benchPdf().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
