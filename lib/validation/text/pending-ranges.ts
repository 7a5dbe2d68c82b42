import type { Report, ReportLocation } from "@/lib/report-model";

/** Where the 待更新 marks of a field stand in its text: those places are reported once, by pending-updates. */
export function pendingRanges(report: Report, location: ReportLocation, text: string): Array<[number, number]> {
  const section = location.sectionIndex === undefined ? undefined : report.sections[location.sectionIndex];
  let marks: ReadonlyArray<{ text: string }> = [];
  if (location.field === "opening") marks = report.openingPendingUpdates ?? [];
  else if (location.field === "lead") marks = section?.leadPendingUpdates ?? [];
  else if (location.field === "body") marks = section?.items[location.itemIndex ?? -1]?.pendingUpdates ?? [];
  const ranges: Array<[number, number]> = [];
  for (const mark of marks) {
    for (let at = text.indexOf(mark.text); at !== -1; at = text.indexOf(mark.text, at + 1)) ranges.push([at, at + mark.text.length]);
  }
  return ranges;
}

export function overlapsAny(ranges: ReadonlyArray<[number, number]>, from: number, to: number): boolean {
  return ranges.some(([start, end]) => start < to && end > from);
}
