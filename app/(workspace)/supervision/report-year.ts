/** The report year in the query string, or last year (the one being reported on now), Beijing time. */
export function reportYearFrom(value: string | undefined, now = new Date()): number {
  const thisYear = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(now));
  const requested = Number(value);
  return Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : thisYear - 1;
}
