import { CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, InsertedTextRun, TextRun, type ParagraphChild } from "docx";

import type { PrintableChange, PrintableInline, PrintableText } from "../layout";
import { RUN_LANGUAGE, runFont } from "./fonts";

/** The East Asian face and weight a run is set in (runs.ts `RunStyle`); `latin` for the title's 小标宋 digits. */
interface InlineStyle {
  eastAsia: string;
  isBold?: boolean;
  latin?: string;
}

/**
 * w:ins / w:del need a number unique in the document. `buildReportDocument` starts a fresh count for each
 * document; building is synchronous, so one count per build is deterministic.
 */
let nextChangeNumber = 1;

export function startChangeNumbering(): void {
  nextChangeNumber = 1;
}

/**
 * Runs of a paragraph's inlines with their suggestions as tracked changes (author and time) and the Word
 * comments anchored on them: a comment's range starts before the first run that carries it and ends, with its
 * reference, after the last.
 */
export function createAnnotatedRuns(parts: ReadonlyArray<{ inline: PrintableInline; style: InlineStyle }>): ParagraphChild[] {
  const firstIndex = new Map<number, number>();
  const lastIndex = new Map<number, number>();
  parts.forEach(({ inline }, index) => {
    for (const id of inline.kind === "text" ? (inline.commentIds ?? []) : []) {
      if (!firstIndex.has(id)) firstIndex.set(id, index);
      lastIndex.set(id, index);
    }
  });
  const children: ParagraphChild[] = [];
  parts.forEach(({ inline, style }, index) => {
    for (const [id, at] of firstIndex) if (at === index) children.push(new CommentRangeStart(id));
    children.push(inline.kind === "break" ? breakRun(inline.change) : annotatedRun(inline, style));
    for (const [id, at] of lastIndex) {
      if (at === index) children.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
    }
  });
  return children;
}

/** A paragraph whose mark (the break after it) is a suggested insertion: Word's rejection joins it with the next. */
export function paragraphMarkChange(change: PrintableChange | undefined): { run?: { insertion: { id: number; author: string; date: string } } } {
  if (!change) return {};
  return { run: { insertion: { id: nextChangeNumber++, author: change.authorName || "审核人", date: wordDate(change.at) } } };
}

function breakRun(change: PrintableChange | undefined): ParagraphChild {
  const options = { break: 1, language: RUN_LANGUAGE };
  if (!change) return new TextRun(options);
  const tracked = { id: nextChangeNumber++, author: change.authorName || "审核人", date: wordDate(change.at) };
  return change.kind === "insert" ? new InsertedTextRun({ ...options, ...tracked }) : new DeletedTextRun({ ...options, ...tracked });
}

function annotatedRun(inline: PrintableText, style: InlineStyle): ParagraphChild {
  const isBold = style.isBold === true || inline.isBold;
  const options = {
    text: inline.text,
    font: style.latin ? runFont(style.eastAsia, inline.text, style.latin) : runFont(style.eastAsia, inline.text),
    language: RUN_LANGUAGE,
    ...(isBold ? { bold: true } : {}),
    ...(inline.isItalic ? { italics: true } : {}),
  };
  if (!inline.change) return new TextRun(options);
  const tracked = { id: nextChangeNumber++, author: inline.change.authorName || "审核人", date: wordDate(inline.change.at) };
  return inline.change.kind === "insert" ? new InsertedTextRun({ ...options, ...tracked }) : new DeletedTextRun({ ...options, ...tracked });
}

/**
 * Runs of a plain field's printed text: with its field suggestion as tracked changes when the layout gives
 * `inlines` (track-changes-fields.ts), else one run of `text`, as runs.ts `createTextRun` writes it.
 */
export function fieldRuns(inlines: readonly PrintableInline[] | undefined, text: string, style: InlineStyle): ParagraphChild[] {
  const parts: readonly PrintableInline[] = inlines ?? [{ kind: "text", text, isBold: false, isItalic: false }];
  return createAnnotatedRuns(parts.map((inline) => ({ inline, style })));
}

/** Word and LibreOffice read w:date as UTC without fractions ("2026-11-29T08:15:00Z"). */
export function wordDate(at: string): string {
  const time = Date.parse(at);
  return Number.isNaN(time) ? at : new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z");
}
