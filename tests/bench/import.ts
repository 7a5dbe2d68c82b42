/**
 * Import speed: a 10,000-character report as DOCX (our whole import vs mammoth's convertToHtml alone,
 * on the same bytes) and a 15 KB saved web-page text. Run alone: `npx tsx tests/bench/import.ts`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import mammoth from "mammoth";

import { importReport, importText } from "@/lib/import";

import { buildFixtureDocx } from "../unit/import/docx-fixture";

const FIXTURES = path.resolve(__dirname, "../fixtures/import");

/** Median of `runs` timings (after one warm-up), so one garbage collection does not decide the figure. */
async function timed<T>(run: () => Promise<T> | T, runs = 5): Promise<{ ms: number; value: T }> {
  let value = await run();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    value = await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)]!, value };
}

/** A page of chrome around the fixture report, padded with body paragraphs to about 15 KB of UTF-8. */
function buildWebPageText(): string {
  const report = readFileSync(path.join(FIXTURES, "simplified.txt"), "utf8");
  const [title, ...rest] = report.split("\n");
  const chrome = ["您当前的位置：首页 > 政务公开 > 法治政府建设", "索引号：000000/2024-001　发布机构：青禾市水务局", "字号：大 中 小", "语音播报"];
  const filler: string[] = [];
  for (let index = 1; Buffer.byteLength([title, ...chrome, ...rest, ...filler].join("\n")) < 15 * 1024; index += 1) {
    filler.push(`（${index}）补充说明第${index}项。围绕水资源刚性约束，细化取用水监管措施，按月通报进展，确保工作落地见效。`);
  }
  const body = rest.join("\n").replace("二、党政主要负责人", `${filler.join("\n")}\n二、党政主要负责人`);
  return [title, ...chrome, body, "扫一扫在手机打开当前页", "版权所有：青禾市水务局"].join("\n");
}

/**
 * Two runs measured alternately (after warm-up), so a busy machine slows both alike; the median of each.
 */
async function timedPair<A, B>(first: () => Promise<A>, second: () => Promise<B>, runs = 15): Promise<[{ ms: number; value: A }, { ms: number; value: B }]> {
  let a = await first();
  let b = await second();
  for (let warm = 0; warm < 2; warm += 1) [a, b] = [await first(), await second()];
  const [timesA, timesB] = [[] as number[], [] as number[]];
  for (let index = 0; index < runs; index += 1) {
    let start = performance.now();
    a = await first();
    timesA.push(performance.now() - start);
    start = performance.now();
    b = await second();
    timesB.push(performance.now() - start);
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  return [
    { ms: median(timesA), value: a },
    { ms: median(timesB), value: b },
  ];
}

export async function benchImport(): Promise<void> {
  const docx = await buildFixtureDocx(200);
  const [ours, mammothOnly] = await timedPair(
    () => importReport({ bytes: docx, fileName: "报告.docx" }),
    () => mammoth.convertToHtml({ buffer: Buffer.from(docx) }),
  );
  const characters = ours.value.report.sections.reduce((count, section) => count + JSON.stringify(section.items).length, 0);
  console.log(`DOCX（${(docx.length / 1024).toFixed(1)} KB，正文约 ${mammothOnly.value.value.replace(/<[^>]+>/g, "").length} 字）：`);
  console.log(
    `  完整导入 ${ours.ms.toFixed(1)} ms；mammoth convertToHtml ${mammothOnly.ms.toFixed(1)} ms；比值 ${(ours.ms / mammothOnly.ms).toFixed(2)}（交替各 15 次取中位数）`,
  );
  console.log(`  结果 ${ours.value.report.sections.length} 部分，JSON 约 ${(characters / 1024).toFixed(0)} KB`);

  const page = buildWebPageText();
  const pageRun = await timed(() => importText(page));
  console.log(
    `网页文本（${(Buffer.byteLength(page) / 1024).toFixed(1)} KB）：导入 ${pageRun.ms.toFixed(1)} ms，删除噪声 ${pageRun.value.log.find((entry) => entry.kind === "removed")?.message ?? "无"}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) void benchImport();
