import type { Report, RichDoc, RichNode } from "@/lib/report-model";

import { mapDocOffsets, type ParagraphSpan } from "./text/doc-offsets";
import type { Fix, TextEdit } from "./types";

function replaceRange(text: string, edit: TextEdit): string {
  const from = Math.max(0, Math.min(edit.from, text.length));
  const to = Math.max(from, Math.min(edit.to, text.length));
  return text.slice(0, from) + edit.insert + text.slice(to);
}

function inlineLength(node: RichNode): number {
  if (node.type === "text") return (node.text ?? "").length;
  if (node.type === "hardBreak") return 1;
  return (node.content ?? []).reduce((total, child) => total + inlineLength(child), 0);
}

/** Inserts a text node at `offset` of a paragraph that has no text node there (empty, or next to a hard break). */
function insertText(paragraph: RichNode, offset: number, text: string): void {
  const content = paragraph.content ?? [];
  let position = 0;
  let index = 0;
  while (index < content.length && position < offset) position += inlineLength(content[index++]!);
  paragraph.content = [...content.slice(0, index), { type: "text", text }, ...content.slice(index)];
}

function findParent(root: RichNode, target: RichNode): RichNode | undefined {
  for (const child of root.content ?? []) {
    if (child === target) return root;
    const found = findParent(child, target);
    if (found) return found;
  }
  return undefined;
}

/** Consecutive sibling paragraphs whose line break the edit deletes ("\n" of `docToText`): joined after the edit. */
function paragraphJoins(doc: RichDoc, paragraphs: ParagraphSpan[], edit: TextEdit): Array<{ first: RichNode; second: RichNode; parent: RichNode }> {
  if (edit.from === edit.to) return [];
  const joins: Array<{ first: RichNode; second: RichNode; parent: RichNode }> = [];
  for (let index = 0; index + 1 < paragraphs.length; index += 1) {
    const first = paragraphs[index]!;
    const second = paragraphs[index + 1]!;
    if (second.from !== first.to + 1 || edit.from > first.to || edit.to < second.from) continue;
    const parent = findParent(doc, first.node);
    if (parent && parent === findParent(doc, second.node)) joins.push({ first: first.node, second: second.node, parent });
  }
  return joins;
}

// Edits land in the text nodes they overlap, so marks (bold, italic) stay; a deleted line break joins its two paragraphs.
function editBody(doc: RichDoc, edit: TextEdit): void {
  const { spans, paragraphs } = mapDocOffsets(doc);
  const joins = paragraphJoins(doc, paragraphs, edit);
  const touched = spans.filter((span) => {
    const end = span.from + (span.node.text ?? "").length;
    return edit.from === edit.to ? span.from <= edit.from && edit.from <= end : span.from < edit.to && end > edit.from;
  });
  if (touched.length === 0) {
    const paragraph = paragraphs.find((candidate) => candidate.from <= edit.from && edit.from <= candidate.to);
    if (paragraph && edit.insert) insertText(paragraph.node, edit.from - paragraph.from, edit.insert);
    joinParagraphs(joins);
    return;
  }
  touched.forEach((span, index) => {
    const text = span.node.text ?? "";
    const localFrom = Math.max(0, edit.from - span.from);
    const localTo = Math.min(text.length, edit.to - span.from);
    span.node.text = text.slice(0, localFrom) + (index === 0 ? edit.insert : "") + text.slice(Math.max(localFrom, localTo));
  });
  for (const span of touched) {
    if (span.node.text === "") span.parent.content = (span.parent.content ?? []).filter((child) => child !== span.node);
  }
  joinParagraphs(joins);
}

function joinParagraphs(joins: Array<{ first: RichNode; second: RichNode; parent: RichNode }>): void {
  for (const { first, second, parent } of [...joins].reverse()) {
    first.content = [...(first.content ?? []), ...(second.content ?? [])];
    parent.content = (parent.content ?? []).filter((child) => child !== second);
  }
}

function editsByFieldKey(edits: TextEdit[]): Map<string, TextEdit[]> {
  const groups = new Map<string, TextEdit[]>();
  for (const edit of edits) {
    const { field, sectionIndex, itemIndex, sectionId, itemId } = edit.location;
    const key = [field, sectionId ?? sectionIndex, itemId ?? itemIndex].join("|");
    groups.set(key, [...(groups.get(key) ?? []), edit]);
  }
  return groups;
}

function findSection(report: Report, edit: TextEdit) {
  const { sectionId, sectionIndex } = edit.location;
  return report.sections.find((section, index) => (sectionId ? section.id === sectionId : index === sectionIndex));
}

function findItem(report: Report, edit: TextEdit) {
  const section = findSection(report, edit);
  const { itemId, itemIndex } = edit.location;
  return section?.items.find((item, index) => (itemId ? item.id === itemId : index === itemIndex));
}

function applyEdit(report: Report, edit: TextEdit): void {
  switch (edit.location.field) {
    case "title":
      report.meta.title = replaceRange(report.meta.title, edit);
      return;
    case "mainRecipient":
      report.meta.mainRecipient = replaceRange(report.meta.mainRecipient, edit);
      return;
    case "signature":
      report.meta.signature = replaceRange(report.meta.signature, edit);
      return;
    case "sectionHeading":
    case "lead": {
      const section = findSection(report, edit);
      if (section && edit.location.field === "lead") section.lead = replaceRange(section.lead, edit);
      else if (section) section.heading = replaceRange(section.heading, edit);
      return;
    }
    case "itemHeading": {
      const item = findItem(report, edit);
      if (item) item.heading = replaceRange(item.heading, edit);
      return;
    }
    case "body": {
      const item = findItem(report, edit);
      if (item) editBody(item.body as RichNode as RichDoc, edit);
      return;
    }
    case "opening":
      editBody(report.opening, edit);
      return;
    default:
      return;
  }
}

function forgetImportedNumbering(report: Report, target: { sectionId: string; itemId?: string }): void {
  const section = report.sections.find((candidate) => candidate.id === target.sectionId);
  const holder = target.itemId ? section?.items.find((item) => item.id === target.itemId) : section;
  if (holder) delete holder.importedNumbering;
}

/**
 * Applies a fix to a copy of the report. Edits address plain-text offsets as they were before the fix,
 * so within a field they are applied from the end backwards.
 */
export function applyFix(report: Report, fix: Fix): Report {
  const next = structuredClone(report);
  for (const edits of editsByFieldKey(fix.edits).values()) {
    const ordered = [...edits].sort((left, right) => right.from - left.from || right.to - left.to);
    for (const edit of ordered) applyEdit(next, edit);
  }
  if (fix.acknowledgeImportedNumbering) forgetImportedNumbering(next, fix.acknowledgeImportedNumbering);
  return next;
}
