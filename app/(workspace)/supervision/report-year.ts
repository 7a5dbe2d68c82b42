import { draftingYear } from "@/lib/report-model";

/** The report year in the query string, or the year being drafted now (Beijing time; see drafting-year). */
export function reportYearFrom(value: string | undefined, now = new Date()): number {
  const requested = Number(value);
  return Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : draftingYear(now);
}
