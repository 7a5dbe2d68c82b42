/**
 * `npm run bench:cli`: the command line as an administrator or a script uses it — whole processes, timed from
 * spawn to exit. Runs help, validate, import and DOCX/PDF export of a real-shaped report, alternating with
 * LibreOffice's DOCX→PDF conversion of the same report (when installed), and prints medians and the ratio.
 * "nianbao …" rows run `node lib/cli/bin.mjs …`; `npm run -s cli` and `npx nianbao` are timed for --help too.
 * A benchmark, never a test. Targets (issue #15): help ≤ 0.35 s, validate ≤ 0.6 s, PDF ≤ 0.5 × LibreOffice.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { exportReportDocx } from "@/lib/export/docx";
import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { docToText, type Report } from "@/lib/report-model";

import { longPdfReport } from "../unit/export/pdf/long-pdf-report";

const ROOT = path.resolve(__dirname, "..", "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

interface Timing {
  seconds: number;
  peakKb: number;
}

/** Runs a command to completion; GNU time gives the peak memory where it exists. */
function run(command: string, args: string[]): Timing {
  const hasGnuTime = spawnSync("/usr/bin/time", ["-f", "%M", "true"]).status === 0;
  const start = performance.now();
  const result = hasGnuTime
    ? spawnSync("/usr/bin/time", ["-f", "%M", command, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } })
    : spawnSync(command, args, { cwd: ROOT, encoding: "utf8" });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  const peakKb = hasGnuTime ? Number(/(\d+)\s*$/.exec(result.stderr.trim())?.[1] ?? 0) : 0;
  return { seconds, peakKb };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function hasSoffice(): boolean {
  return spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
}

function characterCount(report: Report): number {
  return report.sections.reduce((sum, section) => sum + section.items.reduce((count, item) => count + docToText(item.body).length, 0), 0);
}

export async function benchCli(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), "nianbao-bench-cli-"));
  try {
    const report = longPdfReport(10_000);
    const reportPath = path.join(work, "report.nianbao.json");
    writeFileSync(reportPath, JSON.stringify(report));
    const docxPath = path.join(work, "report.docx");
    writeFileSync(docxPath, await exportReportDocx(report, { ...DEFAULT_EXPORT_OPTIONS, isDraft: false }));
    const cli = (...args: string[]) => run(process.execPath, ["lib/cli/bin.mjs", ...args]);
    // The first run compiles the CLI when the sources changed; it is not counted.
    cli("--help");

    const cases: Array<{ label: string; run: () => Timing }> = [
      { label: "node -e 0（参照）", run: () => run(process.execPath, ["-e", "0"]) },
      { label: "nianbao --help", run: () => cli("--help") },
      // The same command the ways the README tells people to start it: npm and npx add their own start-up.
      { label: "npm run -s cli -- --help", run: () => run("npm", ["run", "-s", "cli", "--", "--help"]) },
      { label: "npx nianbao --help", run: () => run("npx", ["--no-install", "nianbao", "--help"]) },
      { label: `nianbao validate（${characterCount(report)} 字）`, run: () => cli("validate", reportPath) },
      { label: "nianbao import（DOCX）", run: () => cli("import", docxPath, "--json") },
      { label: "nianbao export --format docx", run: () => cli("export", reportPath, "--format", "docx", "--final", "-o", path.join(work, "out.docx")) },
      { label: "nianbao export --format pdf", run: () => cli("export", reportPath, "--format", "pdf", "--final", "-o", path.join(work, "out.pdf")) },
    ];
    const withSoffice = hasSoffice();
    if (withSoffice) {
      const profile = pathToFileURL(path.join(work, "lo-profile")).href;
      cases.push({
        label: "LibreOffice DOCX→PDF（参照）",
        run: () => run("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", path.join(work, "lo"), docxPath]),
      });
    }
    const timings = new Map<string, Timing[]>(cases.map((entry) => [entry.label, []]));
    // Alternating rounds, so a slow moment of the machine falls on every command alike.
    for (let round = 0; round < RUNS; round += 1) for (const entry of cases) timings.get(entry.label)!.push(entry.run());

    console.log(`整进程计时，${RUNS} 轮交替，中位数（峰值内存）：`);
    const medians = new Map<string, number>();
    for (const [label, values] of timings) {
      const seconds = median(values.map((value) => value.seconds));
      medians.set(label, seconds);
      const peak = median(values.map((value) => value.peakKb));
      console.log(`  ${label.padEnd(34)} ${seconds.toFixed(2)} s${peak ? `（${Math.round(peak / 1024)} MB）` : ""}`);
    }
    if (withSoffice) {
      const ratio = medians.get("nianbao export --format pdf")! / medians.get("LibreOffice DOCX→PDF（参照）")!;
      console.log(`PDF 导出 / LibreOffice 转换 = ${ratio.toFixed(2)}（目标 ≤ 0.5）`);
    } else console.log("未安装 LibreOffice，无法给出比值。");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  benchCli().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
