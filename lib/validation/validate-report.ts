import { acceptedView, type Report } from "@/lib/report-model";

import { compareLocations } from "./compare-locations";
import { RULES } from "./rules";
import type { Finding, Rule, ValidationContext } from "./types";

/**
 * Runs every rule (or the given ones) and returns the findings in reading order. Rules never throw.
 * Suggestions (修订) are checked as if accepted: the text the report will have.
 */
export function validateReport(report: Report, context: ValidationContext = {}, rules: readonly Rule[] = RULES): Finding[] {
  const checked = acceptedView(report);
  const findings = rules.flatMap((rule) => rule.check(checked, context));
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((left, right) => compareLocations(left.finding.location, right.finding.location) || left.index - right.index)
    .map(({ finding }) => finding);
}
