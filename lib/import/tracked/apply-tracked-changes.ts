import {
  acceptedView,
  docToText,
  fieldMaxLength,
  findFieldSuggestion,
  formatChineseDate,
  liveFieldSuggestions,
  sameFieldTarget,
  withFieldSuggestions,
  type FieldSuggestion,
  type Report,
  type RichDoc,
  type RichNode,
  type SuggestionAttrs,
} from "@/lib/report-model";

import { docNumberAfterChanges, docNumberKey, readFrameLine, sameName, type FrameLine } from "./doc-number";
import { charsToContent, mergeParagraph, rejectedText, reportChars, type ReportChar } from "./merge-paragraph";
import {
  collectPlainFields,
  matchPlainField,
  matchRunInHeading,
  PlainFieldEdits,
  splitPlainField,
  type PlainField,
  type PlainFieldEdit,
  type PlainFieldRef,
} from "./plain-fields";
import { textOf, type TrackedChar, type TrackedComment, type TrackedDocument, type TrackedParagraph } from "./types";

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
  /** Word replies to it (w15:paraIdParent), in order: comments of the same thread. */
  replies?: WordReply[];
}

/** A Word reply to a comment. */
export interface WordReply {
  author: string;
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
  /** The 签发人 the report's export prints (its own or the agency's); left out: the report's own (`frame.signer`). */
  signer?: string;
  /** The 发文机关标志 and 印发机关 the export prints (a change to their lines is logged as such). */
  agencyMark?: string;
  imprintAgency?: string;
}

export interface ApplyTrackedResult {
  report: Report;
  comments: PlacedComment[];
  /** What could not be placed or was placed differently, in Chinese, one line each. */
  log: string[];
  insertions: number;
  deletions: number;
  /** Paragraphs the leader split (Enter inside them): suggestSplit marks. */
  splits: number;
  /**
   * Changes to plain fields (headings, a part's lead, title, 主送, 落款, 抄送, 结束语): each field's value before and
   * after the leader's changes. Their characters are not counted in insertions/deletions.
   */
  fieldEdits: PlainFieldEdit[];
  /** Field suggestions (`report.fieldSuggestions`) made or updated from `fieldEdits`. */
  fieldChanges: number;
  /** Word comments that were already open threads of the report. */
  existingCommentCount: number;
  /** Word replies to comments that are already open threads: `thread` is the index in `existingComments`. */
  repliesToExisting: Array<WordReply & { thread: number }>;
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
  /** Paragraph breaks the leader added inside it (it now stands as breaks + 1 paragraphs). */
  breaks?: number;
}

interface Marker {
  commentId: string;
  isStart: boolean;
  offset: number;
}

/** Where a comment range starts or ends once the DOCX paragraph is placed. */
type Endpoint = { kind: "body"; target: Target; offset: number } | { kind: "heading"; heading: PlainField } | { kind: "none"; text: string };

const MAX_LEAD = 60;

/**
 * Brings a DOCX a leader changed in 修订模式 back into the report: each DOCX paragraph is matched to a body
 * paragraph (the opening's or an item's) that reads the same with the insertions left out, in order and within
 * the item its heading names; its w:ins/w:del become suggestion marks, its comments comment threads anchored to
 * their text (Word replies as comments of their thread). A paragraph that prints a plain field (a heading, a lead
 * line, the closing, title, 主送, 落款, 抄送, the 文号 in any writing) gives that field's value after the changes
 * (`fieldEdits`). What cannot be placed (changes to numerals, the 签发人, formatting, moves, table rows, headers,
 * paragraphs not found) is logged, never dropped silently.
 */
export function applyTrackedChanges(report: Report, docx: TrackedDocument, options: ApplyTrackedOptions): ApplyTrackedResult {
  const copy = structuredClone(report);
  const { targets, fields } = collectTargets(copy);
  const log: string[] = [];
  const fieldEdits = new PlainFieldEdits();
  const usedFields = new Set<PlainField>();
  const suggestionIds = new Map<string, SuggestionAttrs & { kind: string }>();
  const attrsFor = (char: Pick<TrackedChar, "author" | "date" | "changeKey">, kind: string = (char as TrackedChar).kind): SuggestionAttrs => {
    const existing = suggestionIds.get(char.changeKey);
    if (existing) return { id: existing.id, authorId: existing.authorId, authorName: existing.authorName, at: existing.at };
    const authorName = char.author.trim() || "Word 修订";
    const attrs = {
      id: options.newId(),
      authorId: options.authorIdFor?.(authorName) ?? wordAuthorId(authorName),
      authorName,
      at: isoTime(char.date, options.now),
    };
    suggestionIds.set(char.changeKey, { ...attrs, kind });
    return attrs;
  };
  const starts = new Map<string, Endpoint>();
  const ends = new Map<string, Endpoint>();
  let cursor = 0;
  // Where a paragraph the leader added goes: after the last placed body paragraph, or at the start of the body
  // whose heading came last; `after` names that place in the log.
  let insertAt: InsertionPoint | undefined;
  let acceptedFields: PlainField[] | undefined;
  // The lead line placed last, while nothing else came after it: a paragraph added after it is a new line of the lead.
  let lastLead: { field: PlainField; own: TrackedChar[] } | undefined;
  const signer = options.signer ?? copy.frame?.signer ?? "";
  // A "签发人：" label whose name stands in the next paragraph (the next table cell).
  let signerLabel: FrameLine | undefined;
  const queue = joinSplitParagraphs(docx);
  while (queue.length > 0) {
    const paragraph = queue.shift()!;
    if (paragraph.joinLog) log.push(paragraph.joinLog);
    // A split anywhere but in a body paragraph (a heading, a field, a paragraph not found) cannot be a suggestion.
    const logSplits = () => {
      for (const split of paragraph.splits)
        log.push(`“${excerpt(textOf(paragraph.chars.slice(0, split.at), ["normal", "insert"]))}”处的分段未导入，新增内容并入原段落。`);
    };
    const rejected = textOf(paragraph.chars, ["normal", "delete"]);
    const hasChanges = paragraph.chars.some((char) => char.kind !== "normal");
    const record = (endpoint: (marker: Marker) => Endpoint) => {
      for (const marker of paragraph.markers) (marker.isStart ? starts : ends).set(marker.commentId, endpoint(marker));
    };
    if (signerLabel) {
      const label = signerLabel;
      signerLabel = undefined;
      if (isSignerName(paragraph.chars)) {
        takeSigner({ number: [], label: label.label, signer: paragraph.chars }, signer, log);
        logSplits();
        record(() => ({ kind: "none", text: rejected }));
        continue;
      }
      takeSigner(label, signer, log);
    }
    // The 文号 and/or 签发人 line (a paragraph, a table cell, a text box), in whatever form the file writes them.
    const frameLine = readFrameLine(paragraph.chars);
    if (frameLine) {
      // "签发人：" with the name in the next cell: the name is read with the next paragraph.
      const hasName = frameLine.label.length === 0 || textOf(frameLine.signer, ["normal", "delete", "insert"]).trim() !== "";
      const endpoint = takeFrameLine(copy, fields, fieldEdits, hasName ? frameLine : { ...frameLine, label: [] }, signer, log);
      if (!hasName) signerLabel = frameLine;
      lastLead = undefined;
      logSplits();
      record(() => endpoint);
      continue;
    }
    if (rejected.trim() === "") {
      const inserted = textOf(paragraph.chars, ["insert"]).trim();
      const after = insertAt?.after ?? "";
      if (inserted && !insertAt && lastLead) {
        // A line added after a line of a part's lead: a new line of the lead.
        const first = paragraph.chars.find((char) => char.kind === "insert")!;
        lastLead.own = [...lastLead.own, { ...first, char: "\n" }, ...paragraph.chars.filter((char) => char.kind === "insert")];
        fieldEdits.add(lastLead.field, lastLead.own);
        logSplits();
        record(() => ({ kind: "heading", heading: lastLead!.field }));
        continue;
      }
      logCancelled(paragraph.chars, inserted || textOf(paragraph.chars, ["insertDeleted"]), log);
      const placement = inserted && insertAt ? insertParagraph(insertAt, paragraph.chars, attrsFor) : "failed";
      if (placement === "inserted") log.push(`新增段落“${excerpt(inserted)}”已作为插入修订放在“${excerpt(after)}”之后。`);
      else if (inserted && placement === "failed") log.push(`新增段落“${excerpt(inserted)}”找不到所属条目，未导入，请手工添加。`);
      logSplits();
      record(() => ({ kind: "none", text: inserted }));
      continue;
    }
    const plain = matchPlainField(fields, rejected, usedFields);
    // A field printed once already: a body paragraph that reads the same is that paragraph.
    if (plain && !(usedFields.has(plain.field) && findTarget(targets, rejected, cursor))) {
      const heading = plain.field;
      usedFields.add(heading);
      cursor = heading.firstTarget ?? cursor;
      if (hasChanges) takeFieldChanges(fieldEdits, plain, paragraph.chars, log);
      insertAt = startOfBodyUnder(copy, heading);
      lastLead = heading.ref.field === "sectionLead" ? { field: heading, own: splitPlainField(paragraph.chars, plain).own } : undefined;
      logSplits();
      record(() => ({ kind: "heading", heading }));
      continue;
    }
    // A split paragraph is the one that reads the same as a whole, else its parts are (a lead in front is not sought).
    const target = findTarget(targets, rejected, cursor, paragraph.splits.length === 0);
    if (!target && paragraph.splits.length > 0) {
      // The report's own split (two paragraphs, the first ending in its mark), as the exported file shows it:
      // its parts are read as the paragraphs they are.
      queue.unshift(...splitApart(paragraph));
      continue;
    }
    if (!target) {
      lastLead = undefined;
      const acceptedInWord = matchPlainField((acceptedFields ??= suggestedFieldsAccepted(copy)), rejected, new Set());
      if (acceptedInWord) {
        const more = hasChanges ? `；其中新的修订未导入（${describeChanges(paragraph.chars)}）` : "";
        log.push(
          `${acceptedInWord.field.label}“${excerpt(acceptedInWord.field.part)}”是在 Word 中接受修订后的文字，报告中该修订仍待处理，请在修订列表中接受${more}。`,
        );
      } else if (hasChanges && copy.meta.date && rejected.trim() === formatChineseDate(copy.meta.date))
        log.push(`成文日期“${rejected.trim()}”中的修订未导入（${describeChanges(paragraph.chars)}）：成文日期请在编辑器中修改。`);
      else if (hasChanges && isFramePrint(rejected, options))
        log.push(
          `版头或版记“${excerpt(rejected)}”中的修订未导入（${describeChanges(paragraph.chars)}）：发文机关标志、印发机关和印发日期请在“版头与版记”中修改。`,
        );
      else if (hasChanges) log.push(`找不到与“${excerpt(rejected)}”对应的正文段落，其中的修订未导入（${describeChanges(paragraph.chars)}）。`);
      logSplits();
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
    if (leadChars.some((char) => char.kind !== "normal")) {
      // A run-in heading ("（一）加强组织领导。" before the first paragraph) is the item's heading field.
      const runIn = matchRunInHeading(
        fields.find((field) => field.ref.field === "itemHeading" && field.ref.itemId === target.itemId),
        textOf(leadChars, ["normal", "delete"]),
      );
      if (runIn) takeFieldChanges(fieldEdits, runIn, leadChars, log);
      else log.push(`条目标题“${excerpt(textOf(leadChars, ["normal", "delete"]))}”中的修订未导入（${describeChanges(leadChars)}）：找不到对应的标题。`);
    }
    const merged = mergeParagraph(target.chars, paragraph.chars.slice(bodyStart), attrsFor);
    if (merged.withdrawnInsertions > 0)
      log.push(`“${excerpt(target.rejected)}”中有已提出的插入修订在 Word 中被删去（${merged.withdrawnInsertions} 字），报告仍保留该修订，请在修订列表中拒绝。`);
    if (merged.skippedBreaks > 0) log.push(`“${excerpt(target.rejected)}”中新增的 ${merged.skippedBreaks} 处换行未导入。`);
    logCancelled(merged.cancelled, target.rejected, log);
    // The leader's Enter inside the paragraph: a suggestSplit on the character before the break (the report's own
    // split, which the exported file shows the same way, is already there).
    // The report keeps a split paragraph as two, the first ending in that mark: only a paragraph of the body
    // itself (not one in a table or list) is split.
    let index = target.doc.content.indexOf(target.paragraph);
    const cuts: number[] = [];
    for (const split of paragraph.splits) {
      const at = split.at > bodyStart ? merged.positions[split.at - bodyStart]! - 1 : -1;
      const char = merged.chars[at];
      if (!char || index < 0 || at === merged.chars.length - 1)
        log.push(`“${excerpt(textOf(paragraph.chars.slice(0, split.at), ["normal", "insert"]))}”处的分段未导入，新增内容并入原段落。`);
      else {
        merged.chars[at] = { ...char, marks: [...char.marks, { type: "suggestSplit", attrs: attrsFor(split.by, "split") }] };
        cuts.push(at + 1);
      }
    }
    const pieces = [0, ...cuts].map((start, piece) => merged.chars.slice(start, cuts[piece] ?? merged.chars.length));
    const nodes = pieces.map((chars, piece) => (piece === 0 ? target.paragraph : { ...target.paragraph, content: charsToContent(chars) }));
    target.paragraph.content = charsToContent(pieces[0]!);
    if (nodes.length > 1) target.doc.content.splice(index, 1, ...nodes);
    target.chars = merged.chars;
    target.breaks = cuts.length;
    target.isUsed = true;
    cursor = target.order + 1;
    lastLead = undefined;
    index = target.doc.content.indexOf(nodes[nodes.length - 1]!);
    insertAt = index >= 0 ? { siblings: target.doc.content, index: index + 1, after: target.rejected } : undefined;
    record((marker) => {
      const position = marker.offset < bodyStart ? 0 : merged.positions[marker.offset - bodyStart]!;
      // Each new paragraph break counts one character in the body's text (docToText separates paragraphs).
      const breaks = cuts.filter((cut) => cut <= position).length;
      return { kind: "body", target, offset: merged.chars.slice(0, position).reduce((sum, char) => sum + char.char.length, 0) + breaks };
    });
  }
  if (signerLabel) takeSigner(signerLabel, signer, log);
  log.push(...describeMoves(docx.paragraphs), ...describeFormatChanges(docx.paragraphs), ...(docx.unplaceable ?? []));
  const placed = placeComments(docx, starts, ends, options.existingComments ?? [], log);
  const edits = fieldEdits.edits();
  const placedFields = placeFieldEdits(copy, edits, options, log);
  const kinds = [...suggestionIds.values()].map((attrs) => attrs.kind);
  return {
    report: placedFields.report,
    comments: placed.comments,
    log,
    insertions: kinds.filter((kind) => kind === "insert").length,
    deletions: kinds.filter((kind) => kind === "delete").length,
    splits: kinds.filter((kind) => kind === "split").length,
    fieldEdits: edits,
    fieldChanges: placedFields.count,
    existingCommentCount: placed.existingCount,
    repliesToExisting: placed.repliesToExisting,
  };
}

function collectTargets(report: Report): { targets: Target[]; fields: PlainField[] } {
  const targets: Target[] = [];
  const firstTargets = new Map<string, number>();
  const add = (doc: RichDoc, sectionId: string | null, itemId: string | null) => {
    for (const paragraph of leafParagraphs(doc)) {
      const chars = reportChars(paragraph);
      const rejected = rejectedText(chars);
      if (rejected.trim()) targets.push({ order: targets.length, sectionId, itemId, doc, paragraph, chars, rejected, isUsed: false });
    }
  };
  add(report.opening, null, null);
  for (const section of report.sections) {
    firstTargets.set(section.id, targets.length);
    for (const item of section.items) {
      firstTargets.set(`${section.id}/${item.id}`, targets.length);
      add(item.body, section.id, item.id);
    }
  }
  const fields = collectPlainFields(report, (sectionId, itemId) => firstTargets.get(itemId ? `${sectionId}/${itemId}` : sectionId) ?? 0);
  return { targets, fields };
}

/**
 * The changes of a paragraph that prints a plain field: the field's own characters become its edit; changes to what
 * the exporter prints around it (numeral, "抄送：", the colon or full stop it adds) are logged, not imported.
 */
function takeFieldChanges(edits: PlainFieldEdits, match: ReturnType<typeof matchPlainField> & object, chars: readonly TrackedChar[], log: string[]): void {
  const { around, own } = splitPlainField(chars, match);
  const { label } = match.field;
  if (around.some((char) => char.kind === "insert" || char.kind === "delete"))
    log.push(`${label}“${excerpt(match.field.part)}”前后编号或标点的修订未导入（${describeChanges(around)}）：编号和标点由导出时自动生成。`);
  edits.add(match.field, own);
}

function leafParagraphs(node: RichNode): RichNode[] {
  if (node.type === "paragraph") return [node];
  return (node.content ?? []).flatMap(leafParagraphs);
}

/** Exact text first, then a paragraph that ends with it (a run-in heading or list numeral in front); from the cursor on, then anywhere. */
function findTarget(targets: Target[], rejected: string, cursor: number, allowsLead = true): Target | undefined {
  const ordered = [...targets.slice(cursor), ...targets.slice(0, cursor)].filter((target) => !target.isUsed);
  const exact = ordered.find((target) => target.rejected === rejected);
  if (exact || !allowsLead) return exact;
  return ordered.find(
    (target) => target.rejected.length >= 2 && rejected.endsWith(target.rejected) && [...rejected].length - [...target.rejected].length <= MAX_LEAD,
  );
}

/**
 * A paragraph whose mark the leader inserted (Enter pressed in 修订模式) is read joined with the next, the split's place
 * kept (`splits`): matched as one, it becomes a split suggestion there. When the next paragraph is all new text, or
 * this one is, it stays a paragraph of its own.
 */
function joinSplitParagraphs(docx: TrackedDocument): JoinedParagraph[] {
  const out: JoinedParagraph[] = [];
  let pending: JoinedParagraph | undefined;
  docx.paragraphs.forEach((paragraph, index) => {
    const markers = [
      ...docx.commentStarts.filter((point) => point.paragraph === index).map((point) => ({ commentId: point.commentId, isStart: true, offset: point.offset })),
      ...docx.commentEnds.filter((point) => point.paragraph === index).map((point) => ({ commentId: point.commentId, isStart: false, offset: point.offset })),
    ];
    const shift = pending?.chars.length ?? 0;
    const joined: JoinedParagraph = {
      chars: [...(pending?.chars ?? []), ...paragraph.chars],
      markers: [...(pending?.markers ?? []), ...markers.map((marker) => ({ ...marker, offset: marker.offset + shift }))],
      splits: [...(pending?.splits ?? [])],
    };
    // Enter at the end of a paragraph, then new text: the next paragraph is all inserted and stays a new paragraph.
    const next = docx.paragraphs[index + 1];
    const isNextNew = next !== undefined && !textOf(next.chars, ["normal", "delete"]).trim() && textOf(next.chars, ["insert"]).trim() !== "";
    // A paragraph that is all new text with its own new mark (typed at a paragraph's start, or moved here) stays one.
    const isNew = !textOf(joined.chars, ["normal", "delete"]).trim() && textOf(joined.chars, ["insert"]).trim() !== "";
    if (paragraph.markChange === "insert" && next && !isNextNew && !isNew) {
      // Enter inside a paragraph: read as one paragraph with a split after this part (a suggestSplit once placed).
      if (textOf(paragraph.chars, ["normal", "delete"]).trim() && paragraph.markChangeBy)
        joined.splits.push({ at: joined.chars.length, by: paragraph.markChangeBy });
      pending = joined;
      return;
    }
    // A deleted mark between two paragraphs that keep text: the leader joined them. The report keeps two paragraphs.
    const remains = (chars: readonly TrackedChar[]) => textOf(chars, ["normal", "insert"]).trim();
    if (paragraph.markChange === "delete" && next && remains(joined.chars) && remains(next.chars))
      joined.joinLog = `“${excerpt(remains(joined.chars))}”与下一段“${excerpt(remains(next.chars))}”合并为一段的修订未导入，两段仍分开。`;
    pending = undefined;
    out.push(joined);
  });
  if (pending) out.push(pending);
  return out;
}

/** A joined paragraph back as its Word paragraphs. */
function splitApart(paragraph: JoinedParagraph): JoinedParagraph[] {
  const bounds = [0, ...paragraph.splits.map((split) => split.at), paragraph.chars.length];
  return bounds.slice(0, -1).map((start, piece) => {
    const end = bounds[piece + 1]!;
    const isLast = piece === bounds.length - 2;
    return {
      chars: paragraph.chars.slice(start, end),
      markers: paragraph.markers
        .filter((marker) => marker.offset >= start && (marker.offset < end || (isLast && marker.offset === end)))
        .map((marker) => ({ ...marker, offset: marker.offset - start })),
      splits: [],
    };
  });
}

/** DOCX paragraphs read as one: Word paragraphs joined where the leader split one (an inserted paragraph mark). */
interface JoinedParagraph {
  chars: TrackedChar[];
  markers: Marker[];
  /** Where an inserted paragraph mark stood: before `chars[at]`, by whom. */
  splits: Array<{ at: number; by: { author: string; date: string; changeKey: string } }>;
  /** The paragraph's mark was deleted (joined with the next): said in the log. */
  joinLog?: string;
}

/** Where the next paragraph the leader added goes: before `siblings[index]` of a body. */
interface InsertionPoint {
  siblings: RichNode[];
  index: number;
  /** The text it follows, for the log. */
  after: string;
}

/** The start of the body a heading stands over: an item's, a part's only headless item's, the opening under 主送. */
function startOfBodyUnder(report: Report, field: PlainField): InsertionPoint | undefined {
  const { ref } = field;
  const section = "sectionId" in ref ? report.sections.find((candidate) => candidate.id === ref.sectionId) : undefined;
  const body =
    ref.field === "itemHeading"
      ? section?.items.find((item) => item.id === ref.itemId)?.body
      : ref.field === "sectionHeading" && section?.items[0] && !section.items[0].heading.trim()
        ? section.items[0].body
        : ref.field === "meta" && ref.key === "mainRecipient"
          ? report.opening
          : undefined;
  return body ? { siblings: body.content, index: 0, after: field.part } : undefined;
}

/**
 * A paragraph the leader added: a new paragraph of inserted text at the insertion point, which then moves past it
 * (two added paragraphs keep their order). An empty body's only empty paragraph is taken by it.
 */
function insertParagraph(at: InsertionPoint, chars: TrackedChar[], attrsFor: (char: TrackedChar) => SuggestionAttrs): "inserted" | "existing" | "failed" {
  const inserted = chars.filter((char) => char.kind === "insert");
  const text = textOf(inserted, ["insert"]);
  // Imported before: the same inserted paragraph already stands there.
  const next = at.siblings[at.index];
  const isSuggested = (node: RichNode) => reportChars(node).every((char) => char.marks.some((mark) => mark.type === "suggestInsert"));
  if (next && docToText(next) === text && isSuggested(next)) {
    at.index += 1;
    at.after = text;
    return "existing";
  }
  const paragraph: RichNode = { type: "paragraph", content: charsToContent(mergeParagraph([], inserted, attrsFor).chars) };
  const isEmptyBody = at.siblings.length === 1 && at.index === 0 && next?.type === "paragraph" && !next.content?.length;
  at.siblings.splice(at.index, isEmptyBody ? 1 : 0, paragraph);
  at.index += 1;
  at.after = text;
  return "inserted";
}

function placeComments(docx: TrackedDocument, starts: Map<string, Endpoint>, ends: Map<string, Endpoint>, existing: readonly string[], log: string[]) {
  const comments: PlacedComment[] = [];
  const repliesToExisting: Array<WordReply & { thread: number }> = [];
  let existingCount = 0;
  const byId = new Map(docx.comments.map((comment) => [comment.id, comment]));
  // Where each thread's first comment went: a placed comment, or an open thread of the report (its index).
  const threads = new Map<string, PlacedComment | number>();
  const rootOf = (comment: TrackedComment): TrackedComment => {
    const seen = new Set<string>();
    let root = comment;
    while (root.parentId && byId.has(root.parentId) && !seen.has(root.id)) {
      seen.add(root.id);
      root = byId.get(root.parentId)!;
    }
    return root;
  };
  const replies: TrackedComment[] = [];
  for (const comment of docx.comments) {
    if (!comment.text) continue;
    if (rootOf(comment) !== comment) {
      replies.push(comment);
      continue;
    }
    // The exported copy holds the thread's first comment; a re-imported Word comment is held by the thread it became.
    const existingIndex = existing.findIndex((body) => body.trim() && (comment.text.includes(body.trim()) || body.includes(comment.text)));
    if (existingIndex >= 0) {
      existingCount += 1;
      threads.set(comment.id, existingIndex);
      if (comment.isDone) log.push(`报告中的意见“${excerpt(comment.text)}”在 Word 中已标为已解决，报告中仍未关闭，请在意见列表中确认后关闭。`);
      continue;
    }
    if (comment.isDone) log.push(`${comment.author || "批注人"}的批注“${excerpt(comment.text)}”在 Word 中已标为已解决，仍作为意见导入，请确认后关闭。`);
    const start = starts.get(comment.id);
    const end = ends.get(comment.id);
    const base = { author: comment.author, date: comment.date, text: comment.text };
    if (start?.kind === "body" && start.target.sectionId !== null && start.target.itemId !== null) {
      const paragraphStart = offsetOf(start.target);
      const from = paragraphStart + start.offset;
      const paragraphEnd = paragraphStart + start.target.chars.reduce((sum, char) => sum + char.char.length, 0) + (start.target.breaks ?? 0);
      // A range over several paragraphs of one body keeps its end there; one that runs on into another item or a
      // heading ends with the paragraph it starts in, and the log says so.
      const isSameBody = end?.kind === "body" && end.target.doc === start.target.doc && end.target.order >= start.target.order;
      const to = isSameBody ? offsetOf(end.target) + end.offset : paragraphEnd;
      if (end && !isSameBody && !(end.kind === "body" && end.target === start.target))
        log.push(
          `${comment.author || "批注人"}的批注“${excerpt(comment.text)}”的范围从“${excerpt(start.target.rejected)}”延伸到${end.kind === "body" ? `另一条目的“${excerpt(end.target.rejected)}”` : end.kind === "heading" ? `${end.heading.label}“${excerpt(end.heading.part)}”` : "未能定位的段落"}，已只定位到起始段落。`,
        );
      const quote = docToText(start.target.doc).slice(from, Math.max(from, to)).slice(0, 500);
      comments.push({
        ...base,
        anchor: { sectionId: start.target.sectionId, itemId: start.target.itemId, field: "body", from, to: Math.max(from, to), quote },
      });
    } else if (start?.kind === "heading") {
      comments.push({ ...base, anchor: { ...anchorOf(start.heading.ref), from: null, to: null, quote: start.heading.part.slice(0, 500) } });
    } else {
      const quote = start?.kind === "body" ? start.target.rejected : start?.kind === "none" ? start.text : "";
      log.push(
        `${comment.author || "批注人"}的批注“${excerpt(comment.text)}”${quote ? `（批注处原文“${excerpt(quote)}”）` : ""}未能定位到条目，已作为全文意见导入。`,
      );
      comments.push({ ...base, anchor: { sectionId: null, itemId: null, field: null, from: null, to: null, quote: quote.slice(0, 500) } });
    }
    threads.set(comment.id, comments[comments.length - 1]!);
  }
  for (const reply of replies) {
    const thread = threads.get(rootOf(reply).id);
    const entry = { author: reply.author, date: reply.date, text: reply.text };
    if (typeof thread === "number") repliesToExisting.push({ ...entry, thread });
    else if (thread) thread.replies = [...(thread.replies ?? []), entry];
    else {
      log.push(`${reply.author || "批注人"}的回复“${excerpt(reply.text)}”所回复的批注没有内容，已作为全文意见导入。`);
      comments.push({ ...entry, anchor: { sectionId: null, itemId: null, field: null, from: null, to: null, quote: "" } });
    }
  }
  return { comments, existingCount, repliesToExisting };
}

/** The plain fields that have an open suggestion, as they print with it accepted (a leader accepted it in Word). */
function suggestedFieldsAccepted(report: Report): PlainField[] {
  const suggestions = liveFieldSuggestions(report);
  if (suggestions.length === 0) return [];
  const accepted = acceptedView(report);
  return collectPlainFields(accepted, () => 0).filter((field) => suggestions.some((suggestion) => sameFieldTarget(suggestion.target, field.ref)));
}

/**
 * The leader's field edits as field suggestions (one open suggestion per field, as the contract in
 * report-model/suggestions.ts says): a new one by the edit's first author; the report's own suggestion left as it
 * is when the DOCX shows it unchanged (the exported copy) and updated when its author changed it further; a change
 * by someone else on a field that already has a suggestion is logged, not imported.
 */
function placeFieldEdits(report: Report, edits: readonly PlainFieldEdit[], options: ApplyTrackedOptions, log: string[]): { report: Report; count: number } {
  let next = report;
  let count = 0;
  const authorOf = (name: string, date: string) => {
    const authorName = name.trim() || "Word 修订";
    return { authorId: options.authorIdFor?.(authorName) ?? wordAuthorId(authorName), authorName, at: isoTime(date, options.now) };
  };
  for (const edit of edits) {
    // The title's own line breaks do not print as such: it reads the same when only its whitespace differs.
    const isTitle = edit.ref.field === "meta" && edit.ref.key === "title";
    const same = (a: string, b: string) => (isTitle ? a.replace(/\s+/g, "") === b.replace(/\s+/g, "") : a === b);
    if (same(edit.to, edit.from)) continue;
    // The report schema's limit for the field: a longer suggestion could never be accepted.
    const limit = fieldMaxLength(edit.ref);
    if (edit.to.length > limit) {
      log.push(`${edit.label}“${excerpt(edit.from)}”改后超过${limit}字，修订未导入，请在编辑器中修改。`);
      continue;
    }
    const existing = findFieldSuggestion(next, edit.ref);
    const list = next.fieldSuggestions ?? [];
    if (!existing) {
      const first = edit.authors[0] ?? { name: edit.authorName, date: edit.date };
      const suggestion: FieldSuggestion = { id: options.newId(), ...authorOf(first.name, first.date), target: edit.ref, from: edit.from, to: edit.to };
      next = withFieldSuggestions(next, [...list, suggestion]);
      count += 1;
      continue;
    }
    // The exported copy of the report's own suggestion, unchanged.
    if (same(existing.to, edit.to)) continue;
    const other = edit.authors.find((author) => author.name.trim() !== existing.authorName) ?? { name: existing.authorName, date: edit.date };
    const author = authorOf(other.name, other.date);
    if (author.authorId !== existing.authorId) {
      log.push(
        `${edit.label}“${excerpt(edit.from)}”已有${existing.authorName}的修订（改为“${excerpt(existing.to)}”），${author.authorName}在 Word 中改为“${excerpt(edit.to)}”未导入：请先接受或拒绝已有的修订。`,
      );
      continue;
    }
    next = withFieldSuggestions(
      next,
      list.map((suggestion) => (suggestion === existing ? { ...suggestion, authorName: author.authorName, at: author.at, to: edit.to } : suggestion)),
    );
    count += 1;
  }
  return { report: next, count };
}

/** A comment on a plain field: on a part's or item's heading or lead, or (title, 主送, closing…) on the report as a whole. */
function anchorOf(ref: PlainFieldRef): Pick<PlacedComment["anchor"], "sectionId" | "itemId" | "field"> {
  if (ref.field === "sectionHeading") return { sectionId: ref.sectionId, itemId: null, field: "sectionHeading" };
  if (ref.field === "sectionLead") return { sectionId: ref.sectionId, itemId: null, field: "lead" };
  if (ref.field === "itemHeading") return { sectionId: ref.sectionId, itemId: ref.itemId, field: "itemHeading" };
  return { sectionId: null, itemId: null, field: null };
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

/**
 * A line that prints the 文号 and/or "签发人：name". The 文号 is the report's when it is the same number however it is
 * written (brackets, spaces, digit width, 第, runs, cell or text box): the leader's changes to it become the 文号's field
 * suggestion in the report's own writing, and a different writing is logged. The 签发人 is a 版头 setting, not a
 * suggestion: a change to it, or a name other than the report's, is logged. Returns where a comment on the line goes.
 */
function takeFrameLine(report: Report, fields: readonly PlainField[], edits: PlainFieldEdits, line: FrameLine, signer: string, log: string[]): Endpoint {
  const stored = report.meta.docNumber.trim();
  const before = textOf(line.number, ["normal", "delete"]).trim();
  const after = textOf(line.number, ["normal", "insert"]).trim();
  const isChanged = line.number.some((char) => char.kind === "insert" || char.kind === "delete");
  const field: PlainField = fields.find((candidate) => candidate.ref.field === "meta" && candidate.ref.key === "docNumber") ?? {
    ref: { field: "meta", key: "docNumber" },
    label: "发文字号",
    value: report.meta.docNumber,
    part: "",
    start: 0,
  };
  let endpoint: Endpoint =
    before || after ? { kind: "heading", heading: field } : { kind: "none", text: textOf([...line.label, ...line.signer], ["normal", "delete"]) };
  const isReports = stored !== "" && before !== "" && docNumberKey(before) === docNumberKey(stored);
  const changes = isChanged ? `（${describeChanges(line.number)}）` : "";
  const suggested = findFieldSuggestion(report, { field: "meta", key: "docNumber" });
  if (isReports) {
    const to = docNumberAfterChanges(stored, before, after);
    if (isChanged) edits.add(field, line.number, to);
    if (before !== stored)
      log.push(`文号在 Word 文件中写作“${before}”，与报告中的“${stored}”是同一文号${isChanged ? `，其中的修订按报告的写法导入为“${to}”` : "，报告未改动"}。`);
  } else if (before === "" && after !== "") {
    // The leader typed a 文号 where the file had none.
    edits.add(field, line.number, after);
    if (stored) log.push(`Word 文件中没有报告的文号“${stored}”，${authorsOf(line.number)}插入的“${after}”作为文号的修订导入。`);
  } else if (before !== "" && suggested && docNumberKey(before) === docNumberKey(suggested.to)) {
    log.push(
      `发文字号“${excerpt(before)}”是在 Word 中接受修订后的文字，报告中该修订仍待处理，请在修订列表中接受${isChanged ? `；其中新的修订未导入${changes}` : ""}。`,
    );
  } else if (before !== "") {
    endpoint = { kind: "none", text: before };
    log.push(
      stored
        ? `Word 文件中的文号“${before}”与报告中的“${stored}”不是同一文号，未导入${changes}：文号请在基本信息中修改。`
        : `Word 文件中有文号“${before}”，报告未填写文号，未导入${changes}：文号请在基本信息中填写。`,
    );
  }
  if (line.label.length > 0) takeSigner(line, signer, log);
  return endpoint;
}

/** The 签发人 of a 文号 line: a change to it, or a name that is not the report's, is logged (it is set under 版头与版记). */
function takeSigner(line: FrameLine, signer: string, log: string[]): void {
  const chars = [...line.label, ...line.signer];
  const before = textOf(line.signer, ["normal", "delete"]).trim();
  const after = textOf(line.signer, ["normal", "insert"]).trim();
  const where = "签发人请在“版头与版记”中修改";
  if (chars.some((char) => char.kind === "insert" || char.kind === "delete")) {
    const what =
      !textOf(line.label, ["normal", "delete"]).trim() || !before
        ? `添加签发人“${after}”`
        : after && textOf(line.label, ["normal", "insert"]).trim()
          ? `把签发人“${before}”改为“${after}”`
          : `删去签发人“${before}”`;
    log.push(`${authorsOf(chars)}在 Word 中${what}，未导入：${where}。`);
  } else if (!before && signer) log.push(`Word 文件中签发人一栏是空的，报告中为“${signer}”，未导入：${where}。`);
  else if (!sameName(before, signer))
    log.push(
      signer
        ? `Word 文件中的签发人为“${before}”，报告中为“${signer}”，未导入：${where}。`
        : `Word 文件中的签发人为“${before}”，报告未设签发人，未导入：${where}。`,
    );
  else if (before !== signer) log.push(`签发人在 Word 文件中写作“${before}”，与报告中的“${signer}”是同一人。`);
}

/** The 发文机关标志 line, or the 版记's “印发机关 … 年月日印发” line, as the export prints them. */
function isFramePrint(rejected: string, { agencyMark, imprintAgency }: Pick<ApplyTrackedOptions, "agencyMark" | "imprintAgency">): boolean {
  const text = rejected.replace(/\s+/g, "");
  if (agencyMark && text === agencyMark.replace(/\s+/g, "")) return true;
  return Boolean(imprintAgency && text.startsWith(imprintAgency.replace(/\s+/g, "")) && /印发$/.test(text));
}

/** A paragraph that is only a person's name (the cell after a "签发人：" cell). */
function isSignerName(chars: readonly TrackedChar[]): boolean {
  const name = textOf(chars, ["normal", "delete", "insert"]).trim();
  return name !== "" && [...name].length <= 20 && !/[。，；,;：:]/.test(name) && !readFrameLine(chars);
}

/** The authors of the changes among chars, "、"-joined ("Word 修订" for changes without an author). */
function authorsOf(chars: readonly TrackedChar[]): string {
  const names = new Set(chars.filter((char) => char.kind !== "normal").map((char) => char.author.trim() || "Word 修订"));
  return [...names].join("、") || "Word 修订";
}

/** Text inserted and deleted again in Word is in neither reading: logged, so nobody wonders where it went. */
function logCancelled(chars: readonly TrackedChar[], where: string, log: string[]): void {
  const groups = new Map<string, TrackedChar[]>();
  for (const char of chars) if (char.kind === "insertDeleted") groups.set(char.changeKey, [...(groups.get(char.changeKey) ?? []), char]);
  for (const group of groups.values()) {
    const first = group[0]!;
    const inserter = first.insertedBy?.trim() || "Word 修订";
    const deleter = first.author.trim() || "Word 修订";
    log.push(
      `“${excerpt(where)}”中的“${excerpt(group.map((char) => char.char).join(""))}”是${inserter}插入、${inserter === deleter ? "又" : `${deleter}`}删去的文字，两处修订相抵，未导入。`,
    );
  }
}

/**
 * Moved text (w:moveFrom / w:moveTo) is imported as a deletion where it was and an insertion where it went, each
 * placed with its paragraph: one line per move says so (the two halves of a move share its w:name).
 */
function describeMoves(paragraphs: readonly TrackedParagraph[]): string[] {
  const halves = { delete: new Map<string, { author: string; text: string }>(), insert: new Map<string, { author: string; text: string }>() };
  for (const char of paragraphs.flatMap((paragraph) => paragraph.chars)) {
    if (char.move === undefined || (char.kind !== "delete" && char.kind !== "insert")) continue;
    const key = char.move || char.changeKey;
    const half = halves[char.kind].get(key) ?? { author: char.author.trim() || "Word 修订", text: "" };
    half.text += char.char;
    halves[char.kind].set(key, half);
  }
  // The source's text names the move; a destination whose source is not in the file names its own.
  const moves = [...halves.delete.values(), ...[...halves.insert].filter(([key]) => !halves.delete.has(key)).map(([, half]) => half)];
  return moves.map(
    (move) => `${move.author}在 Word 中移动了“${excerpt(move.text)}”：已作为原处的删除和新处的插入两条修订导入（各随所在段落），请一并接受或拒绝。`,
  );
}

/** At most this many paragraphs are named one by one in the log of formatting changes. */
const MAX_FORMAT_LINES = 5;

/** Formatting changed in 修订模式 (w:rPrChange, w:pPrChange) is not a text change: the export sets the format. Logged. */
function describeFormatChanges(paragraphs: readonly TrackedParagraph[]): string[] {
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    const formatted = paragraph.chars.filter((char) => char.formatChange);
    if (formatted.length === 0 && !paragraph.formatChange) continue;
    const text = textOf(paragraph.chars, ["normal", "insert"]);
    const author = (formatted[0]?.formatChange ?? paragraph.formatChange)!.author.trim() || "Word 修订";
    const what =
      formatted.length > 0 ? `中“${excerpt(formatted.map((char) => char.char).join(""))}”的字体格式（加粗、字体、字号等）` : "的段落格式（对齐、缩进、行距等）";
    lines.push(`${author}在 Word 中修改了“${excerpt(text)}”${what}，未导入：报告只导入文字修订，格式由导出时统一设置。`);
  }
  if (lines.length <= MAX_FORMAT_LINES) return lines;
  return [...lines.slice(0, MAX_FORMAT_LINES), `另有 ${lines.length - MAX_FORMAT_LINES} 段的格式修改未导入。`];
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
