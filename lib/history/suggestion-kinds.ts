import {
  docToText,
  fieldTargetKey,
  liveFieldSuggestions,
  shownFieldText,
  suggestionPlace,
  type Report,
  type ReportSection,
  type RichDoc,
  type RichNode,
} from "@/lib/report-model";
import type { SectionComparison } from "@/lib/reuse/compare";
import { compareRevisions, type RevisionComparison } from "@/lib/reuse/compare-revisions";
import { diffText, type DiffOp } from "@/lib/reuse/text-diff";

/**
 * One character per UTF-16 unit of a text: "i" under a suggested insertion, "d" under a suggested deletion,
 * "b" on a suggested paragraph break (the line break after a suggestSplit), "." otherwise. Lets the history diff
 * colour suggested text the way the editor and the preview do.
 */
export type SuggestionKinds = string;

function kindOf(node: RichNode): "i" | "d" | "." {
  const types = new Set((node.marks ?? []).map((mark) => mark.type));
  // Suggested text someone then suggested deleting reads as deleted.
  return types.has("suggestDelete") ? "d" : types.has("suggestInsert") ? "i" : ".";
}

function maskText(node: RichNode): RichNode {
  if (node.type === "text") return { type: "text", text: kindOf(node).repeat((node.text ?? "").length) };
  return node.content ? { ...node, content: node.content.map(maskText) } : node;
}

/** The same walk with "s" on the last character of each text that carries a suggested break, "." elsewhere. */
function maskSplits(node: RichNode): RichNode {
  if (node.type === "text") {
    const length = (node.text ?? "").length;
    const isSplit = (node.marks ?? []).some((mark) => mark.type === "suggestSplit");
    return { type: "text", text: isSplit && length > 0 ? `${".".repeat(length - 1)}s` : ".".repeat(length) };
  }
  return node.content ? { ...node, content: node.content.map(maskSplits) } : node;
}

/** The kinds of `docToText(doc)`: the same walk over a copy whose texts are replaced by their kind letters. */
function docKinds(doc: RichDoc): SuggestionKinds {
  const kinds = docToText(maskText(doc)).replace(/[^id]/g, ".");
  const splits = docToText(maskSplits(doc));
  // The line break right after a suggested break's character is the suggested break itself.
  return [...kinds].map((kind, index) => (splits[index - 1] === "s" && splits[index] === "\n" ? "b" : kind)).join("");
}

/** The kinds of `sectionText(section)` (lead, then each item's heading and body, non-empty ones joined by "\n"). */
export function sectionSuggestionKinds(section: ReportSection | undefined): SuggestionKinds {
  if (!section) return "";
  const parts: Array<[string, SuggestionKinds]> = [[section.lead, ".".repeat(section.lead.length)]];
  for (const item of section.items) {
    parts.push([item.heading, ".".repeat(item.heading.length)]);
    parts.push([docToText(item.body), docKinds(item.body)]);
  }
  return parts
    .filter(([text]) => Boolean(text))
    .map(([, kinds]) => kinds)
    .join(".");
}

/** A field suggestion as the history shows it: where, by whom, and the text it proposes. */
export interface FieldSuggestionChange {
  key: string;
  place: string;
  authorName: string;
  from: string;
  to: string;
  /** "added": open in the newer revision only; "decided": open in the older only (accepted, rejected or withdrawn). */
  change: "added" | "changed" | "decided";
}

/** The field suggestions that differ between two revisions (older first). */
export function compareFieldSuggestions(older: Report, newer: Report): FieldSuggestionChange[] {
  const before = new Map(liveFieldSuggestions(older).map((suggestion) => [suggestion.id, suggestion]));
  const after = liveFieldSuggestions(newer);
  const changes: FieldSuggestionChange[] = [];
  const describe = (report: Report, suggestion: (typeof after)[number], change: FieldSuggestionChange["change"]): FieldSuggestionChange => ({
    key: `${fieldTargetKey(suggestion.target)}:${suggestion.id}`,
    place: suggestionPlace(report, suggestion.target),
    authorName: suggestion.authorName,
    // A date as the official reads it (2026年3月8日), any other text as it is.
    from: shownFieldText(suggestion.target, suggestion.from),
    to: shownFieldText(suggestion.target, suggestion.to),
    change,
  });
  for (const suggestion of after) {
    const previous = before.get(suggestion.id);
    if (!previous) changes.push(describe(newer, suggestion, "added"));
    else if (previous.to !== suggestion.to) changes.push(describe(newer, suggestion, "changed"));
    before.delete(suggestion.id);
  }
  for (const suggestion of before.values()) changes.push(describe(older, suggestion, "decided"));
  return changes;
}

/** A part's diff with, for each side's text, which characters are suggested insertions or deletions. */
export interface RevisionSectionDiff extends SectionComparison {
  suggestionKinds?: { previous: SuggestionKinds; current: SuggestionKinds };
}

/** A text's character diff with the suggestion kinds of each side. */
export interface TextDiffWithSuggestions {
  diff: DiffOp[];
  suggestionKinds?: { previous: SuggestionKinds; current: SuggestionKinds };
}

export interface RevisionContentDiff extends Omit<RevisionComparison, "sections"> {
  sections: RevisionSectionDiff[];
  /** The 导语, when its text or its suggestions changed. */
  opening?: TextDiffWithSuggestions;
  /** Suggestions on headings, leads, 基本信息 and the closing that were made, changed or decided in between. */
  fieldSuggestions?: FieldSuggestionChange[];
}

/** The history's comparison of two revisions (older first), with the suggestions each holds. */
export function compareRevisionContents(older: Report, newer: Report): RevisionContentDiff {
  const comparison = compareRevisions(older, newer);
  const findSection = (report: Report, id: string | null) => report.sections.find((section) => section.id === id);
  const sections = comparison.sections.map((section) => {
    const previous = sectionSuggestionKinds(findSection(older, section.previousSectionId));
    const current = sectionSuggestionKinds(findSection(newer, section.currentSectionId));
    return { ...section, suggestionKinds: { previous, current } };
  });
  const fieldSuggestions = compareFieldSuggestions(older, newer);
  const openingKinds = { previous: docKinds(older.opening), current: docKinds(newer.opening) };
  const [olderOpening, newerOpening] = [docToText(older.opening), docToText(newer.opening)];
  const opening =
    olderOpening !== newerOpening || openingKinds.previous !== openingKinds.current
      ? { diff: diffText(olderOpening, newerOpening), suggestionKinds: openingKinds }
      : undefined;
  const hasSuggestionChange = fieldSuggestions.length > 0 || sections.some((section) => section.suggestionKinds.previous !== section.suggestionKinds.current);
  return {
    ...comparison,
    isChanged: comparison.isChanged || hasSuggestionChange || opening !== undefined,
    sections,
    fieldSuggestions,
    ...(opening ? { opening } : {}),
  };
}
