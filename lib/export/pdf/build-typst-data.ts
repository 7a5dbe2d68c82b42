import type { FontRole, ResolvedFont } from "@/lib/fonts";

import { splitInlinesAt } from "../layout/inline-text";
import type { PrintableBlock, PrintableInline, PrintableTable } from "../layout/types";
import type { ExportOptions } from "../options";

/** A run as the template reads it: text with marks, or a line break. */
export type TypstRun = { text: string; bold: boolean; italic: boolean } | { br: true };

export interface TypstData {
  title: string;
  options: Pick<ExportOptions, "isDraft" | "pageNumberPosition">;
  fonts: Record<FontRole, { family: string; weight: number; hasBold: boolean }>;
  blocks: unknown[];
}

/** The text each font role will print, for the missing-glyph check. */
export type TextByRole = Record<FontRole, string>;

const HEADING_ROLE = { h1: "heading1", h2: "heading2", h3: "body", h4: "body" } as const;

function toRuns(inlines: readonly PrintableInline[], forceBold = false): TypstRun[] {
  return inlines.map((inline) => (inline.kind === "break" ? { br: true } : { text: inline.text, bold: inline.isBold || forceBold, italic: inline.isItalic }));
}

function runsText(runs: TypstRun[]): string {
  return runs.map((run) => ("br" in run ? "" : run.text)).join("");
}

/** The prefix and the run-in heading ("1.加强队伍建设。") are bold only when the template asks for bold headings. */
function paragraphRuns(block: Extract<PrintableBlock, { kind: "paragraph" }>, isHeadingBold: boolean): TypstRun[] {
  const inlines: PrintableInline[] = block.prefix ? [{ kind: "text", text: block.prefix, isBold: false, isItalic: false }, ...block.inlines] : block.inlines;
  if (!isHeadingBold || block.headingLength === 0) return toRuns(inlines);
  const [heading, rest] = splitInlinesAt(inlines, block.headingLength);
  return [...toRuns(heading, true), ...toRuns(rest)];
}

function tableData(table: PrintableTable, isHeadingBold: boolean) {
  const headerRows = table.rows.findIndex((row) => !row.every((cell) => cell.isHeader));
  const columns = Math.max(1, ...table.rows.map((row) => row.reduce((sum, cell) => sum + cell.columnSpan, 0)));
  return {
    kind: "table",
    columns,
    columnWidths: table.columnWidths.length === columns ? table.columnWidths : [],
    headerRows: headerRows === -1 ? table.rows.length : headerRows,
    rows: table.rows.map((row) => row.map((cell) => ({ colspan: cell.columnSpan, rowspan: cell.rowSpan, blocks: cellBlocks(cell.blocks, isHeadingBold) }))),
  };
}

/** Cell content as lines; a table nested in a cell prints its rows as lines, cells separated by spaces. */
function cellBlocks(blocks: PrintableBlock[], isHeadingBold: boolean): Array<{ runs: TypstRun[]; indent: number }> {
  return blocks.flatMap((block) => {
    if (block.kind === "paragraph") return [{ runs: paragraphRuns(block, isHeadingBold), indent: block.indentLevel }];
    if (block.kind === "table") {
      return block.rows.map((row) => ({
        runs: row.flatMap((cell, index) => [
          ...(index > 0 ? [{ text: "　", bold: false, italic: false }] : []),
          ...cellBlocks(cell.blocks, isHeadingBold).flatMap((line) => line.runs),
        ]),
        indent: 0,
      }));
    }
    if (block.kind === "runIn")
      return [{ runs: [{ text: block.prefix + block.heading, bold: isHeadingBold, italic: false }, ...toRuns(block.inlines)], indent: 0 }];
    if (block.kind === "blank") return [];
    const text = block.kind === "title" ? block.lines.join("") : block.kind === "heading" ? block.prefix + block.text : block.text;
    return [{ runs: [{ text, bold: false, italic: false }], indent: 0 }];
  });
}

/** Converts the exporter-neutral blocks to the JSON the fixed template `report.typ` reads. */
export function buildTypstData(
  blocks: PrintableBlock[],
  options: ExportOptions,
  fonts: Record<FontRole, ResolvedFont>,
  title: string,
): { data: TypstData; textByRole: TextByRole } {
  const text: Record<FontRole, string[]> = { title: [], heading1: [], heading2: [], body: [], pageNumber: ["—0123456789"], latin: [] };
  if (options.isDraft) text.heading1.push("草稿");
  const out = blocks.map((block) => {
    switch (block.kind) {
      case "title":
        text.title.push(block.lines.join(""));
        return block;
      case "heading": {
        text[HEADING_ROLE[block.role]].push(block.prefix + block.text);
        return { ...block, isBold: options.isHeadingBold && block.role !== "h1" };
      }
      case "runIn": {
        const runs = toRuns(block.inlines);
        text.heading2.push(block.prefix + block.heading);
        text.body.push(runsText(runs));
        return { kind: "runIn", prefix: block.prefix, heading: block.heading, runs, isBold: options.isHeadingBold };
      }
      case "paragraph": {
        const runs = paragraphRuns(block, options.isHeadingBold);
        text.body.push(runsText(runs));
        return { kind: "paragraph", runs, indent: block.indentLevel };
      }
      case "table": {
        const data = tableData(block, options.isHeadingBold);
        text.body.push(
          data.rows
            .flat()
            .flatMap((cell) => cell.blocks.map((line) => runsText(line.runs)))
            .join(""),
        );
        return data;
      }
      case "blank":
        return block;
      default:
        text.body.push(block.text);
        return block;
    }
  });
  const fontData = Object.fromEntries(Object.entries(fonts).map(([role, font]) => [role, { family: font.family, weight: font.weight, hasBold: font.hasBold }]));
  return {
    data: { title, options: { isDraft: options.isDraft, pageNumberPosition: options.pageNumberPosition }, fonts: fontData as TypstData["fonts"], blocks: out },
    textByRole: Object.fromEntries(Object.entries(text).map(([role, parts]) => [role, parts.join("")])) as TextByRole,
  };
}
