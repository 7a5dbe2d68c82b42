import { TextRun } from "docx";

import { splitInlinesAt } from "../layout";
import type { PrintableInline } from "../layout";
import { RUN_LANGUAGE, runFont } from "./fonts";

export interface RunStyle {
  /** East Asian face of the run. */
  eastAsia: string;
  isBold?: boolean;
}

/** A run of plain text with the role's East Asian font, the zh-CN language and the eastAsia hint where needed. */
export function createTextRun(text: string, style: RunStyle, marks: { isBold?: boolean; isItalic?: boolean } = {}): TextRun {
  const isBold = style.isBold === true || marks.isBold === true;
  return new TextRun({
    text,
    font: runFont(style.eastAsia, text),
    language: RUN_LANGUAGE,
    ...(isBold ? { bold: true } : {}),
    ...(marks.isItalic ? { italics: true } : {}),
  });
}

/** Runs of printable inlines; a break becomes a `w:br` in its own run. */
export function createInlineRuns(inlines: readonly PrintableInline[], style: RunStyle): TextRun[] {
  return inlines.map((inline) => (inline.kind === "break" ? new TextRun({ break: 1, language: RUN_LANGUAGE }) : createTextRun(inline.text, style, inline)));
}

/** Runs of a paragraph whose first `boldLength` characters (a run-in heading like "1.加强队伍建设。") are bold. */
export function createRunsWithBoldLead(inlines: readonly PrintableInline[], style: RunStyle, boldLength: number): TextRun[] {
  if (boldLength <= 0) return createInlineRuns(inlines, style);
  const [lead, rest] = splitInlinesAt(inlines, boldLength);
  return [...createInlineRuns(lead, { ...style, isBold: true }), ...createInlineRuns(rest, style)];
}
