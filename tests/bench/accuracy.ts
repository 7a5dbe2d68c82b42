/**
 * npm run bench:accuracy — how much of what a careful reviewer sees does validation find, and how much of what
 * it says is right. Recall: one defect at a time of every kind seeded into the corpus reports (../shared/corpus,
 * web copies as .txt) and into reports written for this bench (as the official's own .txt and .docx).
 * Precision: every finding on the unmodified corpus reports next to the committed verdict file.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { Document, Packer, Paragraph, TextRun } from "docx";

import { importReport } from "@/lib/import";
import type { Report } from "@/lib/report-model";
import { describeLocation, validateReport, type Finding } from "@/lib/validation";
import { findTemplate } from "@/templates";

import { BENCH_REPORTS } from "./accuracy-reports";
import { HELD_OUT_REPORTS } from "./accuracy-reports-heldout";
import { DEFECT_KINDS, type DefectKind } from "./accuracy-seeds";

const CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpus");
const VERDICTS = path.join(import.meta.dirname, "accuracy-verdicts.json");
const POSITIONS = 3;

type Format = "txt" | "docx";
interface Subject {
  name: string;
  year: number;
  lines: string[];
  formats: Format[];
  isWebCopy: boolean;
  /** Written after the rules and lexicon were done and never tuned on: recall printed on its own. */
  isHeldOut?: boolean;
}

interface Verdict {
  ruleId: string;
  where: string;
  quote: string;
  verdict: "true" | "false" | "noise";
  reason: string;
}

async function toBytes(lines: string[], format: Format): Promise<Uint8Array> {
  if (format === "txt") return new TextEncoder().encode(lines.join("\n"));
  const document = new Document({ sections: [{ children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

// The corpus files are saved web pages: imported as web copies, whose capture damage the import repairs (logged).
async function check(lines: string[], format: Format, isWebCopy = false): Promise<{ report: Report; findings: Finding[] }> {
  const { report, sourceHeadings } = await importReport({
    bytes: await toBytes(lines, format),
    fileName: `report.${format}`,
    ...(isWebCopy ? { repair: "web" as const } : {}),
  });
  return { report, findings: validateReport(report, { template: findTemplate(report.templateId) ?? undefined, sourceHeadings }) };
}

function findingKey(finding: Finding): string {
  const { field, sectionIndex, itemIndex, key } = finding.location;
  return [finding.ruleId, finding.message, field, sectionIndex, itemIndex, key].join("|");
}

function countKeys(findings: Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(findingKey(finding), (counts.get(findingKey(finding)) ?? 0) + 1);
  return counts;
}

export function quoteOf(report: Report, finding: Finding, around = 0): string {
  const range = finding.location.range;
  if (!range) return "";
  const { field, sectionIndex, itemIndex } = finding.location;
  const section = sectionIndex === undefined ? undefined : report.sections[sectionIndex];
  const item = itemIndex === undefined ? undefined : section?.items[itemIndex];
  const texts: Record<string, string | undefined> = {
    title: report.meta.title,
    mainRecipient: report.meta.mainRecipient,
    signature: report.meta.signature,
    sectionHeading: section?.heading,
    lead: section?.lead,
    itemHeading: item?.heading,
  };
  let text = texts[field];
  if (field === "body" && item) text = docToPlain(item.body);
  if (field === "opening") text = docToPlain(report.opening);
  return (text ?? "").slice(Math.max(0, range.from - around), range.to + around);
}

function docToPlain(doc: Report["opening"]): string {
  const out: string[] = [];
  const walk = (node: Report["opening"] | NonNullable<Report["opening"]["content"]>[number], parts: string[]): void => {
    if (node.type === "text") parts.push(node.text ?? "");
    else if (node.type === "hardBreak") parts.push("\n");
    else if (node.type === "paragraph") {
      const inner: string[] = [];
      for (const child of node.content ?? []) walk(child, inner);
      out.push(inner.join(""));
    } else for (const child of node.content ?? []) walk(child, parts);
  };
  walk(doc, []);
  return out.join("\n");
}

function loadSubjects(): { subjects: Subject[]; corpusFiles: string[] } {
  const subjects: Subject[] = BENCH_REPORTS.map((report) => ({
    name: report.name,
    year: report.year,
    lines: report.lines,
    formats: ["txt", "docx"],
    isWebCopy: false,
  }));
  for (const report of HELD_OUT_REPORTS)
    subjects.push({ name: report.name, year: report.year, lines: report.lines, formats: ["txt", "docx"], isWebCopy: false, isHeldOut: true });
  const corpusFiles = existsSync(CORPUS)
    ? readdirSync(CORPUS)
        .filter((file) => file.endsWith(".txt"))
        .sort()
    : [];
  if (corpusFiles.length === 0) console.log(`[accuracy] 未找到语料目录 ${CORPUS}，只用为本基准编写的报告。`);
  for (const file of corpusFiles) {
    const text = readFileSync(path.join(CORPUS, file), "utf8");
    const title = text.split("\n").find((line) => /法治政府建设/.test(line) && /报告|总结/.test(line) && /\d{4}\s*年/.test(line)) ?? "";
    const year = Number(/(\d{4})\s*年/.exec(title)?.[1] ?? 2020);
    subjects.push({ name: file, year, lines: text.split(/\r?\n/), formats: ["txt"], isWebCopy: true });
  }
  return { subjects, corpusFiles };
}

interface Tally {
  found: number;
  total: number;
  misses: string[];
}

async function measureRecall(subjects: Subject[]): Promise<void> {
  const empty = (): Tally => ({ found: 0, total: 0, misses: [] });
  const tallies = new Map<string, Tallies>(DEFECT_KINDS.map((kind) => [kind.id, { own: empty(), heldOut: empty(), corpus: empty() }]));
  for (const subject of subjects) {
    for (const format of subject.formats) {
      const baseline = countKeys((await check(subject.lines, format, subject.isWebCopy)).findings);
      for (const kind of DEFECT_KINDS) {
        if (kind.isFileOnly && subject.isWebCopy) continue;
        for (let position = 0; position < POSITIONS; position += 1) {
          const seeded = kind.seed(subject.lines, position, subject.year);
          if (!seeded) continue;
          const { findings } = await check(seeded, format, subject.isWebCopy);
          // A hit is one more finding of the kind's rules at a place than the unseeded report has there.
          const seededCounts = countKeys(findings.filter((finding) => kind.rules.includes(finding.ruleId)));
          const isFound = [...seededCounts].some(([key, count]) => count > (baseline.get(key) ?? 0));
          const tallyOf = tallies.get(kind.id)!;
          const tally = subject.isWebCopy ? tallyOf.corpus : subject.isHeldOut ? tallyOf.heldOut : tallyOf.own;
          tally.total += 1;
          if (isFound) tally.found += 1;
          else tally.misses.push(`${subject.name}.${format}#${position}`);
        }
      }
    }
  }
  printRecall(tallies);
}

function percent(found: number, total: number): string {
  return total === 0 ? "   —  " : `${((found / total) * 100).toFixed(1).padStart(5)}%`;
}

interface Tallies {
  own: Tally;
  heldOut: Tally;
  corpus: Tally;
}

function printRecall(tallies: Map<string, Tallies>): void {
  console.log("\n召回率（每次只植入一处缺陷）：  新写报告（.txt+.docx）   未调参新报告（.txt+.docx）   语料（网页副本 .txt）");
  let ownFound = 0;
  let ownTotal = 0;
  let heldFound = 0;
  let heldTotal = 0;
  let corpusFound = 0;
  let corpusTotal = 0;
  let lowestHeldOut = 1;
  for (const kind of DEFECT_KINDS) {
    const { own, heldOut, corpus } = tallies.get(kind.id)!;
    ownFound += own.found;
    ownTotal += own.total;
    heldFound += heldOut.found;
    heldTotal += heldOut.total;
    corpusFound += corpus.found;
    corpusTotal += corpus.total;
    if (heldOut.total > 0) lowestHeldOut = Math.min(lowestHeldOut, heldOut.found / heldOut.total);
    const corpusCell = kind.isFileOnly ? "  不适用（导入网页副本时记录并修复）" : `${percent(corpus.found, corpus.total)} (${corpus.found}/${corpus.total})`;
    const heldCell = `${percent(heldOut.found, heldOut.total)} (${heldOut.found}/${heldOut.total})`;
    console.log(`  ${kind.label.padEnd(28, "　")} ${percent(own.found, own.total)} (${own.found}/${own.total})    ${heldCell}    ${corpusCell}`);
    const misses = [...own.misses, ...heldOut.misses, ...corpus.misses];
    if (misses.length > 0) console.log(`      未找到：${misses.slice(0, 6).join("，")}${misses.length > 6 ? ` 等${misses.length}处` : ""}`);
  }
  console.log(
    `  合计：新写报告 ${percent(ownFound, ownTotal)} (${ownFound}/${ownTotal})；未调参新报告 ${percent(heldFound, heldTotal)} (${heldFound}/${heldTotal})，` +
      `最低一类 ${percent(lowestHeldOut, 1)}；语料 ${percent(corpusFound, corpusTotal)} (${corpusFound}/${corpusTotal})`,
  );
}

async function measurePrecision(corpusFiles: string[]): Promise<void> {
  if (corpusFiles.length === 0) return;
  const verdicts = JSON.parse(readFileSync(VERDICTS, "utf8")) as Record<string, Verdict[]>;
  const counts = { true: 0, false: 0, noise: 0, unjudged: 0, falseErrors: 0 };
  console.log("\n语料报告上的全部发现与评判（true 正确 / false 错报 / noise 无用）：");
  for (const file of corpusFiles) {
    const lines = readFileSync(path.join(CORPUS, file), "utf8").split(/\r?\n/);
    const { report, findings } = await check(lines, "txt", true);
    const judged = verdicts[file] ?? [];
    const used = new Set<number>();
    console.log(`\n== ${file}（${findings.length}条）`);
    for (const finding of findings) {
      const where = describeLocation(report, finding.location);
      const quote = quoteOf(report, finding);
      // Each verdict judges one finding: two findings with the same rule, place and quote take them in order.
      const verdictIndex = judged.findIndex(
        (entry, index) => !used.has(index) && entry.ruleId === finding.ruleId && entry.where === where && entry.quote === quote,
      );
      used.add(verdictIndex);
      const verdict = judged[verdictIndex];
      const label = verdict?.verdict ?? "unjudged";
      if (verdict) counts[verdict.verdict] += 1;
      else counts.unjudged += 1;
      if (verdict?.verdict === "false" && finding.severity === "error") counts.falseErrors += 1;
      console.log(`  [${label}] ${finding.severity} ${finding.ruleId} @ ${where}${quote ? ` “${quote}”` : ""}`);
      console.log(`      ${finding.message.slice(0, 110)}`);
      if (quote) console.log(`      上下文：…${quoteOf(report, finding, 12).replace(/\n/g, "⏎")}…`);
      if (verdict) console.log(`      评判：${verdict.reason}`);
    }
  }
  const judgedTotal = counts.true + counts.false + counts.noise;
  console.log(
    `\n精确率：${percent(counts.true, judgedTotal)}（正确${counts.true}，错报${counts.false}，无用${counts.noise}，未评判${counts.unjudged}）；错报的错误级发现：${counts.falseErrors}条`,
  );
}

/** Median time of a full validation of the 80k-character bench report (the editor runs it at every pause). */
async function measureSpeed(): Promise<void> {
  const { buildBenchReport } = await import("./validation");
  const report = buildBenchReport(80_000);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let run = 0; run < 9; run += 1) {
    const subject = structuredClone(report);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    validateReport(subject, { template: findTemplate("county-government") ?? undefined });
    const cpu = process.cpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  const median = (values: number[]) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!;
  // On a shared, loaded machine the wall time includes waiting for a core; the CPU time is the validation's own cost.
  console.log(
    `\n8万字报告完整校验：中位数 ${median(times).toFixed(1)} ms（CPU 时间 ${median(cpuTimes).toFixed(1)} ms；要求 < 100 ms；系统负载 ${loadAverage()}）`,
  );
}

function loadAverage(): string {
  return loadavg()[0]!.toFixed(1);
}

export async function benchAccuracy(): Promise<void> {
  const { subjects, corpusFiles } = loadSubjects();
  console.log(`缺陷种类 ${DEFECT_KINDS.length} 种；新写报告 ${BENCH_REPORTS.length} 篇（.txt 与 .docx），语料 ${corpusFiles.length} 篇。`);
  await measureRecall(subjects);
  await measurePrecision(corpusFiles);
  await measureSpeed();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  void benchAccuracy();
}

export type { DefectKind };
