import { findIndicator, type IndicatorValues } from "@/lib/report-model";

import { plainInline } from "./inline-text";
import type { PrintableBlock, PrintableTable, PrintableTableCell } from "./types";

/**
 * The figures of one part as a table: 指标 | 单位 | 本年度 (| 上年度 when last year's figures exist).
 * `ids` fixes the order (the template's); unknown ids are printed with the id as label rather than dropped.
 */
export function indicatorTable(ids: readonly string[], values: IndicatorValues, previous: IndicatorValues): PrintableTable | undefined {
  if (ids.length === 0) return undefined;
  const hasPrevious = ids.some((id) => typeof previous[id] === "number");
  const header = ["指标", "单位", "本年度", ...(hasPrevious ? ["上年度"] : [])].map((text) => cell(text, true));
  const rows = ids.map((id) => {
    const definition = findIndicator(id);
    const current = formatValue(values[id], definition?.isInteger ?? false);
    const cells = [definition?.label ?? id, definition?.unit ?? "", current];
    if (hasPrevious) cells.push(formatValue(previous[id], definition?.isInteger ?? false));
    return cells.map((text, index) => ({ ...cell(text, false), isCentered: index > 0 }));
  });
  return { kind: "table", source: "indicators", rows: [header, ...rows], columnWidths: hasPrevious ? [5, 2, 2.5, 2.5] : [6, 2, 3] };
}

/** 12 → "12", 35.5 → "35.5", 1.256 → "1.26"; a figure not yet filled in prints as "—". */
export function formatValue(value: number | null | undefined, isInteger: boolean): string {
  if (typeof value !== "number") return "—";
  if (isInteger) return String(Math.round(value));
  return String(Math.round(value * 100) / 100);
}

function cell(text: string, isHeader: boolean): PrintableTableCell {
  const block: PrintableBlock = { kind: "paragraph", prefix: "", inlines: text ? [plainInline(text)] : [], headingLength: 0, indentLevel: 0 };
  return { isHeader, columnSpan: 1, rowSpan: 1, blocks: [block] };
}
