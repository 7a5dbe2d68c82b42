import { findIndicator, SECTION_KIND_LABELS, type Report } from "@/lib/report-model";

import { expectedSections } from "../template-sections";
import { quoted } from "../text/chars";
import type { Finding, Rule, ValidationContext } from "../types";

const RULE_ID = "required-indicators";

/** Rule 1 (figures): every indicator the template marks required is filled in its part. */
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
