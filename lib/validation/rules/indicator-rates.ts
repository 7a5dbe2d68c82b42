import { findIndicator, INDICATOR_RATES, type Report } from "@/lib/report-model";

import { withRange } from "../finding";
import { collectIndicators } from "../text/indicator-values";
import { listFieldTexts } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "indicator-rates";
/** The figure that follows a rate's name: "达到95.5%", "为百分之百". */
const STATED = /^[^，。；\n\d]{0,8}?(?:(\d+(?:\.\d+)?)\s*[%％]|(百分之百))/;

function formatPercent(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

/** Rule 6 (rates): a rate written in the text matches the one computed from the indicators. */
export const indicatorRatesRule: Rule = {
  id: RULE_ID,
  title: "文中比率与指标一致",
  check(report: Report): Finding[] {
    const values = collectIndicators(report);
    const rates = INDICATOR_RATES.flatMap((rate) => {
      const partValue = values.get(rate.part)?.value;
      const wholeValue = values.get(rate.whole)?.value;
      if (partValue === undefined || wholeValue === undefined || wholeValue <= 0) return [];
      const pattern = new RegExp(rate.label.source, "g");
      return [{ ...rate, pattern, partValue, wholeValue, actual: (partValue / wholeValue) * 100 }];
    });
    if (rates.length === 0) return [];
    const findings: Finding[] = [];
    for (const { location, text } of listFieldTexts(report)) {
      for (const rate of rates) {
        for (const match of text.matchAll(rate.pattern)) {
          const after = match.index + match[0].length;
          const stated = STATED.exec(text.slice(after, after + 24));
          if (!stated) continue;
          const value = stated[2] ? 100 : Number(stated[1]);
          const decimals = stated[1]?.split(".")[1]?.length ?? 0;
          if (Math.abs(value - rate.actual) <= 0.5 * 10 ** -decimals + 1e-9) continue;
          const part = findIndicator(rate.part);
          const whole = findIndicator(rate.whole);
          findings.push({
            ruleId: RULE_ID,
            severity: "error",
            message: `文中${rate.name}为${stated[2] ? "百分之百" : `${stated[1]}%`}，但按填报的指标（${part?.label ?? rate.part}${rate.partValue}${part?.unit ?? ""}、${whole?.label ?? rate.whole}${rate.wholeValue}${whole?.unit ?? ""}）计算应为${formatPercent(rate.actual)}，请核对。`,
            location: withRange(location, match.index, after + stated[0].length),
          });
        }
      }
    }
    return findings;
  },
};
