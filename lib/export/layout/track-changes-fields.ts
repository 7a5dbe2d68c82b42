import {
  diffFieldText,
  findFieldSuggestion,
  liveFieldSuggestions,
  readField,
  writeField,
  type FieldSuggestion,
  type FieldTarget,
  type Report,
  type SuggestibleFrameKey,
} from "@/lib/report-model";

import type { PrintableChange, PrintableInline } from "./types";

/**
 * The report's open field suggestions (headings, a part's lead, title, 主送, 落款, 抄送, 文号, 结束语) as the
 * printed text with tracked changes: what the field prints now, with the suggestion's deleted characters as
 * deletions and its new ones as insertions (`diffFieldText`), so the DOCX writes them as w:del/w:ins. Read back,
 * the text without the insertions is the field's and the text without the deletions the suggestion's.
 * A field that is empty now and has a suggestion prints the suggested text, all of it inserted: the layout lays out
 * `withSuggestedEmptyFields(report)` and takes the changes from `fieldChangesOf(report)`.
 */
export interface FieldChanges {
  /** `{ inlines }` for a one-line field with a suggestion; `print` turns a value into the printed text (numeral, colon…). */
  inlinesFor(target: FieldTarget, print: (value: string) => string): { inlines?: PrintableInline[] };
  /** `{ headingInlines }` for a run-in heading with a suggestion. */
  runInFor(target: FieldTarget, print: (value: string) => string): { headingInlines?: PrintableInline[] };
  /** `{ lineInlines }` for the title's balanced lines, when the title has a suggestion. */
  titleFor(lines: readonly string[]): { lineInlines?: PrintableInline[][] };
  /**
   * For each printed line of a part's lead (its non-empty lines), the line with the suggestion; a line the suggestion
   * adds is an inserted line break and text at the end of the line before it. Undefined without a suggestion, or
   * when the suggestion joins lines or writes into an empty line (then the lead prints as it is: the suggestion stays
   * in the report and shows in the editor).
   */
  leadLines(sectionId: string): PrintableInline[][] | undefined;
}

/** Whether the field prints nothing now and its open suggestion gives it text. */
function isAddedText(value: string, suggestion: FieldSuggestion): boolean {
  return !value.trim() && Boolean(suggestion.to.trim());
}

/**
 * The report with every empty field that has an open suggestion holding the suggested text, so the layout prints a
 * block (heading, lead, 文号, title, 主送, closing, 署名, 抄送) where accepting the suggestion would put one.
 */
export function withSuggestedEmptyFields(report: Report): Report {
  let shown = report;
  for (const suggestion of liveFieldSuggestions(report)) {
    if (isAddedText(readField(report, suggestion.target) ?? "", suggestion)) shown = writeField(shown, suggestion.target, suggestion.to);
  }
  return shown;
}

export function fieldChangesOf(report: Report): FieldChanges {
  const open = (target: FieldTarget): { suggestion: FieldSuggestion; value: string } | undefined => {
    const suggestion = report.fieldSuggestions ? findFieldSuggestion(report, target) : undefined;
    const value = suggestion ? readField(report, target) : undefined;
    return suggestion && value !== undefined ? { suggestion, value } : undefined;
  };
  const inlines = (target: FieldTarget, print: (value: string) => string): PrintableInline[] | undefined => {
    const found = open(target);
    if (!found) return undefined;
    // A field empty now prints as a whole insertion, its numeral or colon too: rejecting takes the line away.
    if (isAddedText(found.value, found.suggestion)) return insertedInlines(print(found.suggestion.to), changeOf(found.suggestion));
    const [from, to] = [print(found.value), print(found.suggestion.to)];
    return from.trim() && from !== to ? diffInlines(from, to, changeOf(found.suggestion)) : undefined;
  };
  return {
    inlinesFor(target, print) {
      const result = inlines(target, print);
      return result ? { inlines: result } : {};
    },
    runInFor(target, print) {
      const result = inlines(target, print);
      return result ? { headingInlines: result } : {};
    },
    titleFor(lines) {
      const found = open({ field: "meta", key: "title" });
      if (found && isAddedText(found.value, found.suggestion)) return { lineInlines: lines.map((line) => insertedInlines(line, changeOf(found.suggestion))) };
      const flat = lines.join("");
      // The balanced lines of a title typed in two lines join without the line break.
      if (!found || !flat || (flat !== normalizeTitle(found.value) && flat !== withoutBreaks(found.value))) return {};
      const to = flat === normalizeTitle(found.value) ? normalizeTitle(found.suggestion.to) : withoutBreaks(found.suggestion.to);
      return flat === to ? {} : { lineInlines: splitAtLines(diffInlines(flat, to, changeOf(found.suggestion)), lines) };
    },
    leadLines(sectionId) {
      const found = open({ field: "sectionLead", sectionId });
      if (!found) return undefined;
      if (isAddedText(found.value, found.suggestion)) {
        const change = changeOf(found.suggestion);
        return found.suggestion.to.split(/\r?\n/).flatMap((line) => (line.trim() ? [insertedInlines(line.trim(), change)] : []));
      }
      const fromLines = found.value.split(/\r?\n/);
      const toLines = found.suggestion.to.split(/\r?\n/);
      const isSameShape = fromLines.length === toLines.length && fromLines.every((line, index) => !line.trim() === !toLines[index]!.trim());
      const change = changeOf(found.suggestion);
      if (!isSameShape) return leadWithNewLines(found.value, found.suggestion.to, change);
      return fromLines.flatMap((line, index) => (line.trim() ? [diffInlines(line.trim(), toLines[index]!.trim(), change)] : []));
    },
  };
}

/**
 * A 版头/版记 field (签发人 …) with the report's own open suggestion on it: the text it prints now (`printed`, the
 * report's choice over the agency profile's) against the text it prints once accepted (`accepted`, resolved the same
 * way), as tracked changes. Undefined without a suggestion or when accepting prints the same text.
 */
export function frameFieldInlines(report: Report, key: SuggestibleFrameKey, printed: string, accepted: string | undefined): PrintableInline[] | undefined {
  const suggestion = report.fieldSuggestions ? findFieldSuggestion(report, { field: "frame", key }) : undefined;
  const after = accepted?.trim() ?? "";
  if (!suggestion || accepted === undefined || after === printed) return undefined;
  return printed ? diffInlines(printed, after, changeOf(suggestion)) : insertedInlines(after, changeOf(suggestion));
}

function changeOf(suggestion: FieldSuggestion): Omit<PrintableChange, "kind"> {
  return { id: suggestion.id, authorName: suggestion.authorName, at: suggestion.at };
}

function insertedInlines(text: string, change: Omit<PrintableChange, "kind">): PrintableInline[] {
  return [{ kind: "text", text, isBold: false, isItalic: false, change: { kind: "insert", ...change } }];
}

function diffInlines(from: string, to: string, change: Omit<PrintableChange, "kind">): PrintableInline[] {
  return diffFieldText(from, to).map((part) => ({
    kind: "text",
    text: part.text,
    isBold: false,
    isItalic: false,
    ...(part.kind === "equal" ? {} : { change: { kind: part.kind, ...change } }),
  }));
}

type DiffChar = { kind: "equal" | "delete" | "insert"; char: string };

/**
 * A lead whose suggestion adds lines: the diff of the whole lead cut at the old text's line breaks, each printed
 * line (trimmed, as the lead prints) with its changes and an added line break as an inserted break. Undefined when
 * the suggestion deletes a line break or writes into a line that does not print (an empty one).
 */
function leadWithNewLines(from: string, to: string, change: Omit<PrintableChange, "kind">): PrintableInline[][] | undefined {
  if (from.includes("\r") || to.includes("\r")) return undefined;
  const lines: DiffChar[][] = [[]];
  for (const part of diffFieldText(from, to)) {
    for (const char of part.text) {
      if (char === "\n" && part.kind === "equal") lines.push([]);
      else if (char === "\n" && part.kind === "delete") return undefined;
      else lines[lines.length - 1]!.push({ kind: part.kind, char });
    }
  }
  const out: PrintableInline[][] = [];
  for (const [index, line] of from.split("\n").entries()) {
    const chars = lines[index] ?? [];
    const trimmed = line.trim();
    if (!trimmed) {
      if (chars.some((char) => char.kind === "insert")) return undefined;
      continue;
    }
    // The characters of the trimmed line and the insertions from its first character to just after its last.
    const start = [...line.slice(0, line.indexOf(trimmed))].length;
    const end = start + [...trimmed].length;
    let position = 0;
    const kept: DiffChar[] = [];
    for (const char of chars) {
      if (char.kind === "insert" ? position >= start && position <= end : position >= start && position < end) kept.push(char);
      if (char.kind !== "insert") position += 1;
    }
    out.push(toInlines(kept, change));
  }
  return out;
}

function toInlines(chars: readonly DiffChar[], change: Omit<PrintableChange, "kind">): PrintableInline[] {
  const inlines: PrintableInline[] = [];
  for (const { kind, char } of chars) {
    const changeOfKind = kind === "equal" ? {} : { change: { kind, ...change } };
    if (char === "\n") {
      inlines.push({ kind: "break", ...changeOfKind });
      continue;
    }
    const last = inlines[inlines.length - 1];
    if (last?.kind === "text" && (last.change?.kind ?? "equal") === kind) last.text += char;
    else inlines.push({ kind: "text", text: char, isBold: false, isItalic: false, ...changeOfKind });
  }
  return inlines;
}

function withoutBreaks(title: string): string {
  return title.replace(/\r?\n/g, "").trim();
}

/** The title as `balanceTitleLines` reads it before breaking it into lines. */
function normalizeTitle(title: string): string {
  return title.trim().replace(/\s+/g, " ");
}

/**
 * Inlines over the joined lines, cut where each line of the old text ends; an insertion at a line's end stays on
 * that line.
 */
function splitAtLines(inlines: readonly PrintableInline[], lines: readonly string[]): PrintableInline[][] {
  const ends: number[] = [];
  let total = 0;
  for (const line of lines) ends.push((total += [...line].length));
  const out: PrintableInline[][] = lines.map(() => []);
  let line = 0;
  let position = 0;
  for (const inline of inlines) {
    if (inline.kind !== "text") continue;
    const isOld = inline.change?.kind !== "insert";
    let text = "";
    for (const char of inline.text) {
      if (isOld && position >= ends[line]! && line < lines.length - 1) {
        if (text) out[line]!.push({ ...inline, text });
        text = "";
        line += 1;
      }
      text += char;
      if (isOld) position += 1;
    }
    if (text) out[line]!.push({ ...inline, text });
  }
  return out;
}
