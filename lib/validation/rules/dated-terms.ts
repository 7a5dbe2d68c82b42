import type { Report } from "@/lib/report-model";

import { DATED_TERMS, pufaPlanOf, type DatedTerm } from "../data/dated-terms";
import { replaceFix, withRange } from "../finding";
import { quoted } from "../text/chars";
import { listFieldTexts } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "dated-terms";
const SENTENCE_MARK = /[。！？；\n]/;

function sentenceAround(text: string, from: number, to: number): string {
  let start = from;
  while (start > 0 && !SENTENCE_MARK.test(text[start - 1]!)) start -= 1;
  let end = to;
  while (end < text.length && !SENTENCE_MARK.test(text[end]!)) end += 1;
  return text.slice(start, end);
}

function isInForce(term: DatedTerm, year: number): boolean {
  return (term.fromYear === undefined || year >= term.fromYear) && (term.toYear === undefined || year <= term.toYear);
}

/** Terms right in one year and wrong in another: 普法 plans, the 纲要 in force, laws and formulations by date. */
export const datedTermsRule: Rule = {
  id: RULE_ID,
  title: "提法与年度相符",
  check(report: Report): Finding[] {
    const { year } = report.meta;
    const terms = DATED_TERMS.filter((term) => isInForce(term, year));
    if (terms.length === 0) return [];
    const findings: Finding[] = [];
    for (const { location, text } of listFieldTexts(report)) {
      for (const term of terms) {
        if (location.sectionKind && term.exemptParts?.includes(location.sectionKind)) continue;
        for (const match of text.matchAll(term.pattern)) {
          const from = match.index;
          const to = from + match[0].length;
          if (term.exemptSentence?.test(sentenceAround(text, from, to))) continue;
          const replacement = term.replacement?.(year);
          findings.push({
            ruleId: RULE_ID,
            severity: term.severity,
            message: `${term.message.replaceAll("{year}", String(year)).replaceAll("{plan}", pufaPlanOf(year) ?? "新一轮")}（依据：${term.source}）`,
            location: withRange(location, from, to),
            ...(replacement && replacement !== match[0] ? { fix: replaceFix(`改为${quoted(replacement)}`, location, from, to, replacement) } : {}),
          });
        }
      }
    }
    return findings;
  },
};
