import { csvCell } from "./board-view";
import type { IndicatorSummary } from "./summarize-indicators";
import { summaryGrid } from "./summary-table";

/** The summary as CSV (UTF-8 with BOM); an empty figure is an empty cell, never 0. */
export function summaryToCsv(summary: IndicatorSummary): string {
  const grid = summaryGrid(summary);
  const lines = [grid.header.map(csvCell).join(","), ...grid.rows.map((row) => row.map(csvCell).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
