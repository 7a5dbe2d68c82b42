import type { Report } from "@/lib/report-model";

/** Where an indicator's value was entered, and the value. */
export interface IndicatorEntry {
  value: number;
  sectionIndex: number;
}

/** Indicator values of the whole report; the first part that fills an indicator wins. */
export function collectIndicators(report: Report): Map<string, IndicatorEntry> {
  const values = new Map<string, IndicatorEntry>();
  report.sections.forEach((section, sectionIndex) => {
    for (const [id, value] of Object.entries(section.indicators ?? {})) {
      if (typeof value === "number" && Number.isFinite(value) && !values.has(id)) values.set(id, { value, sectionIndex });
    }
  });
  return values;
}
