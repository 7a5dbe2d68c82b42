import { fieldTargetKey, type FieldTarget, type Report } from "@/lib/report-model";

import type { TrackedChar } from "./types";

/** A plain-text field of the report (not a rich body): what a DOCX heading, lead line or closing line prints. */
export type PlainFieldRef = FieldTarget;

/** One printed piece of a plain field: the whole field, or one line of a part's lead. */
export interface PlainField {
  ref: PlainFieldRef;
  /** What it is, for the log ("条目标题"). */
  label: string;
  /** The stored value of the field. */
  value: string;
  /** The text the DOCX prints for this piece, without numeral, added colon or line breaks. */
  part: string;
  /** Where `part` sits in `value`; -1 when it is the value with its line breaks taken out (the title). */
  start: number;
  /** First body target of the part or item (a heading moves the body matching there). */
  firstTarget?: number;
}

/** What the exporter and a leader's own document put around a plain field: a numeral, "抄送：", a closing colon or full stop. */
const PRINTED_PREFIX = /^\s*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|抄送[：:])?\s*$/;
const PRINTED_SUFFIX = /^[：:。]?\s*$/;

/**
 * The printed pieces of the report's plain fields. `targetIndex` gives, for a part or item, the index of its first
 * body paragraph among the matching targets (so a matched heading moves the body matching there).
 */
export function collectPlainFields(report: Report, targetIndex: (sectionId: string, itemId?: string) => number): PlainField[] {
  const fields: PlainField[] = [];
  const piece = (ref: PlainFieldRef, label: string, value: string, part: string, firstTarget?: number) => {
    if (part) fields.push({ ref, label, value, part, start: value.indexOf(part), ...(firstTarget === undefined ? {} : { firstTarget }) });
  };
  const whole = (ref: PlainFieldRef, label: string, value: string, firstTarget?: number) => piece(ref, label, value, value.trim(), firstTarget);
  const { meta } = report;
  // The title prints in balanced lines with w:br between them; a line break typed in it falls at one of them.
  const title = meta.title.replace(/\r?\n/g, "").trim();
  if (title) fields.push({ ref: { field: "meta", key: "title" }, label: "报告标题", value: meta.title, part: title, start: -1 });
  whole({ field: "meta", key: "docNumber" }, "发文字号", meta.docNumber);
  // 主送 prints with one full-width colon, 抄送 as "抄送：…。": the stored value may carry its own.
  piece(
    { field: "meta", key: "mainRecipient" },
    "主送机关",
    meta.mainRecipient,
    meta.mainRecipient
      .trim()
      .replace(/[：:]+$/, "")
      .trim(),
  );
  whole({ field: "meta", key: "signature" }, "落款", meta.signature);
  whole({ field: "closing" }, "结束语", report.closing);
  piece(
    { field: "meta", key: "copyTo" },
    "抄送",
    meta.copyTo,
    meta.copyTo
      .trim()
      .replace(/^抄送[：:]\s*/, "")
      .replace(/[。.；;，,]+$/, ""),
  );
  for (const section of report.sections) {
    const firstTarget = targetIndex(section.id);
    whole({ field: "sectionHeading", sectionId: section.id }, "部分标题", section.heading, firstTarget);
    let offset = 0;
    for (const line of section.lead.split("\n")) {
      const part = line.replace(/\r$/, "").trim();
      if (part)
        fields.push({
          ref: { field: "sectionLead", sectionId: section.id },
          label: "部分导语",
          value: section.lead,
          part,
          start: offset + line.indexOf(part),
          firstTarget,
        });
      offset += line.length + 1;
    }
    for (const item of section.items)
      whole({ field: "itemHeading", sectionId: section.id, itemId: item.id }, "条目标题", item.heading, targetIndex(section.id, item.id));
  }
  return fields;
}

/** Where `part` stands in a DOCX paragraph's text (insertions left out, line breaks removed), with what is printed around it. */
export interface PlainFieldMatch {
  field: PlainField;
  prefixLength: number;
}

/** The plain field a DOCX paragraph prints, preferring one not yet matched; undefined when it prints none. */
export function matchPlainField(fields: readonly PlainField[], rejected: string, used: ReadonlySet<PlainField>): PlainFieldMatch | undefined {
  const text = rejected.replace(/\n/g, "");
  let fallback: PlainFieldMatch | undefined;
  for (const field of fields) {
    const match = locate(text, field);
    if (!match) continue;
    if (!used.has(field)) return match;
    fallback ??= match;
  }
  return fallback;
}

/** The field as a run-in heading ("（一）加强组织领导。" before the first body paragraph): the whole lead text must print it. */
export function matchRunInHeading(field: PlainField | undefined, leadText: string): PlainFieldMatch | undefined {
  return field ? locate(leadText.replace(/\n/g, ""), field) : undefined;
}

function locate(text: string, field: PlainField): PlainFieldMatch | undefined {
  let at = text.indexOf(field.part);
  while (at >= 0) {
    if (PRINTED_PREFIX.test(text.slice(0, at)) && PRINTED_SUFFIX.test(text.slice(at + field.part.length)))
      return { field, prefixLength: [...text.slice(0, at)].length };
    at = text.indexOf(field.part, at + 1);
  }
  return undefined;
}

/** A paragraph's characters split into the printed numeral/punctuation around a field and the field's own text. */
export interface SplitPlainField {
  around: TrackedChar[];
  own: TrackedChar[];
}

/**
 * Splits the characters of a plain field's paragraph at the field's text. Unchanged and deleted characters count
 * (line breaks do not: the title's lines are the exporter's); an insertion at either edge of the field's text
 * belongs to it (a word added at the end of a heading, before the full stop the exporter adds).
 */
export function splitPlainField(chars: readonly TrackedChar[], match: PlainFieldMatch): SplitPlainField {
  const partLength = [...match.field.part].length;
  const around: TrackedChar[] = [];
  const own: TrackedChar[] = [];
  let position = 0;
  let previous: { char: TrackedChar; isOwn: boolean } | undefined;
  for (const char of chars) {
    const counts = (char.kind === "normal" || char.kind === "delete") && char.char !== "\n";
    // Typed right after a deleted numeral, an insertion replaces the numeral ("一、" → "二、").
    const continuesAround = previous !== undefined && !previous.isOwn && previous.char.kind !== "normal";
    const isOwn = counts
      ? position >= match.prefixLength && position < match.prefixLength + partLength
      : position >= match.prefixLength && position <= match.prefixLength + partLength && !(position === match.prefixLength && continuesAround);
    (isOwn ? own : around).push(char);
    previous = { char, isOwn };
    if (counts) position += 1;
  }
  return { around, own };
}

/** A leader's change to one plain field: its value before and after, by the author of its first change. */
export interface PlainFieldEdit {
  ref: PlainFieldRef;
  label: string;
  from: string;
  to: string;
  authorName: string;
  /** w:date of its first change ("" when it has none). */
  date: string;
  /** Every author of its changes with the date of their first change, in document order. */
  authors: Array<{ name: string; date: string }>;
  /** The Word changes (w:ins / w:del) it was made of. */
  changeKeys: string[];
}

/** Collects the changed pieces of plain fields and puts together each field's value after the leader's changes. */
export class PlainFieldEdits {
  private readonly pieces = new Map<string, Array<{ field: PlainField; own: TrackedChar[]; to?: string }>>();

  /**
   * Adds a piece whose characters carry changes; false (nothing added) when they do not. `to`: the field's whole
   * value after the changes when the caller worked it out (the 文号, kept in the report's own writing).
   */
  add(field: PlainField, own: readonly TrackedChar[], to?: string): boolean {
    if (!own.some((char) => char.kind !== "normal")) return false;
    const key = fieldTargetKey(field.ref);
    const list = this.pieces.get(key) ?? [];
    list.push({ field, own: [...own], ...(to === undefined ? {} : { to }) });
    this.pieces.set(key, list);
    return true;
  }

  edits(): PlainFieldEdit[] {
    return [...this.pieces.values()].map((pieces) => {
      const { field } = pieces[0]!;
      let to = field.value;
      // A line break inserted into a lead line is a new line of the lead; elsewhere line breaks are the exporter's.
      const keepsBreaks = field.ref.field === "sectionLead";
      const given = pieces[pieces.length - 1]!.to;
      if (given !== undefined) to = given;
      else if (field.start < 0) to = acceptedText(pieces[pieces.length - 1]!.own, keepsBreaks);
      else {
        // Later pieces first, so earlier offsets stay valid (a lead with changes in two lines).
        const ordered = [...new Map(pieces.map((piece) => [piece.field.start, piece])).values()].sort((a, b) => b.field.start - a.field.start);
        for (const piece of ordered)
          to = to.slice(0, piece.field.start) + acceptedText(piece.own, keepsBreaks) + to.slice(piece.field.start + piece.field.part.length);
      }
      // A suggested insertion deleted again in Word counts too: its deleter changed the field.
      const changes = pieces.flatMap((piece) => piece.own).filter((char) => char.kind !== "normal");
      const first = changes[0]!;
      const authors = new Map<string, { name: string; date: string }>();
      for (const char of changes) if (!authors.has(char.author)) authors.set(char.author, { name: char.author, date: char.date });
      return {
        ref: field.ref,
        label: field.label,
        from: field.value,
        to,
        authorName: first.author,
        date: first.date,
        authors: [...authors.values()],
        changeKeys: [...new Set(changes.map((char) => char.changeKey))],
      };
    });
  }
}

/** The text as it reads with the changes accepted; a line break is the exporter's (the title's lines) unless inserted into a lead. */
function acceptedText(chars: readonly TrackedChar[], keepsInsertedBreaks: boolean): string {
  return chars
    .filter((char) => (char.kind === "normal" || char.kind === "insert") && (char.char !== "\n" || (keepsInsertedBreaks && char.kind === "insert")))
    .map((char) => char.char)
    .join("");
}
