import { TextRun, type ParagraphChild } from "docx";

import { splitInlinesAt } from "../layout";
import type { PrintableInline } from "../layout";
import { RUN_LANGUAGE, runFont } from "./fonts";
import { createAnnotatedRuns } from "./track-changes-runs";

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

/** Runs of printable inlines; a break becomes a `w:br` in its own run, a suggestion a tracked change. */
export function createInlineRuns(inlines: readonly PrintableInline[], style: RunStyle): ParagraphChild[] {
  return createAnnotatedRuns(inlines.map((inline) => ({ inline, style })));
}

/** Runs of a paragraph whose first `boldLength` characters (a run-in heading like "1.加强队伍建设。") are bold. */
export function createRunsWithBoldLead(inlines: readonly PrintableInline[], style: RunStyle, boldLength: number): ParagraphChild[] {
  if (boldLength <= 0) return createInlineRuns(inlines, style);
  const [lead, rest] = splitInlinesAt(inlines, boldLength);
  return createAnnotatedRuns([...lead.map((inline) => ({ inline, style: { ...style, isBold: true } })), ...rest.map((inline) => ({ inline, style }))]);
}
