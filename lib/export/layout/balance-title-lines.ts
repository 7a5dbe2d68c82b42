import { isHalfWidth, printedWidthInChars, textWidthInChars } from "./text-width";

/** 2号 (22 pt) characters that fit on a 156 mm line. */
export const TITLE_CHARS_PER_LINE = 20;

const OPENING = new Set([..."《（(“‘〔【［"]);
const CLOSING = new Set([..."》）)”’〕】］、，。；：！？,.;:!?"]);
const NUMBER_UNITS = new Set([..."年月日号届次期%％"]);
const GOOD_AFTER = [
  "关于",
  "情况",
  "的",
  "年度",
  "年",
  "和",
  "与",
  "及",
  "暨",
  "、",
  "，",
  "政府",
  "局",
  "委员会",
  "厅",
  "办公室",
  "委",
  "院",
  "部",
  "中心",
  "街道",
  "镇",
  "乡",
];
const GOOD_BEFORE = ["关于", "情况", "工作", "报告", "法治"];
/** Words of report titles that a line break must not split unless nothing else fits. */
const TITLE_WORDS = [
  "年度",
  "关于",
  "政府",
  "法治",
  "建设",
  "情况",
  "工作",
  "报告",
  "通知",
  "意见",
  "方案",
  "安排",
  "人民",
  "办公室",
  "委员会",
  "街道",
  "办事处",
  "依法",
  "行政",
  "履行",
  "推进",
  "职责",
  "负责人",
  "安排",
  "监督",
  "管理",
];
/** Fixed phrases of report titles, kept on one line like words. */
const TITLE_PHRASES = ["法治政府建设", "法治建设", "实施方案", "主要负责人", "第一责任人", "人民代表大会", "依法治市", "依法治县", "依法治区"];
const NEVER = Number.POSITIVE_INFINITY;
const EXTRA_LINE_COST = 25;

/**
 * Breaks a title into centred lines as GB/T 9704 asks (回行时要做到词意完整…梯形或菱形): between its meaning
 * units (agency name | 关于 | the year with the report name) where they fit, words kept whole, lines balanced in
 * a trapezoid or diamond (never an hourglass), no lone word on the last line, never a break inside a number,
 * and inside 《》 or brackets only when nothing else fits.
 */
export function balanceTitleLines(title: string, maxCharsPerLine = TITLE_CHARS_PER_LINE): string[] {
  const text = title.trim().replace(/\s+/g, " ");
  if (text === "") return [];
  if (printedWidthInChars(text) <= maxCharsPerLine) return [text];
  const chars = [...text];
  const units = titleUnits(chars);
  const breakCosts = chars.map((_, index) => breakCost(chars, index, units));
  const minLines = Math.ceil(printedWidthInChars(text) / maxCharsPerLine);
  // One more line is worth it when it keeps a meaning unit whole ("关于…情况 / 和2025年工作安排的报告").
  let best: { lines: string[]; cost: number } | undefined;
  for (let lineCount = minLines; lineCount <= minLines + 2; lineCount += 1) {
    const layout = bestLayout(chars, breakCosts, lineCount, maxCharsPerLine);
    const cost = layout ? layout.cost + EXTRA_LINE_COST * (lineCount - minLines) : NEVER;
    if (layout && (!best || cost < best.cost)) best = { lines: layout.lines, cost };
  }
  return best?.lines ?? greedyLines(chars, maxCharsPerLine);
}

/**
 * The meaning units of a report title: the agency name, "关于", and the year with the report name
 * ("2024年度法治政府建设情况的报告"). Returns where "关于" and the year unit start (-1 when absent).
 */
function titleUnits(chars: string[]): { aboutStart: number; yearStart: number } {
  const text = chars.join("");
  // The report's year, not one inside a quoted document name (《…（2024—2028年）》).
  const year = [...text.matchAll(/(?:19|20)\d{2}\s*年/g)].find((match) => bracketDepth(chars, [...text.slice(0, match.index)].length) === 0);
  const yearStart = year ? [...text.slice(0, year.index)].length : -1;
  const aboutIndex = text.indexOf("关于");
  const aboutStart = aboutIndex >= 0 && (yearStart < 0 || aboutIndex < year!.index!) ? [...text.slice(0, aboutIndex)].length : -1;
  return { aboutStart, yearStart };
}

/** Cost of breaking before chars[index]; NEVER where a break would split a number or strand punctuation. */
function breakCost(chars: string[], index: number, units = titleUnits(chars)): number {
  if (index === 0) return NEVER;
  const before = chars[index - 1]!;
  const after = chars[index]!;
  if (isAsciiWord(before) && isAsciiWord(after)) return NEVER;
  if (/[0-9零一二三四五六七八九十百]/.test(before) && NUMBER_UNITS.has(after)) return NEVER;
  if (before === "第") return NEVER;
  if (CLOSING.has(after) || OPENING.has(before)) return NEVER;
  if (before === " " || after === " ") return 0;
  if (bracketDepth(chars, index) > 0) return 1000 + wordCost(chars.slice(0, index).join(""), chars.slice(index).join(""), before, after);
  // Between meaning units: agency | 关于 | year + report name.
  if (index === units.aboutStart) return 0;
  // "关于" opens the subject (关于…的报告): it rather starts a line than ends one.
  if (index === units.yearStart) return units.aboutStart >= 0 && units.aboutStart + 2 === index ? 10 : 0;
  const head = chars.slice(0, index).join("");
  const tail = chars.slice(index).join("");
  // Inside the year with its report name: only before a conjunction ("…情况 / 和2025年工作安排的报告"), else dearly.
  const isInReportName = units.yearStart >= 0 && index > units.yearStart;
  if (isInReportName) {
    if (/^[和暨及与并]/.test(tail) && !/^[和暨及与并][^\d]{0,1}$/.test(tail)) return 6;
    return 40 + wordCost(head, tail, before, after);
  }
  // Inside the agency name: between its parts ("明江市 / 望川区人民政府") rather than inside a word.
  const isInAgency = index < (units.aboutStart >= 0 ? units.aboutStart : units.yearStart);
  return (isInAgency ? 14 : 0) + wordCost(head, tail, before, after);
}

function wordCost(head: string, tail: string, before: string, after: string): number {
  if (TITLE_PHRASES.some((phrase) => splitsWord(head, tail, phrase))) return 30;
  if (TITLE_WORDS.some((word) => splitsWord(head, tail, word))) return 30;
  if (GOOD_AFTER.some((token) => head.endsWith(token))) return head.endsWith("年") && !/[0-9]年$/.test(head) ? 6 : 0;
  if (GOOD_BEFORE.some((token) => tail.startsWith(token))) return 1;
  return isHalfWidth(before) !== isHalfWidth(after) ? 4 : 8;
}

function splitsWord(head: string, tail: string, word: string): boolean {
  for (let cut = 1; cut < word.length; cut += 1) {
    if (head.endsWith(word.slice(0, cut)) && tail.startsWith(word.slice(cut))) return true;
  }
  return false;
}

function isAsciiWord(char: string): boolean {
  return /[A-Za-z0-9.\-—–]/.test(char);
}

function bracketDepth(chars: string[], index: number): number {
  let depth = 0;
  for (let position = 0; position < index; position += 1) {
    const char = chars[position]!;
    if (OPENING.has(char) && char !== "“" && char !== "‘") depth += 1;
    else if (CLOSING.has(char) && "》）)〕】］".includes(char)) depth = Math.max(0, depth - 1);
  }
  return depth;
}

/** Lowest-cost split into exactly `lineCount` lines, or undefined when none fits the width. */
function bestLayout(chars: string[], breakCosts: number[], lineCount: number, maxWidth: number): { lines: string[]; cost: number } | undefined {
  // Balance is judged on the characters; whether a line fits, on its printed width (Chinese–Latin gaps included).
  const ideal = textWidthInChars(chars.join("")) / lineCount;
  const memo = new Map<string, { cost: number; breaks: number[] }>();
  const widthOf = (from: number, to: number) => textWidthInChars(chars.slice(from, to).join("").trim());
  const fits = (from: number, to: number) => printedWidthInChars(chars.slice(from, to).join("").trim()) <= maxWidth;

  // Lines grow, shrink, or grow then shrink (trapezoid or diamond): a line shorter than the one before may only
  // be followed by lines no longer than itself, so an hourglass never forms.
  const solve = (start: number, linesLeft: number, previousWidth: number, hasShrunk = false): { cost: number; breaks: number[] } => {
    const key = `${start}:${linesLeft}:${previousWidth}:${hasShrunk}`;
    const cached = memo.get(key);
    if (cached) return cached;
    let best = { cost: NEVER, breaks: [] as number[] };
    const ends = linesLeft === 1 ? [chars.length] : range(start + 1, chars.length);
    for (const end of ends) {
      if (!fits(start, end)) break;
      const width = widthOf(start, end);
      const cut = end === chars.length ? 0 : breakCosts[end]!;
      if (cut === NEVER) continue;
      let cost = cut + 0.5 * (width - ideal) ** 2;
      if (hasShrunk && width > previousWidth) cost += 100 * (width - previousWidth);
      if (linesLeft === 1 && width < 3) cost += 10_000;
      if (linesLeft > 1) {
        const rest = solve(end, linesLeft - 1, width, hasShrunk || width < previousWidth);
        cost += rest.cost;
        if (cost < best.cost) best = { cost, breaks: [end, ...rest.breaks] };
      } else if (end === chars.length && cost < best.cost) best = { cost, breaks: [] };
    }
    memo.set(key, best);
    return best;
  };

  const result = solve(0, lineCount, -1);
  if (result.cost === NEVER) return undefined;
  const lines: string[] = [];
  let start = 0;
  for (const end of [...result.breaks, chars.length]) {
    lines.push(chars.slice(start, end).join("").trim());
    start = end;
  }
  return { lines, cost: result.cost };
}

function greedyLines(chars: string[], maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const char of chars) {
    if (printedWidthInChars(line + char) > maxWidth) {
      lines.push(line.trim());
      line = "";
    }
    line += char;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, offset) => from + offset);
}
