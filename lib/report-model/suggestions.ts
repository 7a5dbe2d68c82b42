/**
 * Suggestions (修订) on a report: what reviewers and approvers propose, until the drafter or reviewer decides.
 *
 * DATA CONTRACT (shared by the editor, the server's rules, validation, the exporters and the Word round trip):
 *
 * 1. Rich bodies (导语 `opening`, each item's `body`) carry suggestions as marks on their text:
 *    `suggestInsert` / `suggestDelete` with attrs {id, authorId, authorName, at} (see rich-text.ts). A whole
 *    suggested paragraph is a paragraph whose every text carries `suggestInsert`: rejecting it removes the
 *    paragraph, accepting keeps it. A paragraph whose every text carries `suggestDelete` goes when accepted.
 *    A paragraph split in two (Enter inside it) carries `suggestSplit` on the last character before the break:
 *    accepting drops the mark and keeps the two paragraphs, rejecting joins the paragraph with the next one.
 *
 * 2. Plain-text fields carry suggestions in one report-level list, `report.fieldSuggestions` (optional; absent
 *    when empty), each a `FieldSuggestion` (field-suggestions.ts):
 *      { id, authorId, authorName, at, target, from, to }
 *    - `target` names the field: {field:"meta", key} for agency | title | mainRecipient | copyTo | signature |
 *      docNumber | date (成文日期, YYYY-MM-DD like the field); {field:"frame", key} for the report's own 版头/版记
 *      agencyMark | signer | imprintAgency | imprintDate (read as "" when the report follows the agency profile;
 *      accepting "" gives the field back to it); {field:"closing"}; {field:"sectionHeading", sectionId}; {field:"sectionLead", sectionId};
 *      {field:"itemHeading", sectionId, itemId}.
 *    - `from` is the field's text when the suggestion was made, `to` the suggested whole text. The field itself
 *      keeps its text (so `rejectedView` simply drops the list); accepting writes `to` into the field.
 *    - At most one open suggestion per field. Only its author changes or withdraws it (typing back the original
 *      withdraws it); anyone else accepts or rejects it first. A suggestion whose part or item was removed is
 *      ignored by listing and dropped by any decision.
 *    - `diffFieldText(from, to)` gives the character diff used to show it in colour and to write w:del/w:ins;
 *      an importer of Word changes in a heading builds {from: text without w:ins, to: text without w:del}.
 *    - Ids share one namespace with the body marks' ids: accept/reject by id covers both.
 *
 * `listSuggestions`, `acceptSuggestion`, `rejectSuggestion`, `acceptAllSuggestions`, `rejectAllSuggestions`,
 * `acceptedView` and `rejectedView` cover both kinds. A field suggestion is listed with kind "replace".
 */
import { liveFieldSuggestions, readField, withFieldSuggestions, writeField, type FieldSuggestion, type FieldTarget } from "./field-suggestions";
import type { Report } from "./report";
import { docToText, type RichDoc, type RichMark, type RichNode, type SuggestionAttrs } from "./rich-text";

export * from "./field-suggestions";
export * from "./suggestion-place";

type BodyLocation = { field: "opening" } | { field: "body"; sectionId: string; itemId: string };

/** Where a suggestion sits: the opening, one item's body, or a plain-text field. */
export type SuggestionLocation = BodyLocation | FieldTarget;

/** A tracked insertion, deletion or paragraph break in a rich body: all text under one suggestion id. */
export interface BodySuggestion extends SuggestionAttrs {
  kind: "insert" | "delete" | "split";
  /** The inserted or deleted text; parts in different paragraphs are joined by "\n". "" for a split. */
  text: string;
  location: BodyLocation;
  /** Plain text just before the suggestion in its paragraph (up to 20 characters), to show where it is. */
  before: string;
}

/** A suggested new text for a plain-text field. */
export interface ReplaceSuggestion extends SuggestionAttrs {
  kind: "replace";
  /** The suggested text (`to`). */
  text: string;
  location: FieldTarget;
  /** Always "": the whole field is the place. */
  before: string;
  /** The field's text now (what rejecting keeps). */
  from: string;
  to: string;
}

/** One suggestion (修订) as listed for review. */
export type Suggestion = BodySuggestion | ReplaceSuggestion;

export type SuggestionDecision = "accept" | "reject" | "keep";
type Decide = (attrs: SuggestionAttrs, kind: Suggestion["kind"]) => SuggestionDecision;

function isSuggestionMark(mark: RichMark): mark is Extract<RichMark, { attrs: SuggestionAttrs }> {
  return mark.type === "suggestInsert" || mark.type === "suggestDelete" || mark.type === "suggestSplit";
}

const MARK_KINDS = { suggestInsert: "insert", suggestDelete: "delete", suggestSplit: "split" } as const;

/** Every suggestion of the report: the bodies' in reading order (opening first, then items), then the fields'. */
export function listSuggestions(report: Report): Suggestion[] {
  const found: Suggestion[] = [];
  forEachBody(report, (doc, location) => {
    found.push(...listDocSuggestions(doc, location));
  });
  for (const suggestion of liveFieldSuggestions(report)) found.push(listedFieldSuggestion(report, suggestion));
  return found;
}

function listedFieldSuggestion(report: Report, { target, from: _from, to, ...attrs }: FieldSuggestion): ReplaceSuggestion {
  return { ...attrs, kind: "replace", text: to, location: target, before: "", from: readField(report, target) ?? "", to };
}

/** The suggestions of one body. */
export function listDocSuggestions(doc: RichNode, location: BodyLocation): BodySuggestion[] {
  const byId = new Map<string, BodySuggestion & { lastBlock: number }>();
  let block = -1;
  let paragraphText = "";
  const visit = (node: RichNode): void => {
    if (node.type === "paragraph") {
      block += 1;
      paragraphText = "";
    }
    if (node.type === "text") {
      for (const mark of node.marks ?? []) {
        if (!isSuggestionMark(mark)) continue;
        const kind = MARK_KINDS[mark.type];
        const key = `${kind}:${mark.attrs.id}`;
        const existing = byId.get(key);
        if (kind === "split") {
          // The break is the place: what it follows in its paragraph, the marked character included.
          if (!existing) byId.set(key, { ...mark.attrs, kind, text: "", location, before: (paragraphText + (node.text ?? "")).slice(-20), lastBlock: block });
        } else if (existing) {
          existing.text += (existing.lastBlock === block ? "" : "\n") + (node.text ?? "");
          existing.lastBlock = block;
        } else {
          byId.set(key, { ...mark.attrs, kind, text: node.text ?? "", location, before: paragraphText.slice(-20), lastBlock: block });
        }
      }
      paragraphText += node.text ?? "";
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(doc);
  return [...byId.values()].map(({ lastBlock: _lastBlock, ...suggestion }) => suggestion);
}

/** Resolves the suggestions of a report: each is accepted, rejected or kept as `decide` says. Returns a new report. */
export function resolveSuggestions(report: Report, decide: Decide): Report {
  let next: Report = { ...report, opening: resolveDocSuggestions(report.opening, decide) };
  next.sections = report.sections.map((section) => ({
    ...section,
    items: section.items.map((item) => ({ ...item, body: resolveDocSuggestions(item.body, decide) })),
  }));
  if (report.fieldSuggestions === undefined) return next;
  const kept: FieldSuggestion[] = [];
  for (const suggestion of liveFieldSuggestions(report)) {
    const { target, from: _from, to, ...attrs } = suggestion;
    const decision = decide(attrs, "replace");
    if (decision === "keep") kept.push(suggestion);
    else if (decision === "accept") next = writeField(next, target, to);
  }
  return withFieldSuggestions(next, kept);
}

/** Accepts one suggestion by id (insertions stay as plain text, deleted text goes). */
export function acceptSuggestion(report: Report, id: string): Report {
  return resolveSuggestions(report, (attrs) => (attrs.id === id ? "accept" : "keep"));
}

/** Rejects one suggestion by id (inserted text goes, deleted text stays as plain text). */
export function rejectSuggestion(report: Report, id: string): Report {
  return resolveSuggestions(report, (attrs) => (attrs.id === id ? "reject" : "keep"));
}

export function acceptAllSuggestions(report: Report): Report {
  return resolveSuggestions(report, () => "accept");
}

export function rejectAllSuggestions(report: Report): Report {
  return resolveSuggestions(report, () => "reject");
}

/** The report as it would be with every suggestion accepted: what validation and the final export read. */
export function acceptedView(report: Report): Report {
  return hasSuggestions(report) || report.fieldSuggestions !== undefined ? acceptAllSuggestions(report) : report;
}

/** The report as it was before any suggestion: what a reviewer may not change. */
export function rejectedView(report: Report): Report {
  return hasSuggestions(report) || report.fieldSuggestions !== undefined ? rejectAllSuggestions(report) : report;
}

export function hasSuggestions(report: Report): boolean {
  if (liveFieldSuggestions(report).length > 0) return true;
  let found = false;
  forEachBody(report, (doc) => {
    if (!found && docHasSuggestions(doc)) found = true;
  });
  return found;
}

export function docHasSuggestions(node: RichNode): boolean {
  if (node.marks?.some(isSuggestionMark)) return true;
  return (node.content ?? []).some(docHasSuggestions);
}

/** Resolves the suggestions of one body; unchanged bodies are returned as they are. */
export function resolveDocSuggestions(doc: RichDoc, decide: Decide): RichDoc {
  if (!docHasSuggestions(doc)) return doc;
  return resolveNode(doc, decide) as RichDoc;
}

function resolveNode(node: RichNode, decide: Decide): RichNode | null {
  if (node.type === "text" || node.type === "hardBreak") return resolveInline(node, decide);
  if (!node.content) return node;
  const children: RichNode[] = [];
  let removedAny = false;
  // A paragraph whose suggested break is rejected takes the next paragraph's text in (if that one is still there).
  let joinNext = false;
  for (const child of node.content) {
    const resolved = resolveNode(child, decide);
    const previous = children[children.length - 1];
    if (resolved && joinNext && previous?.type === "paragraph" && resolved.type === "paragraph") {
      children[children.length - 1] = { ...previous, content: mergeTextNodes([...(previous.content ?? []), ...(resolved.content ?? [])]) };
    } else if (resolved) children.push(resolved);
    else removedAny = true;
    joinNext = resolved !== null && child.type === "paragraph" && hasRejectedSplit(child, decide);
  }
  const content = keepOpenSplit(node, mergeTextNodes(children), decide);
  const next: RichNode = { ...node };
  if (content.length > 0) next.content = content;
  else delete next.content;
  // A paragraph whose whole text was deleted (or whose inserted text was rejected) goes with its text.
  if (node.type === "paragraph" && removedAny && content.length === 0) return null;
  return fillEmptyContainer(next);
}

/**
 * A paragraph whose break stays open but whose marked character went (its insertion rejected, its deletion
 * accepted) moves the break's mark to its last character left, so the split stays a suggestion.
 */
function keepOpenSplit(paragraph: RichNode, content: RichNode[], decide: Decide): RichNode[] {
  if (paragraph.type !== "paragraph") return content;
  const split = (paragraph.content ?? [])
    .flatMap((child) => child.marks ?? [])
    .find((mark): mark is Extract<RichMark, { attrs: SuggestionAttrs }> => mark.type === "suggestSplit" && decide(mark.attrs, "split") === "keep");
  if (!split || content.some((child) => child.marks?.some((mark) => mark.type === "suggestSplit"))) return content;
  const lastText = content.findLastIndex((child) => child.type === "text" && Boolean(child.text));
  if (lastText < 0) return content;
  const last = content[lastText]!;
  const chars = Array.from(last.text!);
  const marked: RichNode = { ...last, text: chars.at(-1)!, marks: [...(last.marks ?? []), split] };
  const rest: RichNode[] = chars.length > 1 ? [{ ...last, text: chars.slice(0, -1).join("") }] : [];
  return [...content.slice(0, lastText), ...rest, marked, ...content.slice(lastText + 1)];
}

/** Whether this paragraph's suggested break (a suggestSplit in its text) is to be rejected. */
function hasRejectedSplit(paragraph: RichNode, decide: Decide): boolean {
  return (paragraph.content ?? []).some((child) =>
    (child.marks ?? []).some((mark) => mark.type === "suggestSplit" && decide(mark.attrs, "split") === "reject"),
  );
}

/** Containers that must keep one block get an empty paragraph back when all of theirs went. */
function fillEmptyContainer(node: RichNode): RichNode {
  const needsBlock = node.type === "doc" || node.type === "listItem" || node.type === "tableCell" || node.type === "tableHeader";
  if (needsBlock && !node.content) return { ...node, content: [{ type: "paragraph" }] };
  return node;
}

function resolveInline(node: RichNode, decide: Decide): RichNode | null {
  if (!node.marks?.some(isSuggestionMark)) return node;
  const kept: RichMark[] = [];
  let remove = false;
  for (const mark of node.marks) {
    if (!isSuggestionMark(mark)) {
      kept.push(mark);
      continue;
    }
    const kind = MARK_KINDS[mark.type];
    const decision = decide(mark.attrs, kind);
    if (decision === "keep") kept.push(mark);
    // A decided break leaves its character as plain text; the join, if rejected, is the paragraph's (resolveNode).
    else if (kind !== "split" && (kind === "insert") === (decision === "reject")) remove = true;
  }
  if (remove) return null;
  const next: RichNode = { ...node };
  if (kept.length > 0) next.marks = kept;
  else delete next.marks;
  return next;
}

function sameMarks(a: RichMark[] | undefined, b: RichMark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** Adjacent text nodes with the same marks become one, as ProseMirror would store them. */
function mergeTextNodes(nodes: RichNode[]): RichNode[] {
  const out: RichNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === "text" && !node.text) continue;
    if (last?.type === "text" && node.type === "text" && sameMarks(last.marks, node.marks)) {
      out[out.length - 1] = { ...last, text: (last.text ?? "") + (node.text ?? "") };
    } else out.push(node);
  }
  return out;
}

function forEachBody(report: Report, visit: (doc: RichDoc, location: BodyLocation) => void): void {
  visit(report.opening, { field: "opening" });
  for (const section of report.sections) {
    for (const item of section.items) visit(item.body, { field: "body", sectionId: section.id, itemId: item.id });
  }
}

const DELETED = "\u0000";

function maskDeleted(node: RichNode): RichNode {
  if (node.type === "text" && node.marks?.some((mark) => mark.type === "suggestDelete")) {
    return { type: "text", text: DELETED.repeat((node.text ?? "").length) };
  }
  return node.content ? { ...node, content: node.content.map(maskDeleted) } : node;
}

/**
 * For each character of `docToText(acceptedView)` of this body, its offset in `docToText(body)` (plus one entry
 * for the end), so findings on the accepted text can be shown in the editor, which shows the deleted text too.
 * Null when the two texts cannot be lined up (then a caller drops the range rather than point at the wrong place).
 */
export function acceptedTextOffsets(doc: RichDoc): number[] | null {
  const masked = docToText(maskDeleted(doc));
  const offsets: number[] = [];
  let accepted = "";
  let lineStart = 0;
  let hasLine = false;
  const lines = masked.split("\n");
  lines.forEach((line, index) => {
    // A paragraph whose whole text is deleted goes, with its line break, when the deletion is accepted.
    const isDropped = line.length > 0 && [...line].every((char) => char === DELETED);
    if (!isDropped) {
      if (hasLine) {
        accepted += "\n";
        offsets.push(lineStart - 1);
      }
      hasLine = true;
      for (let column = 0; column < line.length; column += 1) {
        if (line[column] === DELETED) continue;
        accepted += line[column];
        offsets.push(lineStart + column);
      }
    }
    lineStart += line.length + (index < lines.length - 1 ? 1 : 0);
  });
  offsets.push(masked.length);
  return accepted === docToText(resolveDocSuggestions(doc, () => "accept")) ? offsets : null;
}

/** Finding fields (validation's text fields) that a field suggestion may change, by the suggestion's target. */
function findingFieldSuggested(report: Report, location: { field: string; key?: string; sectionId?: string; itemId?: string }): boolean {
  const metaKey = location.field === "meta" ? location.key : ["title", "mainRecipient", "signature"].includes(location.field) ? location.field : undefined;
  return liveFieldSuggestions(report).some(({ target, to }) => {
    if (readField(report, target) === to) return false;
    switch (target.field) {
      case "meta":
        return target.key === metaKey;
      case "frame":
        return location.field === "frame" && (location.key === undefined || location.key === target.key);
      case "closing":
        return location.field === "closing";
      case "sectionHeading":
        return location.field === "sectionHeading" && (location.sectionId === undefined || location.sectionId === target.sectionId);
      case "sectionLead":
        return location.field === "lead" && (location.sectionId === undefined || location.sectionId === target.sectionId);
      case "itemHeading":
        return location.field === "itemHeading" && (location.itemId === undefined || location.itemId === target.itemId);
    }
  });
}

/**
 * A range in the accepted text at `location` (the opening, an item body, or a plain field), as a range in the
 * stored text. Undefined when it cannot be placed: a plain field with an open suggestion shows other text.
 */
export function originalRangeOf(
  report: Report,
  location: { field: string; itemId?: string; sectionId?: string; key?: string },
  range: { from: number; to: number },
): { from: number; to: number } | undefined {
  if (findingFieldSuggested(report, location)) return undefined;
  const doc =
    location.field === "opening"
      ? report.opening
      : location.field === "body"
        ? report.sections.flatMap((section) => section.items).find((item) => item.id === location.itemId)?.body
        : undefined;
  if (!doc || !docHasSuggestions(doc)) return range;
  const offsets = acceptedTextOffsets(doc);
  if (!offsets) return undefined;
  const from = offsets[Math.min(range.from, offsets.length - 1)]!;
  const to = range.to > range.from ? offsets[Math.min(range.to - 1, offsets.length - 1)]! + 1 : from;
  return { from, to };
}
