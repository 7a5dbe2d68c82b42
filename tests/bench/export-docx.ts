/**
 * DOCX export speed on a 10,000-character report: first run and warm median, beside pandoc's markdown→docx
 * of the same text and LibreOffice's DOCX→PDF when installed. Run alone: `npx tsx tests/bench/export-docx.ts`.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

import { docParagraphs, headingPrefix, type Report } from "@/lib/report-model";

import { FULL_FIXTURE, loadFixture } from "../unit/export/docx/helpers/docx-xml";
import { convertWithLibreOffice, findCommand, writePreviewFontconfig } from "../unit/export/docx/helpers/libreoffice";

const TARGET_CHARACTERS = 10_000;
const WARM_RUNS = 20;
const run = promisify(execFile);

/** The fixture with its items repeated (headings renumbered by the exporter) until the text reaches 10,000 characters. */
function buildLongReport(): Report {
  const report = loadFixture(FULL_FIXTURE);
  const measures = report.sections[0]!;
  const originals = measures.items;
  let round = 0;
  while (countCharacters(report) < TARGET_CHARACTERS) {
    round += 1;
    measures.items = [...measures.items, ...originals.map((item) => ({ ...item, id: `${item.id}r${round}`, heading: `${item.heading}（续${round}）` }))];
  }
  return report;
}

function countCharacters(report: Report): number {
  return report.sections.reduce(
    (sum, section) =>
      sum +
      section.heading.length +
      section.lead.length +
      section.items.reduce((count, item) => count + item.heading.length + docParagraphs(item.body).join("").length, 0),
    0,
  );
}

function toMarkdown(report: Report): string {
  const lines = [`# ${report.meta.title}`, "", `${report.meta.mainRecipient}：`, ""];
  report.sections.forEach((section, index) => {
    lines.push(`## ${headingPrefix(1, index + 1)}${section.heading}`, "", section.lead, "");
    section.items.forEach((item, itemIndex) => {
      if (item.heading) lines.push(`### ${headingPrefix(2, itemIndex + 1)}${item.heading}`, "");
      for (const paragraph of docParagraphs(item.body)) lines.push(paragraph.replace(/\t/g, " | "), "");
    });
  });
  lines.push(report.meta.signature, "", report.meta.date);
  return lines.join("\n");
}

async function time(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchDocx(): Promise<void> {
  const report = buildLongReport();
  const importMs = await time(() => import("@/lib/export/docx"));
  const { exportReportDocx } = await import("@/lib/export/docx");
  let bytes: Uint8Array = new Uint8Array();
  const firstMs = await time(async () => {
    bytes = await exportReportDocx(report, { isDraft: false });
  });
  const warm: number[] = [];
  for (let index = 0; index < WARM_RUNS; index += 1) {
    report.meta.title = `明江市望川区人民政府关于2024年度法治政府建设情况的报告（第${index + 1}稿）`;
    warm.push(await time(() => exportReportDocx(report, { isDraft: index % 2 === 0 })));
  }
  const warmMs = median(warm);
  console.log(`报告约 ${countCharacters(report)} 字，DOCX ${(bytes.length / 1024).toFixed(1)} KB`);
  console.log(
    `  docx 模块加载 ${importMs.toFixed(0)} ms；首次导出 ${firstMs.toFixed(1)} ms；热导出中位数 ${warmMs.toFixed(1)} ms（${WARM_RUNS} 次，最小 ${Math.min(...warm).toFixed(1)}，最大 ${Math.max(...warm).toFixed(1)}）`,
  );

  const directory = await mkdtemp(path.join(tmpdir(), "nianbao-bench-docx-"));
  try {
    const pandoc = await findCommand("pandoc");
    if (pandoc) {
      const markdown = path.join(directory, "report.md");
      await writeFile(markdown, toMarkdown(report));
      const runs: number[] = [];
      for (let index = 0; index < 5; index += 1) runs.push(await time(() => run(pandoc, [markdown, "-o", path.join(directory, `pandoc-${index}.docx`)])));
      console.log(
        `  pandoc markdown→docx（同一文本，含进程启动）中位数 ${median(runs).toFixed(0)} ms，为本导出热中位数的 ${(median(runs) / warmMs).toFixed(1)} 倍`,
      );
    } else console.log("  pandoc：未安装");

    const soffice = await findCommand("soffice", "libreoffice");
    if (soffice) {
      const docxPath = path.join(directory, "report.docx");
      await writeFile(docxPath, bytes);
      const fontconfig = await writePreviewFontconfig(directory);
      const runs: number[] = [];
      for (let index = 0; index < 3; index += 1) runs.push(await time(() => convertWithLibreOffice(soffice, docxPath, directory, fontconfig)));
      console.log(
        `  LibreOffice DOCX→PDF 首次 ${runs[0]!.toFixed(0)} ms，其后中位数 ${median(runs.slice(1)).toFixed(0)} ms，为本导出热中位数的 ${(median(runs.slice(1)) / warmMs).toFixed(0)} 倍`,
      );
    } else console.log("  LibreOffice：未安装");
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) void benchDocx();
