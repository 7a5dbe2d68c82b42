import type { Report } from "@/lib/report-model";

import { FIXED_EXPRESSIONS, type FixedExpression } from "../data/fixed-expressions";
import { replaceFix, withRange } from "../finding";
import { quoted } from "../text/chars";
import { listFieldTexts } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "fixed-expressions";

const BY_WRONG = new Map<string, FixedExpression>();
for (const expression of FIXED_EXPRESSIONS) for (const wrong of expression.wrong) BY_WRONG.set(wrong, expression);
// One alternation, longest first, so "“双随机一公开”" wins over "双随机一公开": a single linear pass per field.
const PATTERN = new RegExp(
  [...BY_WRONG.keys()]
    .sort((left, right) => right.length - left.length)
    .map((wrong) => wrong.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|"),
  "g",
);

/** True when the match at `from` is part of the correct expression itself (e.g. 双随机、一公开 inside “双随机、一公开”). */
function isInsideCorrect(text: string, from: number, wrong: string, correct: string): boolean {
  for (let offset = correct.indexOf(wrong); offset !== -1; offset = correct.indexOf(wrong, offset + 1)) {
    if (text.startsWith(correct, from - offset)) return true;
  }
  return false;
}

/** Rule 7: official fixed expressions written exactly (习近平法治思想, “放管服”改革, 《纲要》 titles…). */
export const fixedExpressionsRule: Rule = {
  id: RULE_ID,
  title: "规范表述",
  check(report: Report): Finding[] {
    const findings: Finding[] = [];
    for (const { location, text } of listFieldTexts(report)) {
      for (const match of text.matchAll(PATTERN)) {
        const wrong = match[0];
        const expression = BY_WRONG.get(wrong);
        if (!expression || isInsideCorrect(text, match.index, wrong, expression.correct)) continue;
        findings.push({
          ruleId: RULE_ID,
          severity: expression.severity,
          message: `${quoted(wrong)}应写作${quoted(expression.correct)}：${expression.note}。`,
          location: withRange(location, match.index, match.index + wrong.length),
          fix: replaceFix(`改为${quoted(expression.correct)}`, location, match.index, match.index + wrong.length, expression.correct),
        });
      }
    }
    return findings;
  },
};
