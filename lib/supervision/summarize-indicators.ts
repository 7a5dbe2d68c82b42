import { INDICATOR_RATES, INDICATORS, type IndicatorId, type Report } from "@/lib/report-model";

export interface SummaryAgencyInput {
  agencyId: string;
  agencyName: string;
  /** This year's report, or null when the agency has none. */
  report: Report | null;
  /** Last year's report, when the agency has one in Nianbao. */
  previous: Report | null;
}

export interface IndicatorFigure {
  /** Null when the report leaves the figure empty (never read as 0). */
  current: number | null;
  previous: number | null;
}

export interface SummaryRow {
  agencyId: string;
  agencyName: string;
  hasReport: boolean;
  figures: Record<IndicatorId, IndicatorFigure>;
  /** Percentages derived from the figures (负责人出庭应诉率 …), null when not computable. */
  rates: Record<string, IndicatorFigure>;
}

export interface IndicatorSummary {
  year: number;
  rows: SummaryRow[];
  /** Sums over the agencies that filled the figure; null when none did. */
  totals: Record<IndicatorId, IndicatorFigure & { reportedCount: number }>;
  totalRates: Record<string, IndicatorFigure>;
}

/** The figure a report gives for one indicator: the first part that carries a number. */
export function readIndicator(report: Report | null, id: IndicatorId): number | null {
  if (!report) return null;
  for (const section of report.sections) {
    const value = section.indicators[id];
    if (typeof value === "number") return value;
  }
  return null;
}

function readPreviousIndicator(report: Report | null, previous: Report | null, id: IndicatorId): number | null {
  const fromPrevious = readIndicator(previous, id);
  if (fromPrevious !== null) return fromPrevious;
  // After roll-forward the report itself carries last year's figures beside the inputs.
  for (const section of report?.sections ?? []) {
    const value = section.previousIndicators[id];
    if (typeof value === "number") return value;
  }
  return null;
}

function addNullable(total: number | null, value: number | null): number | null {
  if (value === null) return total;
  return Math.round(((total ?? 0) + value) * 10_000) / 10_000;
}

function rate(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

function ratesOf(figures: Record<IndicatorId, IndicatorFigure>): Record<string, IndicatorFigure> {
  return Object.fromEntries(
    INDICATOR_RATES.map((definition) => [
      definition.name,
      {
        current: rate(figures[definition.part].current, figures[definition.whole].current),
        previous: rate(figures[definition.part].previous, figures[definition.whole].previous),
      },
    ]),
  );
}

/** One table of the reports' indicators across agencies, with totals and last year's figures. */
export function summarizeIndicators(year: number, agencies: readonly SummaryAgencyInput[]): IndicatorSummary {
  const rows = agencies.map((agency): SummaryRow => {
    const figures = Object.fromEntries(
      INDICATORS.map((indicator) => [
        indicator.id,
        { current: readIndicator(agency.report, indicator.id), previous: readPreviousIndicator(agency.report, agency.previous, indicator.id) },
      ]),
    ) as Record<IndicatorId, IndicatorFigure>;
    return { agencyId: agency.agencyId, agencyName: agency.agencyName, hasReport: agency.report !== null, figures, rates: ratesOf(figures) };
  });
  const totals = Object.fromEntries(
    INDICATORS.map((indicator) => {
      let current: number | null = null;
      let previous: number | null = null;
      let reportedCount = 0;
      for (const row of rows) {
        const figure = row.figures[indicator.id];
        current = addNullable(current, figure.current);
        previous = addNullable(previous, figure.previous);
        if (figure.current !== null) reportedCount += 1;
      }
      return [indicator.id, { current, previous, reportedCount }];
    }),
  ) as IndicatorSummary["totals"];
  return { year, rows, totals, totalRates: ratesOf(totals) };
}
