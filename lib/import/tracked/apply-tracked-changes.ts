import { docToText, type Report, type RichDoc, type RichNode, type SuggestionAttrs } from "@/lib/report-model";

import { charsToContent, mergeParagraph, rejectedText, reportChars, type ReportChar } from "./merge-paragraph";
import { textOf, type TrackedChar, type TrackedDocument } from "./types";

/** Where an imported Word comment goes: the workflow's comment anchor. */
export interface PlacedComment {
  anchor: {
    sectionId: string | null;
    itemId: string | null;
    field: "body" | "itemHeading" | "sectionHeading" | "lead" | null;
    from: number | null;
    to: number | null;
    quote: string;
  };
  author: string;
  /** ISO timestamp of the Word comment ("" when it has none). */
  date: string;
  text: string;
}

export interface ApplyTrackedOptions {
  /** ISO timestamp for changes that carry no w:date. */
  now: string;
  newId: () => string;
  /** The app user a Word author is, when the agency has one by that name. */
  authorIdFor?: (authorName: string) => string | undefined;
  /** First comments of the report's open threads: a Word comment holding one is the exported copy, not new. */
  existingComments?: readonly string[];
}

export interface ApplyTrackedResult {
  report: Report;
  comments: PlacedComment[];
  /** What could not be placed or was placed differently, in Chinese, one line each. */
  log: string[];
  insertions: number;
  deletions: number;
  /** Word comments that were already open threads of the report. */
  existingCommentCount: number;
}

interface Target {
  order: number;
  sectionId: string | null;
  itemId: string | null;
  doc: RichDoc;
  paragraph: RichNode;
  chars: ReportChar[];
  rejected: string;
  isUsed: boolean;
}

/** Text printed from a plain field (headings, a part's lead, title, 主送, 落款, 结束语): it cannot carry suggestions. */
interface Heading {
  text: string;
  /** What it is, for the log ("条目标题"). */
  label: string;
  sectionId: string | null;
  itemId: string | null;
  field: "itemHeading" | "sectionHeading" | "lead" | null;
  /** First body target of the part or item (a heading moves the matching there). */
  firstTarget?: number;
}

interface Marker {
  commentId: string;
  isStart: boolean;
  offset: number;
}

/** Where a comment range starts or ends once the DOCX paragraph is placed. */
type Endpoint = { kind: "body"; target: Target; offset: number } | { kind: "heading"; heading: Heading } | { kind: "none"; text: string };

const MAX_LEAD = 60;

/**
 * Brings a DOCX a leader changed in 修订模式 back into the report: each DOCX paragraph is matched to a body
 * paragraph (the opening's or an item's) that reads the same with the insertions left out, in order and within
 * the item its heading names; its w:ins/w:del become suggestion marks, its comments comment threads anchored to
 * their text. What cannot be placed (changes in headings, paragraphs not found) is logged, never dropped silently.
 */
export function applyTrackedChanges(report: Report, docx: TrackedDocument, options: ApplyTrackedOptions): ApplyTrackedResult {
  const copy = structuredClone(report);
  const { targets, headings } = collectTargets(copy);
  const log: string[] = [];
  const suggestionIds = new Map<string, SuggestionAttrs & { kind: string }>();
  const attrsFor = (char: TrackedChar): SuggestionAttrs => {
    const existing = suggestionIds.get(char.changeKey);
    if (existing) return { id: existing.id, authorId: existing.authorId, authorName: existing.authorName, at: existing.at };
    const authorName = char.author.trim() || "Word 修订";
    const attrs = {
      id: options.newId(),
      authorId: options.authorIdFor?.(authorName) ?? wordAuthorId(authorName),
      authorName,
      at: isoTime(char.date, options.now),
    };
    suggestionIds.set(char.changeKey, { ...attrs, kind: char.kind });
    return attrs;
  };
  const starts = new Map<string, Endpoint>();
  const ends = new Map<string, Endpoint>();
  let cursor = 0;
  let lastTarget: Target | undefined;
  for (const paragraph of joinSplitParagraphs(docx, log)) {
    const rejected = textOf(paragraph.chars, ["normal", "delete"]);
    const hasChanges = paragraph.chars.some((char) => char.kind !== "normal");
    const record = (endpoint: (marker: Marker) => Endpoint) => {
      for (const marker of paragraph.markers) (marker.isStart ? starts : ends).set(marker.commentId, endpoint(marker));
    };
    if (rejected.trim() === "") {
      const inserted = textOf(paragraph.chars, ["insert"]).trim();
      const placement = inserted && lastTarget ? insertParagraphAfter(lastTarget, paragraph.chars, attrsFor) : "failed";
      if (placement === "inserted") log.push(`新增段落“${excerpt(inserted)}”已作为插入修订放在“${excerpt(lastTarget!.rejected)}”之后。`);
      else if (inserted && placement === "failed") log.push(`新增段落“${excerpt(inserted)}”找不到所属条目，未导入，请手工添加。`);
      record(() => ({ kind: "none", text: inserted }));
      continue;
    }
    const heading = headings.find((candidate) => candidate.text === plainFieldText(rejected));
    if (heading) {
      cursor = heading.firstTarget ?? cursor;
      if (hasChanges)
        log.push(
          `${heading.label}“${excerpt(rejected)}”中的修订未导入（${describeChanges(paragraph.chars)}）：${heading.label}不能带修订标记，请在编辑器中修改。`,
        );
      record(() => ({ kind: "heading", heading }));
      continue;
    }
    const target = findTarget(targets, rejected, cursor);
    if (!target) {
      if (hasChanges) log.push(`找不到与“${excerpt(rejected)}”对应的正文段落，其中的修订未导入（${describeChanges(paragraph.chars)}）。`);
      record(() => ({ kind: "none", text: rejected }));
      continue;
    }
    const lead = [...rejected].length - [...target.rejected].length;
    let bodyStart = 0;
    for (let count = 0; count < lead && bodyStart < paragraph.chars.length; bodyStart += 1) {
      const { kind } = paragraph.chars[bodyStart]!;
      if (kind === "normal" || kind === "delete") count += 1;
    }
    const leadChars = paragraph.chars.slice(0, bodyStart);
    if (leadChars.some((char) => char.kind !== "normal"))
      log.push(`条目标题“${excerpt(textOf(leadChars, ["normal", "delete"]))}”中的修订未导入（${describeChanges(leadChars)}）：标题不能带修订标记。`);
    const merged = mergeParagraph(target.chars, paragraph.chars.slice(bodyStart), attrsFor);
    if (merged.withdrawnInsertions > 0)
      log.push(`“${excerpt(target.rejected)}”中有已提出的插入修订在 Word 中被删去（${merged.withdrawnInsertions} 字），报告仍保留该修订，请在修订列表中拒绝。`);
    if (merged.skippedBreaks > 0) log.push(`“${excerpt(target.rejected)}”中新增的 ${merged.skippedBreaks} 处换行未导入。`);
    target.paragraph.content = charsToContent(merged.chars);
    target.chars = merged.chars;
    target.isUsed = true;
    cursor = target.order + 1;
    lastTarget = target;
    record((marker) => {
      const position = marker.offset < bodyStart ? 0 : merged.positions[marker.offset - bodyStart]!;
      return { kind: "body", target, offset: merged.chars.slice(0, position).reduce((sum, char) => sum + char.char.length, 0) };
    });
  }
  const placed = placeComments(docx, starts, ends, options.existingComments ?? [], log);
  const kinds = [...suggestionIds.values()].map((attrs) => attrs.kind);
  return {
    report: copy,
    comments: placed.comments,
    log,
    insertions: kinds.filter((kind) => kind === "insert").length,
    deletions: kinds.filter((kind) => kind === "delete").length,
    existingCommentCount: placed.existingCount,
  };
}

function collectTargets(report: Report): { targets: Target[]; headings: Heading[] } {
  const targets: Target[] = [];
  const headings: Heading[] = [];
  const add = (doc: RichDoc, sectionId: string | null, itemId: string | null) => {
    for (const paragraph of leafParagraphs(doc)) {
      const chars = reportChars(paragraph);
      const rejected = rejectedText(chars);
      if (rejected.trim()) targets.push({ order: targets.length, sectionId, itemId, doc, paragraph, chars, rejected, isUsed: false });
    }
  };
  const meta = (text: string, label: string) => {
    if (plainFieldText(text)) headings.push({ text: plainFieldText(text), label, sectionId: null, itemId: null, field: null });
  };
  meta(report.meta.title, "报告标题");
  meta(report.meta.mainRecipient, "主送机关");
  meta(report.meta.signature, "落款");
  meta(report.closing, "结束语");
  add(report.opening, null, null);
  for (const section of report.sections) {
    const part = { sectionId: section.id, itemId: null, firstTarget: targets.length };
    if (section.heading.trim()) headings.push({ ...part, text: plainFieldText(section.heading), label: "部分标题", field: "sectionHeading" });
    for (const line of section.lead.split(/\r?\n/).filter((candidate) => candidate.trim()))
      headings.push({ ...part, text: plainFieldText(line), label: "部分导语", field: "lead" });
    for (const item of section.items) {
      if (item.heading.trim())
        headings.push({
          text: plainFieldText(item.heading),
          label: "条目标题",
          sectionId: section.id,
          itemId: item.id,
          field: "itemHeading",
          firstTarget: targets.length,
        });
      add(item.body, section.id, item.id);
    }
  }
  return { targets, headings };
}

function leafParagraphs(node: RichNode): RichNode[] {
  if (node.type === "paragraph") return [node];
  return (node.content ?? []).flatMap(leafParagraphs);
}

/** Exact text first, then a paragraph that ends with it (a run-in heading or list numeral in front); from the cursor on, then anywhere. */
function findTarget(targets: Target[], rejected: string, cursor: number): Target | undefined {
  const ordered = [...targets.slice(cursor), ...targets.slice(0, cursor)].filter((target) => !target.isUsed);
  const exact = ordered.find((target) => target.rejected === rejected);
  if (exact) return exact;
  return ordered.find(
    (target) => target.rejected.length >= 2 && rejected.endsWith(target.rejected) && [...rejected].length - [...target.rejected].length <= MAX_LEAD,
  );
}

/** A plain field as the DOCX prints it, without its numeral, line breaks (title lines) or 主送's colon. */
function plainFieldText(text: string): string {
  return text
    .replace(/^\s*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)])\s*/, "")
    .replace(/\n/g, "")
    .trim()
    .replace(/[：:]$/, "");
}

/** A paragraph whose mark the leader inserted (Enter pressed in 修订模式) is joined with the next: the split itself cannot be a suggestion. */
function joinSplitParagraphs(docx: TrackedDocument, log: string[]): Array<{ chars: TrackedChar[]; markers: Marker[] }> {
  const out: Array<{ chars: TrackedChar[]; markers: Marker[] }> = [];
  let pending: { chars: TrackedChar[]; markers: Marker[] } | undefined;
  docx.paragraphs.forEach((paragraph, index) => {
    const markers = [
      ...docx.commentStarts.filter((point) => point.paragraph === index).map((point) => ({ commentId: point.commentId, isStart: true, offset: point.offset })),
      ...docx.commentEnds.filter((point) => point.paragraph === index).map((point) => ({ commentId: point.commentId, isStart: false, offset: point.offset })),
    ];
    const shift = pending?.chars.length ?? 0;
    const joined = {
      chars: [...(pending?.chars ?? []), ...paragraph.chars],
      markers: [...(pending?.markers ?? []), ...markers.map((marker) => ({ ...marker, offset: marker.offset + shift }))],
    };
    if (paragraph.markChange === "insert" && index + 1 < docx.paragraphs.length) {
      if (textOf(paragraph.chars, ["normal", "delete"]).trim())
        log.push(`“${excerpt(textOf(paragraph.chars, ["normal", "insert"]))}”处的分段未导入，新增内容并入原段落。`);
      pending = joined;
      return;
    }
    pending = undefined;
    out.push(joined);
  });
  if (pending) out.push(pending);
  return out;
}

/** A paragraph the leader added: a new paragraph of inserted text after the last placed one, when that one sits directly in its body. */
function insertParagraphAfter(target: Target, chars: TrackedChar[], attrsFor: (char: TrackedChar) => SuggestionAttrs): "inserted" | "existing" | "failed" {
  const siblings = target.doc.content;
  const index = siblings.indexOf(target.paragraph);
  if (index < 0) return "failed";
  const inserted = chars.filter((char) => char.kind === "insert");
  // Imported before: the same inserted paragraph already follows.
  const next = siblings[index + 1];
  const isSuggested = (node: RichNode) => reportChars(node).every((char) => char.marks.some((mark) => mark.type === "suggestInsert"));
  if (next && docToText(next) === textOf(inserted, ["insert"]) && isSuggested(next)) return "existing";
  siblings.splice(index + 1, 0, { type: "paragraph", content: charsToContent(mergeParagraph([], inserted, attrsFor).chars) });
  return "inserted";
}

function placeComments(docx: TrackedDocument, starts: Map<string, Endpoint>, ends: Map<string, Endpoint>, existing: readonly string[], log: string[]) {
  const comments: PlacedComment[] = [];
  let existingCount = 0;
  for (const comment of docx.comments) {
    if (!comment.text) continue;
    // The exported copy holds the thread's first comment; a re-imported Word comment is held by the thread it became.
    if (existing.some((body) => body.trim() && (comment.text.includes(body.trim()) || body.includes(comment.text)))) {
      existingCount += 1;
      continue;
    }
    const start = starts.get(comment.id);
    const end = ends.get(comment.id);
    const base = { author: comment.author, date: comment.date, text: comment.text };
    if (start?.kind === "body" && start.target.sectionId !== null && start.target.itemId !== null) {
      const paragraphStart = offsetOf(start.target);
      const from = paragraphStart + start.offset;
      const paragraphEnd = paragraphStart + start.target.chars.reduce((sum, char) => sum + char.char.length, 0);
      const to = end?.kind === "body" && end.target === start.target ? paragraphStart + end.offset : paragraphEnd;
      const quote = docToText(start.target.doc).slice(from, Math.max(from, to)).slice(0, 500);
      comments.push({
        ...base,
        anchor: { sectionId: start.target.sectionId, itemId: start.target.itemId, field: "body", from, to: Math.max(from, to), quote },
      });
    } else if (start?.kind === "heading") {
      const { sectionId, itemId, field, text } = start.heading;
      comments.push({ ...base, anchor: { sectionId, itemId, field, from: null, to: null, quote: text.slice(0, 500) } });
    } else {
      const quote = start?.kind === "body" ? start.target.rejected : start?.kind === "none" ? start.text : "";
      log.push(
        `${comment.author || "批注人"}的批注“${excerpt(comment.text)}”${quote ? `（批注处原文“${excerpt(quote)}”）` : ""}未能定位到条目，已作为全文意见导入。`,
      );
      comments.push({ ...base, anchor: { sectionId: null, itemId: null, field: null, from: null, to: null, quote: quote.slice(0, 500) } });
    }
  }
  return { comments, existingCount };
}

/** Offset of a paragraph in its body's `docToText` (leaf paragraphs are separated by one character). */
function offsetOf(target: Target): number {
  let offset = 0;
  for (const paragraph of leafParagraphs(target.doc)) {
    if (paragraph === target.paragraph) return offset;
    offset += docToText({ type: "doc", content: [paragraph] }).length + 1;
  }
  return offset;
}

function describeChanges(chars: readonly TrackedChar[]): string {
  const inserted = textOf(chars, ["insert"]);
  const deleted = textOf(chars, ["delete"]);
  return [inserted ? `插入“${excerpt(inserted)}”` : "", deleted ? `删除“${excerpt(deleted)}”` : ""].filter(Boolean).join("，");
}

function excerpt(text: string): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length > 30 ? `${chars.slice(0, 30).join("")}…` : chars.join("");
}

/** w:date as the suggestion's ISO time; LibreOffice writes it without a zone (UTC), some writers leave it out. */
function isoTime(date: string, fallback: string): string {
  const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(date) ? `${date}Z` : date;
  const time = Date.parse(withZone);
  return Number.isNaN(time) || !date ? fallback : new Date(time).toISOString();
}

/** A stable made-up user id for a Word author who is not a user of the agency. */
export function wordAuthorId(name: string): string {
  let hash = 0x811c9dc5;
  for (const char of name) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `word:${hash.toString(16).padStart(8, "0")}`;
}
