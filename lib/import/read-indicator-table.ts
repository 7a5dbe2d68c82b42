import { INDICATORS, type IndicatorValues } from "@/lib/report-model";

import type { SourceBlock } from "./types";

const HEADER = ["指标", "单位", "本年度"];

export interface IndicatorTable {
  indicators: IndicatorValues;
  previousIndicators: IndicatorValues;
}

/**
 * The figure table Nianbao prints at the end of a part (指标 | 单位 | 本年度 [| 上年度]) read back into the
 * part's indicators, so an exported report's figures come back as figures. Any row that is not a known
 * indicator with its unit, or a value that is not a number or "—", leaves the table as text.
 */
export function readIndicatorTable(block: SourceBlock): IndicatorTable | undefined {
  const rows = block.table;
  if (!rows || rows.length < 2) return undefined;
  const header = rows[0]!.map((cell) => cell.trim());
  const hasPrevious = header.length === 4 && header[3] === "上年度";
  if (!(header.length === 3 || hasPrevious) || HEADER.some((label, index) => header[index] !== label)) return undefined;
  const indicators: IndicatorValues = {};
  const previousIndicators: IndicatorValues = {};
  for (const row of rows.slice(1)) {
    const [label, unit, current, previous] = row.map((cell) => cell.trim());
    const definition = INDICATORS.find((candidate) => candidate.label === label && candidate.unit === unit);
    const value = parseValue(current);
    const previousValue = hasPrevious ? parseValue(previous) : null;
    if (!definition || value === undefined || previousValue === undefined) return undefined;
    indicators[definition.id] = value;
    if (hasPrevious) previousIndicators[definition.id] = previousValue;
  }
  return { indicators, previousIndicators };
}

/** "12" → 12, "—" → null (not filled in), anything else → undefined (not a figure table). */
function parseValue(text: string | undefined): number | null | undefined {
  if (text === undefined) return undefined;
  if (text === "—" || text === "-" || text === "") return null;
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

const PDF_HEADER = /^指标\s*单位\s*本年度(\s*上年度)?$/;

/**
 * A PDF text layer has no tables: the figure table arrives as a header line "指标单位本年度[上年度]" and
 * one line per row ("行政处罚案件件 12", label and unit run together, figures apart), with blank lines between
 * and the header repeated after a page break. Such runs become a table block again; anything else is left
 * as it is. Linear in the number of blocks.
 */
export function rebuildPdfIndicatorTables(blocks: SourceBlock[]): SourceBlock[] {
  const out: SourceBlock[] = [];
  for (let index = 0; index < blocks.length; index += 1) {
    const header = blocks[index]!.table ? undefined : PDF_HEADER.exec(blocks[index]!.text.trim());
    if (!header) {
      out.push(blocks[index]!);
      continue;
    }
    const width = header[1] ? 4 : 3;
    const rows: string[][] = [["指标", "单位", "本年度", ...(width === 4 ? ["上年度"] : [])]];
    let next = index + 1;
    let end = next;
    for (; next < blocks.length; next += 1) {
      const block = blocks[next]!;
      if (block.table) break;
      const text = block.text.trim();
      if (!text || PDF_HEADER.test(text)) continue;
      const cells = pdfRow(text, width);
      if (!cells) break;
      rows.push(cells);
      end = next + 1;
    }
    next = end;
    if (rows.length < 2) {
      out.push(blocks[index]!);
      continue;
    }
    out.push({ text: "", table: rows });
    index = next - 1;
  }
  return out;
}

/**
 * "行政处罚案件件 12" → ["行政处罚案件", "件", "12"]: the longest indicator label and unit that open the line,
 * then the figures (apart by spaces, or glued to the unit when the layer lost the gap: "法律顾问名0").
 */
function pdfRow(text: string, width: number): string[] | undefined {
  const compact = text.replace(/\s+/g, "");
  const indicator = INDICATORS.filter((candidate) => compact.startsWith(candidate.label + candidate.unit)).sort(
    (a, b) => b.label.length + b.unit.length - a.label.length - a.unit.length,
  )[0];
  if (!indicator) return undefined;
  const name = indicator.label + indicator.unit;
  const spaced = text
    .slice(text.indexOf(name) >= 0 ? text.indexOf(name) + name.length : 0)
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const values = spaced.length === width - 2 ? spaced : (compact.slice(name.length).match(/—|-|\d+(?:\.\d+)?/g) ?? []);
  if (values.length !== width - 2 || compact.slice(name.length) !== values.join("")) return undefined;
  return [indicator.label, indicator.unit, ...values];
}
