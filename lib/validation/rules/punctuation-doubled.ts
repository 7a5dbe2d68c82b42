import type { Report } from "@/lib/report-model";

import { replaceFix, withRange } from "../finding";
import { listFieldTexts } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "punctuation-doubled";
const RUN = /[，。、；：]{2,}|！{2,}|？{2,}/g;
/** When marks pile up, the strongest one is the one the writer meant to end with. */
const STRENGTH = "、，：；！？。";

function strongest(run: string): string {
  let best = run[0]!;
  for (const char of run) if (STRENGTH.indexOf(char) > STRENGTH.indexOf(best)) best = char;
  return best;
}

/** Rule 5 (doubled): "，，" "。。" "，。" and the like. */
export const punctuationDoubledRule: Rule = {
  id: RULE_ID,
  title: "重复标点",
  check(report: Report): Finding[] {
    const findings: Finding[] = [];
    for (const { location, text } of listFieldTexts(report)) {
      for (const match of text.matchAll(RUN)) {
        const keep = strongest(match[0]);
        const from = match.index;
        const to = from + match[0].length;
        findings.push({
          ruleId: RULE_ID,
          severity: "warning",
          message: `标点“${match[0]}”重复，应只保留“${keep}”。`,
          location: withRange(location, from, to),
          fix: replaceFix(`改为“${keep}”`, location, from, to, keep),
        });
      }
    }
    return findings;
  },
};
