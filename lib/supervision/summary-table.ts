import { INDICATOR_RATES, INDICATORS } from "@/lib/report-model";

import type { IndicatorFigure, IndicatorSummary } from "./summarize-indicators";

export interface SummaryColumn {
  /** Group header, e.g. 行政复议. */
  group: string;
  /** 行政复议收案（件） */
  label: string;
  /** Whether the column holds this year's or last year's figure. */
  period: "current" | "previous";
  pick: (figures: { figures: Record<string, IndicatorFigure>; rates: Record<string, IndicatorFigure> }) => number | null;
}

/** The summary's columns in print order: each indicator, then each rate, as this year / last year. */
export function summaryColumns(): SummaryColumn[] {
  const columns: SummaryColumn[] = [];
  for (const indicator of INDICATORS) {
    for (const period of ["current", "previous"] as const) {
      columns.push({
        group: indicator.group,
        label: `${indicator.label}（${indicator.unit}）`,
        period,
        pick: (row) => row.figures[indicator.id]?.[period] ?? null,
      });
    }
  }
  for (const definition of INDICATOR_RATES) {
    for (const period of ["current", "previous"] as const) {
      columns.push({ group: "比率", label: `${definition.name}（%）`, period, pick: (row) => row.rates[definition.name]?.[period] ?? null });
    }
  }
  return columns;
}

export function periodLabel(year: number, period: "current" | "previous"): string {
  return period === "current" ? `${year}年` : `${year - 1}年`;
}

export interface SummaryGrid {
  header: string[];
  rows: Array<Array<string | number | null>>;
}

/** The summary flattened to one header line and one line per agency plus 合计; empty figures stay null. */
export function summaryGrid(summary: IndicatorSummary): SummaryGrid {
  const columns = summaryColumns();
  const header = ["机关", ...columns.map((column) => `${column.label}${periodLabel(summary.year, column.period)}`)];
  const rows = summary.rows.map((row) => [row.hasReport ? row.agencyName : `${row.agencyName}（未报）`, ...columns.map((column) => column.pick(row))]);
  const totals = { figures: summary.totals, rates: summary.totalRates };
  rows.push(["合计", ...columns.map((column) => column.pick(totals))]);
  return { header, rows };
}
