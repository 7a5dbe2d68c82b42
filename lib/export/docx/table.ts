import {
  BorderStyle,
  HeightRule,
  OverlapType,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from "docx";

import { inlinesToText, textWidthInChars, type PrintableBlock, type PrintableTable, type PrintableTableCell } from "../layout";
import { LINE_PITCH, PAGE_MARGINS, TEXT_WIDTH } from "./units";

/** Renders one block of a cell; `width` is the cell's text width in twips, for nested tables. */
type CellRenderer = (block: PrintableBlock, cell: PrintableTableCell, width: number) => Array<Paragraph | Table>;

const LINE = { style: BorderStyle.SINGLE, size: 6, color: "000000" } as const;
const CELL_INSET = 80;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** A full-width table with every border drawn; header rows repeat on each page. */
export function createTable(table: PrintableTable, renderCell: CellRenderer, width = TEXT_WIDTH): Table {
  const columnCount = Math.max(1, ...table.rows.map((row) => row.reduce((sum, cell) => sum + cell.columnSpan, 0)));
  const columnWidths = scaleWidths(table.columnWidths.length === columnCount ? table.columnWidths : Array(columnCount).fill(1), width);
  const rows = table.rows.map((row, rowIndex) => {
    const isHeaderRow = row.length > 0 && row.every((cell) => cell.isHeader);
    let column = 0;
    const lines = Math.max(
      1,
      ...row.map((cell, index) => {
        const start = row.slice(0, index).reduce((sum, previous) => sum + previous.columnSpan, 0);
        return estimatedLines(cell, columnWidths.slice(start, start + cell.columnSpan).reduce((sum, value) => sum + value, 0) - 2 * CELL_INSET);
      }),
    );
    return new TableRow({
      tableHeader: isHeaderRow && rowIndex === 0,
      cantSplit: true,
      // A whole number of grid steps with its border, so the text after the table stays on the grid ("at least"
      // lets a row whose lines the estimate underrates grow rather than clip).
      // The first row also carries the table's top rule: exactly one border less when the estimate has room to spare.
      height:
        rowIndex === 0 && hasRoom(row, columnWidths, lines)
          ? { value: lines * LINE_PITCH - 2 * ROW_BORDER, rule: HeightRule.EXACT }
          : { value: lines * LINE_PITCH - ROW_BORDER, rule: HeightRule.ATLEAST },
      children: row.map((cell) => {
        const cellWidth = columnWidths.slice(column, column + cell.columnSpan).reduce((sum, value) => sum + value, 0);
        column += cell.columnSpan;
        const children = cell.blocks.flatMap((block) => renderCell(block, cell, cellWidth - 2 * CELL_INSET));
        return new TableCell({
          children: children.length > 0 ? children : [new Paragraph({})],
          columnSpan: cell.columnSpan,
          rowSpan: cell.rowSpan,
          width: { size: cellWidth, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          margins: { left: CELL_INSET, right: CELL_INSET, top: 0, bottom: 0 },
        });
      }),
    });
  });
  return new Table({ rows, columnWidths, width: { size: width, type: WidthType.DXA }, borders: BORDERS, layout: "fixed" });
}

/** 4号 characters of a cell's text, in lines of its width: how many grid steps its row takes. */
function estimatedLines(cell: PrintableTableCell, textWidth: number): number {
  const charsPerLine = Math.max(1, Math.floor(textWidth / SMALL_CHAR));
  const texts = cell.blocks.map((block) => (block.kind === "paragraph" ? block.prefix + inlinesToText(block.inlines) : ""));
  return texts.reduce((sum, text) => sum + Math.max(1, Math.ceil(textWidthInChars(text) / charsPerLine)), 0);
}

/** Every cell of the row fills its estimated lines with at least two characters to spare (an exact height cannot clip it). */
function hasRoom(row: PrintableTableCell[], columnWidths: number[], lines: number): boolean {
  let start = 0;
  return row.every((cell) => {
    const width = columnWidths.slice(start, start + cell.columnSpan).reduce((sum, value) => sum + value, 0) - 2 * CELL_INSET;
    start += cell.columnSpan;
    const charsPerLine = Math.max(1, Math.floor(width / SMALL_CHAR));
    const texts = cell.blocks.map((block) => (block.kind === "paragraph" ? block.prefix + inlinesToText(block.inlines) : "\u0000"));
    if (texts.includes("\u0000")) return false;
    return texts.length <= lines && texts.every((text) => textWidthInChars(text) <= (lines - texts.length + 1) * charsPerLine - 2);
  });
}

/** The 0.75 pt rule LibreOffice draws outside each row's height (measured), in twips. */
const ROW_BORDER = 15;

/** One 4号 character (14 pt) in twips. */
const SMALL_CHAR = 280;

/** Relative widths scaled to twips that add up exactly to `total`. */
function scaleWidths(relative: readonly number[], total: number): number[] {
  const sum = relative.reduce((accumulator, value) => accumulator + value, 0) || 1;
  const widths = relative.map((value) => Math.floor((value / sum) * total));
  const rest = total - widths.reduce((accumulator, value) => accumulator + value, 0);
  if (widths.length > 0) widths[widths.length - 1]! += rest;
  return widths;
}

const THICK = { style: BorderStyle.SINGLE, size: 8, color: "000000" } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;
const INSET = 280;

const THIN = { style: BorderStyle.SINGLE, size: 6, color: "000000" } as const;

/**
 * 版记: full-width rules above and below (about 0.35 mm), each element in its own row one 4号 character in from
 * each side, a thin rule (about 0.25 mm) between the elements (抄送 above 印发机关/印发日期).
 * GB/T 9704 7.4.1: a table floating at the foot of the 版心 of the page it is anchored on (the paragraph after
 * it), its last rule on the 版心's bottom edge, each row one grid line high, so the PDF can draw the same rows.
 * Anchored to the page, not the margin: LibreOffice 7.4 floats a margin-anchored table only when it is clearly
 * narrower than the text area (measured: 4.7 mm), but a page-anchored one whenever it fits on the page.
 */
export function createRuledBlock(paragraphs: Paragraph[]): Table {
  const width = TEXT_WIDTH;
  const rows = paragraphs.map(
    (paragraph) =>
      new TableRow({
        cantSplit: true,
        height: { value: RULED_LINE, rule: HeightRule.ATLEAST },
        children: [new TableCell({ children: [paragraph], width: { size: width, type: WidthType.DXA } })],
      }),
  );
  return new Table({
    rows,
    columnWidths: [width],
    width: { size: width, type: WidthType.DXA },
    // No cell margins: Word and LibreOffice then both put the rules' left end at tblpX, the 版心's edge.
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    borders: { top: THICK, bottom: THICK, left: NONE, right: NONE, insideHorizontal: THIN, insideVertical: NONE },
    layout: "fixed",
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: PAGE_MARGINS.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      topFromText: 0,
      bottomFromText: 0,
      overlap: OverlapType.NEVER,
    },
  });
}

/** Text width inside the 版记 cell, for the 印发日期's right tab. */
export const RULED_TEXT_WIDTH = TEXT_WIDTH - INSET;

/**
 * A 版记 line, 35 twips under a grid step: LibreOffice adds the rules (1 pt first and last, 0.75 pt between) to the
 * rows, and a one-row 版记 must still fit in the last grid step under an empty line (measured: 30 twips under does
 * not). The PDF sets its rows at the same 559 twips (report.typ `ruled-pitch`).
 */
export const RULED_LINE = LINE_PITCH - 35;

/** The 版记's text sits one 4号 character in from each end of the rules (paragraph indents, not cell margins). */
export const RULED_INDENT = { left: INSET, right: INSET };
