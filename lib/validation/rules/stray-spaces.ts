import type { Report, ReportLocation } from "@/lib/report-model";

import { replaceFix, withRange } from "../finding";
import { CJK_PUNCTUATION, HAN, isHan } from "../text/chars";
import { listFieldTexts } from "../text/report-fields";
import { enclosedRanges } from "../text/spans";
import type { Finding, Rule } from "../types";

const RULE_ID = "stray-spaces";
const CHINESE = `${HAN}${CJK_PUNCTUATION}`;
/**
 * Spaces between two Chinese characters, or between a figure and the Chinese character it belongs to
 * ("2020 年", "共 35 件"). Spaces at a paragraph start (indentation) and around tabs (table cells) are layout.
 */
const STRAY = new RegExp(`(?<=[${CHINESE}])[ \\u00a0\\u3000]+(?=[${CHINESE}\\d])|(?<=\\d)[ \\u00a0\\u3000]+(?=[${CHINESE}])`, "gu");

/** The whole number, or two characters, before a space: "2020 年" is shown whole, never "0 年". */
function wordBefore(text: string, end: number): string {
  let start = end;
  if (/\d/.test(text[end - 1] ?? "")) while (start > 0 && /[\d.]/.test(text[start - 1]!)) start -= 1;
  else while (start > Math.max(0, end - 2) && isHan(text[start - 1])) start -= 1;
  const lineStart = text.lastIndexOf("\n", end - 1) + 1;
  return text.slice(Math.max(start, lineStart), end);
}

function wordAfter(text: string, start: number): string {
  let end = start;
  if (/\d/.test(text[start] ?? "")) while (end < text.length && /[\d.]/.test(text[end]!)) end += 1;
  else while (end < Math.min(text.length, start + (/\d/.test(text[start - 2] ?? "") ? 1 : 2)) && isHan(text[end])) end += 1;
  const lineEnd = text.indexOf("\n", start);
  return text.slice(start, lineEnd === -1 ? end : Math.min(end, lineEnd));
}

/** Phrases of four or more characters separated by spaces: a headline, not a slip inside a term ("首违 不罚"). */
function isHeadline(content: string): boolean {
  const phrases = content.split(/[ \u00a0\u3000]+/);
  return phrases.length >= 2 && phrases.every((phrase) => phrase.length >= 4);
}

function checkField(location: ReportLocation, text: string): Finding[] {
  const findings: Finding[] = [];
  let quotes: Array<[number, number]> | undefined;
  for (const match of text.matchAll(STRAY)) {
    const from = match.index;
    const to = from + match[0].length;
    const lineStart = text.lastIndexOf("\n", from - 1) + 1;
    if (!text.slice(lineStart, from).trim()) continue;
    // A quoted headline separates its phrases with spaces (“规章制度行之有效 工作方法推陈出新”): deliberate.
    if (isHan(text[from - 1]) && isHan(text[to])) {
      quotes ??= [...enclosedRanges(text, "“", "”"), ...enclosedRanges(text, "《", "》")].sort((left, right) => left[0] - right[0]);
      const quote = quotes.find(([start, end]) => from > start && from < end);
      if (quote && isHeadline(text.slice(quote[0] + 1, quote[1] - 1))) continue;
    }
    const shown = `${wordBefore(text, from)}${match[0]}${wordAfter(text, to)}`;
    const isFigure = /\d/.test(text[from - 1] ?? "") || /\d/.test(text[to] ?? "");
    findings.push({
      ruleId: RULE_ID,
      severity: "warning",
      message: `“${shown}”中间有多余的空格。${isFigure ? "公文中数字与汉字之间不留空格。" : "中文之间不留空格，可能是排版或复制时留下的。"}`,
      location: withRange(location, from, to),
      fix: replaceFix("删除空格", location, from, to, ""),
    });
  }
  return findings;
}

/** Proofreading: stray spaces inside Chinese text ("2020 年", "法治 政府"). */
export const straySpacesRule: Rule = {
  id: RULE_ID,
  title: "多余空格",
  check(report: Report): Finding[] {
    return listFieldTexts(report).flatMap(({ location, text }) => {
      // Signatures and recipients separate several bodies with spaces by convention.
      if (location.field === "signature" || location.field === "mainRecipient") return [];
      return checkField(location, text);
    });
  },
};
