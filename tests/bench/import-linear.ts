/**
 * Linear import stages (issue #20): HTML block building and the text pipeline on 5 MB and 20 MB of hostile
 * and ordinary input, with the growth factor (≈4 for linear code, ≈16 for quadratic).
 * Run alone: `npx tsx --conditions=react-server tests/bench/import-linear.ts`.
 */
import { pathToFileURL } from "node:url";

import { importText } from "@/lib/import";
import { htmlToBlocks } from "@/lib/import/html-blocks";

const MB = 1024 * 1024;
const LINE = "坚持依法行政严格规范公正文明执法持续深化行政执法体制改革健全监督";

const INPUTS: Array<{ name: string; run: (megabytes: number) => unknown }> = [
  {
    name: "HTML：层层嵌套的 <div>",
    run: (mb) => htmlToBlocks(`${"<div>".repeat((mb * MB) / 11)}文字${"</div>".repeat((mb * MB) / 11)}`, { hasStyledHeadings: false }),
  },
  { name: "HTML：无 > 的 <（如 1<2）", run: (mb) => htmlToBlocks("1<2 ".repeat((mb * MB) / 4), { hasStyledHeadings: false }) },
  { name: "HTML：普通段落", run: (mb) => htmlToBlocks(`<p>${LINE}。</p>\n`.repeat((mb * MB) / 110), { hasStyledHeadings: false }) },
  {
    // The whole text pipeline, line joining included; the result is then refused by the report limit.
    name: "粘贴文字：整段无句末标点的等宽行（全流程）",
    run: (mb) => {
      try {
        return importText(`${LINE}\n`.repeat((mb * MB) / (LINE.length * 3 + 1)), { maxBytes: 100 * MB });
      } catch (error) {
        return error;
      }
    },
  },
];

function seconds(run: () => unknown): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
}

export async function benchImportLinear(): Promise<void> {
  for (const input of INPUTS) {
    const small = seconds(() => input.run(5));
    const large = seconds(() => input.run(20));
    console.log(`${input.name}：5 MB ${small.toFixed(2)} 秒，20 MB ${large.toFixed(2)} 秒，增长 ${(large / small).toFixed(1)} 倍`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) void benchImportLinear();
