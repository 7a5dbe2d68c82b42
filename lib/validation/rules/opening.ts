import type { Report } from "@/lib/report-model";

import { replaceFix, withRange } from "../finding";
import { bodyText } from "../text/body-text";
import { countCharacters } from "../text/chars";
import type { Finding, Rule } from "../types";
import { isDeliberateReference, yearTokens } from "./report-year";

const RULE_ID = "opening";
/** A year this close to the start of the opening names the reporting period ("2024年，我局……"). */
const LEADING_YEAR_WITHIN = 12;

/** The opening paragraph (导语): present, and about the report year. */
export const openingRule: Rule = {
  id: RULE_ID,
  title: "导语",
  check(report: Report): Finding[] {
    const location = { field: "opening" as const };
    const text = bodyText(report.opening);
    const { year } = report.meta;
    if (countCharacters(text) === 0) {
      return [
        {
          ruleId: RULE_ID,
          severity: "warning",
          message: `报告缺少导语。一般在“一、”之前用一段话概述全年工作，例如“${year}年，我局坚持以习近平法治思想为指导……现将有关情况报告如下：”。`,
          location,
        },
      ];
    }
    const findings: Finding[] = [];
    for (const token of yearTokens(text)) {
      if (token.value === year || token.value === year + 1 || isDeliberateReference(text, token)) continue;
      const isLeading = token.from < LEADING_YEAR_WITHIN;
      findings.push({
        ruleId: RULE_ID,
        severity: isLeading ? "error" : "warning",
        message: isLeading
          ? `导语开头的“${token.value}年”与报告年度（${year}年）不一致，可能是沿用往年报告时未更新。`
          : `导语中的“${token.value}年”不是报告年度（${year}年），如系沿用往年报告未更新，请改正；如确指${token.value}年，可忽略。`,
        location: withRange(location, token.from, token.to),
        fix: replaceFix(`改为“${year}”`, location, token.from, token.to, String(year)),
      });
    }
    return findings;
  },
};
