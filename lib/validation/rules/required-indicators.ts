import { findIndicator, SECTION_KIND_LABELS, type Report } from "@/lib/report-model";

import { INDICATOR_TOPICS, zeroStatementPattern } from "../data/zero-statements";
import { expectedSections } from "../template-sections";
import { quote, quoted } from "../text/chars";
import { listProseFields } from "../text/report-fields";
import type { Finding, Rule, ValidationContext } from "../types";

const RULE_ID = "required-indicators";

const patterns = new Map<string, RegExp>();

/** The sentence of the report that states a zero for the indicator ("全年未发生行政诉讼案件"), if any. */
function zeroStatement(report: Report, id: string): string | undefined {
  const topic = INDICATOR_TOPICS[id as keyof typeof INDICATOR_TOPICS];
  if (!topic) return undefined;
  let pattern = patterns.get(topic);
  if (!pattern) {
    pattern = zeroStatementPattern(topic);
    patterns.set(topic, pattern);
  }
  for (const { text } of listProseFields(report)) {
    const match = pattern.exec(text);
    if (match) return quote(match[0].replace(/^[，。；：、\n]/, ""), 24);
  }
  return undefined;
}

/** Rule 1 (figures): every indicator the template marks required is filled in its part, or stated as zero in the text. */
export const requiredIndicatorsRule: Rule = {
  id: RULE_ID,
  title: "必填指标已填写",
  check(report: Report, context: ValidationContext): Finding[] {
    const findings: Finding[] = [];
    for (const expected of expectedSections(context)) {
      const sectionIndex = report.sections.findIndex((section) => section.kind === expected.kind);
      const section = report.sections[sectionIndex];
      if (!section) continue;
      for (const id of expected.requiredIndicators) {
        const value = section.indicators[id];
        if (value !== null && value !== undefined) continue;
        const indicator = findIndicator(id);
        const zero = zeroStatement(report, id);
        if (zero) {
          findings.push({
            ruleId: RULE_ID,
            severity: "info",
            message: `正文写明${quoted(zero)}，该指标即为0。建议在${quoted(section.heading || SECTION_KIND_LABELS[section.kind])}部分的指标“${indicator?.label ?? id}”中填0，便于汇总统计。`,
            location: { field: "indicators", key: id, sectionId: section.id, sectionKind: section.kind, sectionIndex },
          });
          continue;
        }
        findings.push({
          ruleId: RULE_ID,
          severity: "error",
          message: `请填写${quoted(section.heading || SECTION_KIND_LABELS[section.kind])}部分的必填指标“${indicator?.label ?? id}”（单位：${indicator?.unit ?? ""}）；没有发生的，填0。`,
          location: { field: "indicators", key: id, sectionId: section.id, sectionKind: section.kind, sectionIndex },
        });
      }
    }
    return findings;
  },
};
