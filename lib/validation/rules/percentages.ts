import type { Report } from "@/lib/report-model";

import { withRange } from "../finding";
import { listFieldTexts } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "percentages";
const PERCENT = /(\d+(?:\.\d+)?)\s*[%％]/g;
/** A share (率, 比例, 占比) can never pass 100%; growth (增长, 提高) can. */
const SHARE_BEFORE = /(?:率|比例|占比|比重|覆盖面)[^，。；\n]{0,8}$/;
const GROWTH_BEFORE = /(?:增长|增加|提高|提升|上升|下降|减少|同比|环比|超出|高出|降低|翻)[^，。；\n]{0,8}$/;

/** Rule 6 (percentages): a stated rate or share above 100%. */
export const percentagesRule: Rule = {
  id: RULE_ID,
  title: "百分比不超过100%",
  check(report: Report): Finding[] {
    const findings: Finding[] = [];
    for (const { location, text } of listFieldTexts(report)) {
      for (const match of text.matchAll(PERCENT)) {
        const value = Number(match[1]);
        if (value <= 100) continue;
        const before = text.slice(Math.max(0, match.index - 16), match.index);
        if (!SHARE_BEFORE.test(before) || GROWTH_BEFORE.test(before)) continue;
        findings.push({
          ruleId: RULE_ID,
          severity: "error",
          message: `比率“${match[0]}”超过100%，请核对数据。`,
          location: withRange(location, match.index, match.index + match[0].length),
        });
      }
    }
    return findings;
  },
};
