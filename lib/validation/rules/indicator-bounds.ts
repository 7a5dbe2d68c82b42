import { findIndicator, INDICATOR_BOUNDS, type Report } from "@/lib/report-model";

import { collectIndicators } from "../text/indicator-values";
import type { Finding, Rule } from "../types";

const RULE_ID = "indicator-bounds";

function indicatorLocation(report: Report, id: string, sectionIndex: number): Finding["location"] {
  const section = report.sections[sectionIndex];
  return { field: "indicators", key: id, sectionId: section?.id, sectionKind: section?.kind, sectionIndex };
}

/** Rule 6 (indicators): a part never exceeds its whole; counts are whole numbers. */
export const indicatorBoundsRule: Rule = {
  id: RULE_ID,
  title: "指标数据一致",
  check(report: Report): Finding[] {
    const findings: Finding[] = [];
    const values = collectIndicators(report);
    for (const [id, entry] of values) {
      const indicator = findIndicator(id);
      if (indicator?.isInteger && !Number.isInteger(entry.value)) {
        findings.push({
          ruleId: RULE_ID,
          severity: "error",
          message: `指标“${indicator.label}”应为整数（单位：${indicator.unit}），现填写为${entry.value}。`,
          location: indicatorLocation(report, id, entry.sectionIndex),
        });
      }
    }
    for (const bound of INDICATOR_BOUNDS) {
      const part = values.get(bound.part);
      const whole = values.get(bound.whole);
      if (!part || !whole || part.value <= whole.value) continue;
      const partLabel = findIndicator(bound.part)?.label ?? bound.part;
      const wholeLabel = findIndicator(bound.whole)?.label ?? bound.whole;
      findings.push({
        ruleId: RULE_ID,
        severity: "error",
        message: `${bound.message}：${partLabel}${part.value}，${wholeLabel}${whole.value}。`,
        location: indicatorLocation(report, bound.part, part.sectionIndex),
      });
    }
    return findings;
  },
};
