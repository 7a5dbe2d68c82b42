import type { Report, ReportLocation } from "@/lib/report-model";

import { replaceFix, withRange } from "../finding";
import { isHan } from "../text/chars";
import { LEVEL3_PREFIX, LEVEL4_PREFIX, TYPED_HEADING_NUMERAL } from "../text/numbering";
import { splitParagraphs } from "../text/paragraphs";
import { listProseFields } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "paragraph-ending";
const SENTENCE_END = new Set(["。", "！", "？", "；", "：", "…"]);
const SOFT_END = new Set(["，", "、"]);

// Short paragraphs without sentence marks are headings or captions ("（1）全面推行执法公示制度").
function isHeadingLike(text: string): boolean {
  if (/[。；！？]/.test(text)) return false;
  const isNumbered = LEVEL3_PREFIX.test(text) || LEVEL4_PREFIX.test(text) || TYPED_HEADING_NUMERAL.test(text);
  return text.length <= (isNumbered ? 40 : 25) && !/[，、]/.test(text.slice(0, -1));
}

function isClosed(text: string): boolean {
  const last = text[text.length - 1]!;
  if (SENTENCE_END.has(last)) return true;
  if (last === "”" || last === "’" || last === "）" || last === "》") return SENTENCE_END.has(text[text.length - 2] ?? "");
  return false;
}

/** The next paragraph continues the sentence: a line break left in the middle of it (a wrapped .txt, a copy). */
function continuesSentence(last: string, next: string | undefined): boolean {
  if (next === undefined || !isHan(last)) return false;
  const start = next.trimStart();
  if (!start || LEVEL3_PREFIX.test(start) || LEVEL4_PREFIX.test(start) || TYPED_HEADING_NUMERAL.test(start) || /^[一二三四五六七八九十]+是/.test(start))
    return false;
  return isHan(start[0]) || /^[\d“《（]/.test(start);
}

function checkField(location: ReportLocation, text: string): Finding[] {
  const findings: Finding[] = [];
  const paragraphs = splitParagraphs(text);
  for (const [index, paragraph] of paragraphs.entries()) {
    const trimmed = paragraph.text.trimEnd();
    if (!trimmed.trim() || trimmed.includes("\t") || isHeadingLike(trimmed.trim()) || isClosed(trimmed)) continue;
    const end = paragraph.from + trimmed.length;
    const last = trimmed[trimmed.length - 1]!;
    if (/[,.;:!?]/.test(last)) continue; // left to the full-width rule
    const isSoft = SOFT_END.has(last);
    const next = paragraphs[index + 1];
    if (!isSoft && next && continuesSentence(last, next.text)) {
      findings.push({
        ruleId: RULE_ID,
        severity: "warning",
        message: `段落在句子中间断开（“${trimmed.trim().slice(-6)}”后换行），可能是换行残留，应与下一段连成一段。`,
        location: withRange(location, Math.max(paragraph.from, end - 1), end),
        fix: replaceFix("与下一段合并", location, end, next.from + (next.text.length - next.text.trimStart().length), ""),
      });
      continue;
    }
    findings.push({
      ruleId: RULE_ID,
      severity: "warning",
      message: isSoft ? `段落以“${last}”结尾，句子没有结束，应改为句号。` : "段落末尾缺少句号等结束标点。",
      location: withRange(location, isSoft ? end - 1 : Math.max(paragraph.from, end - 1), end),
      fix: isSoft ? replaceFix("改为“。”", location, end - 1, end, "。") : replaceFix("补上“。”", location, end, end, "。"),
    });
  }
  return findings;
}

/** Rule 5 (ending): every paragraph of running text ends with a closing mark. */
export const paragraphEndingRule: Rule = {
  id: RULE_ID,
  title: "段末标点",
  check(report: Report): Finding[] {
    return listProseFields(report).flatMap(({ location, text }) => checkField(location, text));
  },
};
