import { beijingParts } from "../beijing-time";

/** From this month (October) on, the current year's report is the one being drafted. */
export const DRAFTING_STARTS_MONTH = 10;

/**
 * The report year agencies are drafting now (Beijing time): from October the current year, whose report
 * is due in the first quarter of the next; before October the previous year, still due or just published.
 */
export function draftingYear(now: Date): number {
  const { year, month } = beijingParts(now);
  return month >= DRAFTING_STARTS_MONTH ? year : year - 1;
}

/** Reports of earlier years belong to closed cycles: their deadlines are history, not overdue work. */
export function isCurrentCycle(reportYear: number, now: Date): boolean {
  return reportYear >= draftingYear(now);
}
