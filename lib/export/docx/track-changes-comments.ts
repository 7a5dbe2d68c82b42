import { Paragraph, TextRun, type ICommentOptions } from "docx";

import type { Report, RichNode } from "@/lib/report-model";

import { RUN_LANGUAGE } from "./fonts";

/** An open comment thread as the review DOCX carries it (the workflow's thread view, without its database ids). */
export interface ExportCommentThread {
  sectionId: string | null;
  itemId: string | null;
  /** sectionHeading | lead | itemHeading | body | indicators, or null for the part/item/report as a whole. */
  field: string | null;
  /** Offsets into the item body's plain text (`docToText`), when a range was selected. */
  range: { from: number; to: number } | null;
  quote: string;
  comments: Array<{ authorName: string; body: string; createdAt: Date }>;
}

export interface AnchoredComments {
  /** A copy of the report whose text nodes carry `attrs.commentIds` where a comment is anchored. */
  report: Report;
  comments: ICommentOptions[];
}

const FIELD_NOTES: Record<string, string> = {
  sectionHeading: "（针对部分标题）",
  itemHeading: "（针对条目标题）",
  lead: "（针对部分导语）",
  indicators: "（针对指标数据）",
};

/**
 * Anchors each thread to its text: a selected range of an item body where the text still reads as quoted (else
 * where the quote now is), otherwise the first paragraph of its item, part or the report. A range that spans
 * paragraphs is anchored in its first one. Threads are numbered in the order given.
 */
export function anchorComments(report: Report, threads: readonly ExportCommentThread[]): AnchoredComments {
  const copy = structuredClone(report);
  const comments: ICommentOptions[] = [];
  threads.forEach((thread, id) => {
    const [first, ...replies] = thread.comments;
    if (!first || !anchorThread(copy, thread, id)) return;
    const note = thread.itemId === null && thread.sectionId === null ? "（针对全文）" : (FIELD_NOTES[thread.field ?? ""] ?? "");
    const lines = [note + first.body, ...replies.map((reply) => `${reply.authorName}回复：${reply.body}`)];
    comments.push({
      id,
      author: first.authorName,
      initials: [...first.authorName][0] ?? "",
      date: first.createdAt,
      children: lines.flatMap((line) => line.split(/\r?\n/)).map((line) => new Paragraph({ children: [new TextRun({ text: line, language: RUN_LANGUAGE })] })),
    });
  });
  return { report: copy, comments };
}

function anchorThread(report: Report, thread: ExportCommentThread, id: number): boolean {
  const section = report.sections.find((candidate) => candidate.id === thread.sectionId);
  const item = section?.items.find((candidate) => candidate.id === thread.itemId);
  if (item && thread.field === "body" && thread.range) {
    const paragraphs = leafParagraphs(item.body);
    const text = paragraphs.map(paragraphText).join("\n");
    let { from, to } = thread.range;
    if (thread.quote && text.slice(from, to) !== thread.quote) {
      const at = text.indexOf(thread.quote);
      if (at >= 0) [from, to] = [at, at + thread.quote.length];
    }
    if (to > from && to <= text.length && markRange(paragraphs, from, to, id)) return true;
  }
  const bodies = item
    ? [item.body]
    : section
      ? section.items.map((candidate) => candidate.body)
      : [report.opening, ...report.sections.flatMap((part) => part.items.map((candidate) => candidate.body))];
  for (const body of bodies) {
    const paragraph = leafParagraphs(body).find((candidate) => paragraphText(candidate).trim() !== "");
    if (paragraph) return markRange([paragraph], 0, paragraphText(paragraph).length, id);
  }
  return false;
}

/** Paragraphs in reading order; `docToText` separates each from the next by exactly one character. */
export function leafParagraphs(node: RichNode): RichNode[] {
  if (node.type === "paragraph") return [node];
  return (node.content ?? []).flatMap(leafParagraphs);
}

export function paragraphText(paragraph: RichNode): string {
  return (paragraph.content ?? []).map((node) => (node.type === "text" ? (node.text ?? "") : node.type === "hardBreak" ? "\n" : "")).join("");
}

/** Marks [from, to) of the joined paragraphs, clipped to the first paragraph it touches. */
function markRange(paragraphs: RichNode[], from: number, to: number, id: number): boolean {
  let start = 0;
  for (const paragraph of paragraphs) {
    const length = paragraphText(paragraph).length;
    if (from < start + length || (from === start && length === 0)) {
      const localFrom = Math.max(0, from - start);
      const localTo = Math.min(length, to - start);
      if (localTo <= localFrom) return false;
      paragraph.content = splitAndMark(paragraph.content ?? [], localFrom, localTo, id);
      return true;
    }
    start += length + 1;
  }
  return false;
}

function splitAndMark(nodes: RichNode[], from: number, to: number, id: number): RichNode[] {
  const out: RichNode[] = [];
  let offset = 0;
  for (const node of nodes) {
    const text = node.type === "text" ? (node.text ?? "") : "";
    const length = node.type === "text" ? text.length : 1;
    const [start, end] = [Math.max(from, offset), Math.min(to, offset + length)];
    if (node.type !== "text" || end <= start) out.push(node);
    else {
      const pieces: Array<[string, boolean]> = [
        [text.slice(0, start - offset), false],
        [text.slice(start - offset, end - offset), true],
        [text.slice(end - offset), false],
      ];
      for (const [piece, isMarked] of pieces) {
        if (!piece) continue;
        const ids = Array.isArray(node.attrs?.commentIds) ? node.attrs.commentIds : [];
        out.push({ ...node, text: piece, ...(isMarked ? { attrs: { ...node.attrs, commentIds: [...ids, id] } } : {}) });
      }
    }
    offset += length;
  }
  return out;
}
