import { pathToFileURL } from "node:url";

import { emptyDoc, REPORT_SCHEMA_VERSION, SECTION_KINDS, textToDoc, type Report } from "@/lib/report-model";
import { validateReport } from "@/lib/validation";
import { getTemplate } from "@/templates";

const SIZES = [5_000, 20_000, 80_000] as const;

// Sentences with the shapes the rules look at: enumerations, years, figures, quotes, half-width marks.
const SENTENCES = [
  "一是健全行政执法公示制度，全年公示执法信息{n}条。",
  "二是落实执法全过程记录制度，配备执法记录仪{n}台,实现重点环节全覆盖。",
  "三是严格重大执法决定法制审核，审核案件{n}件，纠正问题{m}个。",
  "深化“放管服”改革，{year}年调整权责清单事项{n}项，证明事项告知承诺制覆盖{m}个事项。",
  "印发《青山县行政规范性文件管理办法》（青府发〔{year}〕{m}号），开展合法性审核{n}件。",
  "行政机关负责人出庭应诉率达到{p}%，行政复议案件审结{n}件。",
  "组织领导干部集中学法{m}次，参学人员{n}人次，学习习近平法治思想和《中华人民共和国行政处罚法》。",
  "第一，完善矛盾纠纷多元化解机制；第二，加强人民调解组织建设，调解纠纷{n}件。",
];

function paragraph(seed: number, year: number): string {
  const sentences: string[] = [];
  for (let index = 0; index < 4; index += 1) {
    const template = SENTENCES[(seed + index) % SENTENCES.length]!;
    sentences.push(
      template
        .replaceAll("{n}", String(((seed * 7919 + index * 104_729) % 900) + 10))
        .replaceAll("{m}", String(((seed * 31 + index) % 40) + 2))
        .replaceAll("{p}", String(90 + ((seed + index) % 10)))
        .replaceAll("{year}", String(year - ((seed + index) % 3))),
    );
  }
  return sentences.join("");
}

/** A report of about `characters` characters, spread over the five parts. */
export function buildBenchReport(characters: number, year = 2024, salt = 0): Report {
  const paragraphs: string[] = [];
  let length = 0;
  for (let seed = salt; length < characters; seed += 1) {
    const text = paragraph(seed, year);
    paragraphs.push(text);
    length += text.length;
  }
  const perItem = 3;
  const items = Array.from({ length: Math.ceil(paragraphs.length / perItem) }, (_, index) => paragraphs.slice(index * perItem, index * perItem + perItem));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    templateId: "county-government",
    meta: {
      agency: "青山县人民政府",
      year,
      title: `青山县人民政府关于${year}年度法治政府建设情况的报告`,
      mainRecipient: "中共青山县委",
      copyTo: "",
      signature: "青山县人民政府",
      date: `${year + 1}-03-08`,
      docNumber: "",
      isPublic: true,
    },
    opening: emptyDoc(),
    closing: "",
    sections: SECTION_KINDS.map((kind, sectionIndex) => ({
      id: `s${sectionIndex}`,
      kind,
      heading: kind,
      lead: "",
      items: items
        .filter((_, index) => index % SECTION_KINDS.length === sectionIndex)
        .map((texts, index) => ({
          id: `s${sectionIndex}i${index}`,
          heading: `第${index + 1}项工作`,
          body: textToDoc(texts.join("\n")),
          isRunIn: false,
          area: null,
          pendingUpdates: [],
        })),
      indicators: { fuyi_received: 46, fuyi_closed: 44, susong_cases: 31, susong_heads_appear: 29 },
      previousIndicators: {},
    })),
    commitments: [],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median full-validation time at 5k, 20k and 80k characters, and how it grows (16× would be linear). */
export async function benchValidation(): Promise<void> {
  const template = getTemplate("county-government");
  const medians: number[] = [];
  for (const size of SIZES) {
    const report = buildBenchReport(size);
    const previous = buildBenchReport(size, 2023, 3);
    const runs = size >= 80_000 ? 7 : 15;
    validateReport(report, { template, previous });
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      // A fresh copy each run: the body-text cache must not hide the real per-keystroke cost.
      const subject = structuredClone(report);
      const started = performance.now();
      validateReport(subject, { template, previous });
      times.push(performance.now() - started);
    }
    medians.push(median(times));
    console.log(`validation ${String(size / 1000).padStart(2)}k chars: median ${median(times).toFixed(1)} ms over ${runs} runs`);
  }
  const growth = medians[2]! / medians[0]!;
  console.log(`validation growth 80k/5k: ${growth.toFixed(1)}× (linear would be 16×)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  void benchValidation();
}
