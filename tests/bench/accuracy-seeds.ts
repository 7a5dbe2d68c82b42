import { CONFUSION_LEXICON } from "@/lib/validation/data/confusion-lexicon";

/** One defect of a kind seeded into a report's lines at the `position`-th place it fits; undefined when none fits. */
export interface DefectKind {
  id: string;
  label: string;
  /** Rules any one of which finding it counts as a hit. */
  rules: readonly string[];
  /** Only meaningful in the official's own file: a web copy's import repairs it as one logged step. */
  isFileOnly?: boolean;
  seed(lines: string[], position: number, year: number): string[] | undefined;
}

const PART_HEADING = /^([一二三四五六七八九十]{1,2})、/;
const ITEM_HEADING = /^[（(]([一二三四五六七八九十]{1,2})[）)]/;

function firstPartIndex(lines: string[]): number {
  const index = lines.findIndex((line) => PART_HEADING.test(line.trim()));
  return index === -1 ? lines.length : index;
}

/** Body paragraphs of running text after the first part heading (not headings, not short lines). */
function proseLines(lines: string[]): number[] {
  const start = firstPartIndex(lines);
  const indices: number[] = [];
  lines.forEach((line, index) => {
    const text = line.trim();
    if (index <= start || text.length < 30 || !text.includes("。") || PART_HEADING.test(text) || /^[（(]/.test(text) || /^\d+[.．、]/.test(text)) return;
    indices.push(index);
  });
  return indices;
}

function replaceLine(lines: string[], index: number, text: string): string[] {
  return lines.map((line, at) => (at === index ? text : line));
}

function atProse(lines: string[], position: number, change: (text: string) => string | undefined): string[] | undefined {
  const candidates = proseLines(lines).filter((index) => change(lines[index]!.trim()) !== undefined);
  const index = candidates[position];
  if (index === undefined) return undefined;
  return replaceLine(lines, index, change(lines[index]!.trim())!);
}

function appendSentence(lines: string[], position: number, sentence: string): string[] | undefined {
  return atProse(lines, position, (text) => (text.endsWith("。") ? `${text}${sentence}` : undefined));
}

/** Lexicon entries that are wrong wherever they stand (no context, no years): sampled into real sentences. */
const CONTEXT_FREE = CONFUSION_LEXICON.filter(
  (entry) => !entry.before && !entry.notBefore && !entry.after && !entry.notAfter && entry.fromYear === undefined && entry.toYear === undefined,
);

/** The `position`-th sampled misspelling whose correct word stands in `text`, spread over the lexicon. */
function sampledMisspelling(text: string, position: number): string | undefined {
  const present = CONTEXT_FREE.filter((entry) => entry.correct.length >= 2 && text.includes(entry.correct));
  if (present.length === 0) return undefined;
  const entry = present[(position * 7 + text.length) % present.length]!;
  return text.replace(entry.correct, entry.wrong);
}

const CONFUSIONS: ReadonlyArray<[RegExp, string]> = [
  [/部署/, "布署"],
  [/截至/, "截止"],
  [/，其中/, "，期中"],
  [/违法(?=行为|建设|违规|案件)/, "法违"],
  [/检察室/, "检查室"],
  [/法治化/, "法制化"],
  [/法治宣传/, "法制宣传"],
  [/人民调解/, "人民调节"],
];

export const DEFECT_KINDS: readonly DefectKind[] = [
  {
    id: "halfwidth-comma",
    label: "半角逗号（“2024年,”）",
    rules: ["punctuation-width"],
    isFileOnly: true,
    seed: (lines, position) => atProse(lines, position, (text) => (text.includes("，") ? text.replace("，", ",") : undefined)),
  },
  {
    id: "halfwidth-item-numeral",
    label: "半角括号序号（“(一)”）",
    rules: ["source-numbering", "heading-numerals", "punctuation-width", "paragraph-numbering"],
    isFileOnly: true,
    seed: (lines, position) => {
      const headings = lines.map((line, index) => (ITEM_HEADING.test(line.trim()) && line.trim().startsWith("（") ? index : -1)).filter((index) => index >= 0);
      const index = headings[position];
      return index === undefined ? undefined : replaceLine(lines, index, lines[index]!.trim().replace(/^（(.{1,2}?)）/, "($1)"));
    },
  },
  {
    id: "item-numeral-skipped",
    label: "小标题序号跳号（（一）（三））",
    rules: ["source-numbering", "heading-numerals", "paragraph-numbering"],
    seed: (lines, position) => {
      const seconds = lines.map((line, index) => (/^[（(]二[）)]/.test(line.trim()) ? index : -1)).filter((index) => index >= 0);
      const index = seconds[position];
      return index === undefined ? undefined : replaceLine(lines, index, lines[index]!.trim().replace(/^([（(])二/, "$1三"));
    },
  },
  {
    id: "paragraph-numeral-skipped",
    label: "段落序号跳号（1. 3.、（1）（3））",
    rules: ["paragraph-numbering"],
    seed: (lines, position) => {
      const seconds = lines.map((line, index) => (/^(?:2\s*[.．、]|[（(]2[）)])/.test(line.trim()) ? index : -1)).filter((index) => index >= 0);
      const index = seconds[position];
      return index === undefined ? undefined : replaceLine(lines, index, lines[index]!.trim().replace(/^([（(]?)2/, "$13"));
    },
  },
  {
    id: "run-in-skipped",
    label: "列举序号跳号（一是、三是）",
    rules: ["run-in-sequence"],
    seed: (lines, position) => {
      const candidates = lines.map((line, index) => (line.includes("一是") && line.includes("二是") ? index : -1)).filter((index) => index >= 0);
      const index = candidates[position];
      return index === undefined ? undefined : replaceLine(lines, index, lines[index]!.replace("二是", "三是"));
    },
  },
  {
    id: "part-numeral-repeated",
    label: "一级标题序号重复（二、… 二、）",
    rules: ["source-numbering", "heading-numerals", "paragraph-numbering"],
    seed: (lines, position) => {
      const parts = lines.map((line, index) => (PART_HEADING.test(line.trim()) ? index : -1)).filter((index) => index >= 0);
      const index = parts[position + 1];
      const previous = parts[position];
      if (index === undefined || previous === undefined) return undefined;
      const numeral = PART_HEADING.exec(lines[previous]!.trim())![1]!;
      return replaceLine(lines, index, lines[index]!.trim().replace(PART_HEADING, `${numeral}、`));
    },
  },
  {
    id: "part-numeral-lost",
    label: "一级标题缺序号（“、存在问题”）",
    rules: ["source-numbering", "heading-numerals", "paragraph-numbering"],
    seed: (lines, position) => {
      const parts = lines.map((line, index) => (PART_HEADING.test(line.trim()) ? index : -1)).filter((index) => index >= 0);
      const index = parts[position + 1];
      return index === undefined ? undefined : replaceLine(lines, index, lines[index]!.trim().replace(PART_HEADING, "、"));
    },
  },
  {
    id: "doubled-word",
    label: "字词重复（执法执法）",
    rules: ["doubled-words"],
    seed: (lines, position) =>
      atProse(lines, position, (text) => {
        const match = /[，,]([\u4e00-\u9fff]{2})(?=[\u4e00-\u9fff])/.exec(text);
        if (!match || match[1]![0] === "一") return undefined;
        const at = match.index + 1;
        return `${text.slice(0, at)}${match[1]}${text.slice(at)}`;
      }),
  },
  {
    id: "confusion-word",
    label: "错别字（布署、截止目前、期中、法违、检查室）",
    rules: ["confusion-words", "fixed-expressions"],
    seed: (lines, position) => {
      const replaced = atProse(lines, position, (text) => {
        const pair = CONFUSIONS.find(([pattern]) => pattern.test(text));
        return pair ? text.replace(pair[0], pair[1]) : undefined;
      });
      return replaced ?? appendSentence(lines, position, "截止目前，相关工作已全部完成。");
    },
  },
  {
    id: "lexicon-sampled",
    label: "错别字（词库抽样，放入真实句子）",
    rules: ["confusion-words"],
    seed: (lines, position) => atProse(lines, position, (text) => sampledMisspelling(text, position)),
  },
  {
    id: "duplicated-paragraph",
    label: "段落重复粘贴",
    rules: ["duplicate-text"],
    seed: (lines, position) => {
      const index = proseLines(lines).filter((candidate) => lines[candidate]!.trim().length >= 40)[position];
      return index === undefined ? undefined : [...lines.slice(0, index + 1), lines[index]!, ...lines.slice(index + 1)];
    },
  },
  {
    id: "duplicated-sentence",
    label: "句子重复",
    rules: ["duplicate-text"],
    seed: (lines, position) =>
      atProse(lines, position, (text) => {
        const end = text.indexOf("。");
        if (end < 15) return undefined;
        return `${text.slice(0, end + 1)}${text.slice(0, end + 1)}${text.slice(end + 1)}`;
      }),
  },
  {
    id: "stray-space",
    label: "中文中的多余空格（“2020 年”）",
    rules: ["stray-spaces"],
    seed: (lines, position) =>
      atProse(lines, position, (text) => {
        const match = /\d(?=[年月日件次个项人名户])/.exec(text) ?? /[\u4e00-\u9fff](?=[\u4e00-\u9fff])/.exec(text.slice(4));
        if (!match) return undefined;
        const at = (match[0] === text[match.index] && /\d/.test(match[0]) ? match.index : match.index + 4) + 1;
        return `${text.slice(0, at)} ${text.slice(at)}`;
      }),
  },
  {
    id: "dot-form",
    label: "间隔号误用（12.4、六.五、5˙22）",
    rules: ["dot-forms"],
    seed: (lines, position) =>
      appendSentence(lines, position, ["开展“12.4”国家宪法日主题宣传活动。", "组织“六.五”环境日宣传。", "开展“5˙22”国际生物多样性日宣传。"][position % 3]!),
  },
  {
    id: "stale-pufa-plan",
    label: "普法规划与年度不符（七五/八五）",
    rules: ["dated-terms"],
    seed: (lines, position, year) => appendSentence(lines, position, year >= 2021 ? "深入推进“七五”普法各项工作。" : "深入推进“八五”普法各项工作。"),
  },
  {
    id: "stale-gangyao",
    label: "纲要与年度不符",
    rules: ["dated-terms"],
    seed: (lines, position, year) =>
      appendSentence(
        lines,
        position,
        year >= 2021 ? "对照《法治政府建设实施纲要（2015－2020年）》推进各项任务。" : "对照《法治政府建设实施纲要（2021－2025年）》推进各项任务。",
      ),
  },
  {
    id: "legal-term",
    label: "法制/法治误用（法制化营商环境）",
    rules: ["confusion-words"],
    seed: (lines, position) => appendSentence(lines, position, "持续优化法制化营商环境。"),
  },
  {
    id: "opening-year",
    label: "导语年度与报告年度不符",
    rules: ["opening", "report-year"],
    seed: (lines, position, year) => {
      if (position > 0) return undefined;
      const index = lines.slice(0, firstPartIndex(lines)).findIndex((line) => line.trim().startsWith(`${year}年`));
      return index === -1 ? undefined : replaceLine(lines, index, lines[index]!.trim().replace(`${year}年`, `${year - 1}年`));
    },
  },
  {
    id: "joined-line",
    label: "段落在句中断开（换行残留）",
    rules: ["paragraph-ending"],
    isFileOnly: true,
    seed: (lines, position) => {
      const index = proseLines(lines).filter((candidate) => lines[candidate]!.trim().length >= 40)[position];
      if (index === undefined) return undefined;
      const text = lines[index]!.trim();
      const comma = text.indexOf("，", 10);
      if (comma === -1) return undefined;
      return [...lines.slice(0, index), text.slice(0, comma + 3), text.slice(comma + 3), ...lines.slice(index + 1)];
    },
  },
];
