import type { RichMark, RichNode, SuggestionAttrs } from "@/lib/report-model";

import type { TrackedChar } from "./types";

/** One character of a report paragraph with its marks; a hard break is "\n". */
export interface ReportChar {
  char: string;
  marks: RichMark[];
  isBreak: boolean;
}

export function reportChars(paragraph: RichNode): ReportChar[] {
  return (paragraph.content ?? []).flatMap<ReportChar>((node) => {
    if (node.type === "hardBreak") return [{ char: "\n", marks: node.marks ?? [], isBreak: true }];
    if (node.type !== "text") return [];
    return [...(node.text ?? "")].map((char) => ({ char, marks: node.marks ?? [], isBreak: false }));
  });
}

export function suggestionOf(char: ReportChar, type: "suggestInsert" | "suggestDelete"): SuggestionAttrs | undefined {
  const mark = char.marks.find((candidate) => candidate.type === type);
  return mark && "attrs" in mark ? mark.attrs : undefined;
}

/** The paragraph as it reads with every suggestion rejected: what a reviewed DOCX shows without its insertions. */
export function rejectedText(chars: readonly ReportChar[]): string {
  return chars
    .filter((char) => !suggestionOf(char, "suggestInsert"))
    .map((char) => char.char)
    .join("");
}

export interface MergeResult {
  chars: ReportChar[];
  /** For each index of the DOCX chars (and one past the end): the index in `chars` it landed at. */
  positions: number[];
  /** Inserted line breaks are not taken over (a suggestion cannot split a line); their count. */
  skippedBreaks: number;
  /** Characters of the report's suggested insertions that the DOCX shows deleted again (kept in the report). */
  withdrawnInsertions: number;
  /** Text inserted and deleted again in Word (not a suggestion of the report): in neither reading, so not taken. */
  cancelled: TrackedChar[];
}

/**
 * Lays the DOCX's tracked changes over the report paragraph, character by character. Both read the same with
 * insertions left out (the caller checked). The report's own suggestions that the DOCX still shows are kept as
 * they are; a new w:ins becomes suggestInsert text, a new w:del a suggestDelete mark on the report's text.
 * Where the DOCX no longer shows one of the report's suggestions, the report keeps it: nothing is dropped.
 */
export function mergeParagraph(report: readonly ReportChar[], docx: readonly TrackedChar[], attrsFor: (char: TrackedChar) => SuggestionAttrs): MergeResult {
  const chars: ReportChar[] = [];
  const positions: number[] = [];
  let skippedBreaks = 0;
  let withdrawnInsertions = 0;
  const cancelled: TrackedChar[] = [];
  let r = 0;
  let d = 0;
  while (r < report.length || d < docx.length) {
    const mine = report[r];
    const theirs = docx[d];
    if (theirs && positions.length === d) positions.push(chars.length);
    const existingInsert = mine ? suggestionOf(mine, "suggestInsert") : undefined;
    if (mine && existingInsert) {
      const isSame = theirs?.char === mine.char && (theirs.kind === "insert" || theirs.kind === "insertDeleted");
      if (isSame && (theirs.author === "" || theirs.kind === "insertDeleted" || theirs.author === existingInsert.authorName)) {
        // Deleting someone's suggested insertion in Word is a decision on it: the report keeps it for the 修订 list.
        if (theirs.kind === "insertDeleted") withdrawnInsertions += 1;
        d += 1;
      }
      chars.push(mine);
      r += 1;
      continue;
    }
    if (theirs?.kind === "insertDeleted") {
      cancelled.push(theirs);
      d += 1;
      continue;
    }
    if (theirs?.kind === "insert") {
      if (theirs.char === "\n") skippedBreaks += 1;
      else chars.push({ char: theirs.char, marks: [{ type: "suggestInsert", attrs: attrsFor(theirs) }], isBreak: false });
      d += 1;
      continue;
    }
    if (!mine || !theirs) break;
    const isNewDelete = theirs.kind === "delete" && !suggestionOf(mine, "suggestDelete");
    chars.push(isNewDelete ? { ...mine, marks: [...mine.marks, { type: "suggestDelete", attrs: attrsFor(theirs) }] } : mine);
    r += 1;
    d += 1;
  }
  while (positions.length <= docx.length) positions.push(chars.length);
  return { chars, positions, skippedBreaks, withdrawnInsertions, cancelled };
}

/** Text and hard-break nodes of merged characters; neighbours with the same marks share one text node. */
export function charsToContent(chars: readonly ReportChar[]): RichNode[] {
  const nodes: RichNode[] = [];
  for (const char of chars) {
    if (char.isBreak) {
      nodes.push({ type: "hardBreak", ...(char.marks.length > 0 ? { marks: char.marks } : {}) });
      continue;
    }
    const last = nodes[nodes.length - 1];
    if (last?.type === "text" && JSON.stringify(last.marks ?? []) === JSON.stringify(char.marks)) last.text = (last.text ?? "") + char.char;
    else nodes.push({ type: "text", text: char.char, ...(char.marks.length > 0 ? { marks: char.marks } : {}) });
  }
  return nodes;
}
