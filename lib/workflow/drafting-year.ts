/** From this month (October) on, the current year's report is the one being drafted. */
export const DRAFTING_STARTS_MONTH = 10;

function beijingYearMonth(now: Date): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "numeric" }).formatToParts(now);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: get("year"), month: get("month") };
}

/**
 * The report year agencies are drafting now (Beijing time): from October the current year, whose report
 * is due in the first quarter of the next; before October the previous year, still due or just published.
 */
export function draftingYear(now: Date): number {
  const { year, month } = beijingYearMonth(now);
  return month >= DRAFTING_STARTS_MONTH ? year : year - 1;
}

/** Reports of earlier years belong to closed cycles: their deadlines are history, not overdue work. */
export function isCurrentCycle(reportYear: number, now: Date): boolean {
  return reportYear >= draftingYear(now);
}

/** "2027-04-01" → "2027年4月1日" */
export function formatDueDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}
