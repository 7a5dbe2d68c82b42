import type { ReportLocation } from "@/lib/report-model";

const FIELD_ORDER: Record<ReportLocation["field"], number> = {
  meta: 0,
  title: 1,
  mainRecipient: 2,
  opening: 3,
  sectionHeading: 10,
  lead: 11,
  indicators: 12,
  itemHeading: 20,
  body: 21,
  commitments: 90,
  signature: 91,
};

// Report-level locations sort before the parts, commitments and signature after them.
function sectionRank(location: ReportLocation): number {
  if (location.sectionIndex !== undefined) return location.sectionIndex + 1;
  return FIELD_ORDER[location.field] >= 90 ? Number.MAX_SAFE_INTEGER : 0;
}

/** Reading order of two locations: part, item, field, then position in the text. */
export function compareLocations(left: ReportLocation, right: ReportLocation): number {
  return (
    sectionRank(left) - sectionRank(right) ||
    (left.itemIndex ?? -1) - (right.itemIndex ?? -1) ||
    FIELD_ORDER[left.field] - FIELD_ORDER[right.field] ||
    (left.range?.from ?? -1) - (right.range?.from ?? -1) ||
    (left.range?.to ?? -1) - (right.range?.to ?? -1)
  );
}
