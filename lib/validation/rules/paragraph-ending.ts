import type { Report, ReportLocation } from "@/lib/report-model";

import { replaceFix, withRange } from "../finding";
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

function checkField(location: ReportLocation, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const paragraph of splitParagraphs(text)) {
    const trimmed = paragraph.text.trimEnd();
    if (!trimmed.trim() || trimmed.includes("\t") || isHeadingLike(trimmed.trim()) || isClosed(trimmed)) continue;
    const end = paragraph.from + trimmed.length;
    const last = trimmed[trimmed.length - 1]!;
    if (/[,.;:!?]/.test(last)) continue; // left to the full-width rule
    const isSoft = SOFT_END.has(last);
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
