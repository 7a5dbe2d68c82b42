import { acceptedView, originalRangeOf, type Report } from "@/lib/report-model";

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
  const sorted = findings
    .map((finding, index) => ({ finding, index }))
    .sort((left, right) => compareLocations(left.finding.location, right.finding.location) || left.index - right.index)
    .map(({ finding }) => finding);
  return checked === report ? sorted : sorted.map((finding) => withOriginalRanges(report, finding));
}

/** Ranges found on the accepted text, moved onto the body's own text (which still shows the deleted words). */
function withOriginalRanges(report: Report, finding: Finding): Finding {
  const { location, fix } = finding;
  const range = location.range && originalRangeOf(report, location, location.range);
  const edits = fix?.edits.map((edit) => {
    const moved = originalRangeOf(report, edit.location, { from: edit.from, to: edit.to });
    return moved ? { ...edit, ...moved } : undefined;
  });
  const next: Finding = { ...finding, location: { ...location, range } };
  if (!range) delete next.location.range;
  if (fix && edits) {
    if (edits.every((edit) => edit !== undefined)) next.fix = { ...fix, edits: edits as NonNullable<(typeof edits)[number]>[] };
    else delete next.fix;
  }
  return next;
}
