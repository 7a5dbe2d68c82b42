/**
 * `npm run bench`: prints the speed figures of every part (a benchmark, never a test).
 * Each module also runs alone: `npx tsx --conditions=react-server tests/bench/<name>.ts`.
 */
import os from "node:os";

const BENCHES: Array<{ title: string; load: () => Promise<() => Promise<void>> }> = [
  { title: "校验 validation", load: async () => (await import("./validation")).benchValidation },
  { title: "导入 import", load: async () => (await import("./import")).benchImport },
  { title: "DOCX 导出", load: async () => (await import("./export-docx")).benchDocx },
  { title: "PDF 导出", load: async () => (await import("./export-pdf")).benchPdf },
  { title: "编辑器 editor (Chromium)", load: async () => (await import("./editor")).benchEditor },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  console.log(`机器：${os.cpus().length} 核，${Math.round(os.totalmem() / 1024 ** 3)} GiB 内存，Node ${process.version}`);
  let failures = 0;
  for (const bench of BENCHES) {
    if (only.length > 0 && !only.some((name) => bench.title.toLowerCase().includes(name.toLowerCase()))) continue;
    console.log(`\n== ${bench.title} ==`);
    try {
      await (
        await bench.load()
      )();
    } catch (error) {
      failures += 1;
      console.error(`基准测试失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  process.exitCode = failures > 0 ? 1 : 0;
}

void main();
