import { z } from "zod";

import { formatChineseDate } from "./numerals";
import type { Report } from "./report";
import { suggestionAttrsSchema, type SuggestionAttrs } from "./rich-text";

/** The meta fields that may carry a suggestion: the plain-text ones and the 成文日期 (not 年度 or 是否公开). */
export const SUGGESTIBLE_META_KEYS = ["agency", "title", "mainRecipient", "copyTo", "signature", "docNumber", "date"] as const;
export type SuggestibleMetaKey = (typeof SUGGESTIBLE_META_KEYS)[number];

/**
 * The report's own 版头/版记 fields that may carry a suggestion (report.frame; not 附件 or 加盖印章). Their text is
 * the report's override: "" reads as "follows the agency profile", and accepting "" leaves the field to it again.
 */
export const SUGGESTIBLE_FRAME_KEYS = ["agencyMark", "signer", "imprintAgency", "imprintDate"] as const;
export type SuggestibleFrameKey = (typeof SUGGESTIBLE_FRAME_KEYS)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the field holds a date (YYYY-MM-DD or ""): its suggestion must be one too, and is shown as 2026年3月8日. */
export function isDateField(target: FieldTarget): boolean {
  return (target.field === "meta" && target.key === "date") || (target.field === "frame" && target.key === "imprintDate");
}

const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** Which plain-text field a suggestion changes. */
export const fieldTargetSchema = z.discriminatedUnion("field", [
  z.object({ field: z.literal("meta"), key: z.enum(SUGGESTIBLE_META_KEYS) }).strict(),
  z.object({ field: z.literal("frame"), key: z.enum(SUGGESTIBLE_FRAME_KEYS) }).strict(),
  z.object({ field: z.literal("closing") }).strict(),
  z.object({ field: z.literal("sectionHeading"), sectionId: idSchema }).strict(),
  z.object({ field: z.literal("sectionLead"), sectionId: idSchema }).strict(),
  z.object({ field: z.literal("itemHeading"), sectionId: idSchema, itemId: idSchema }).strict(),
]);
export type FieldTarget = z.infer<typeof fieldTargetSchema>;

/** The longest text each field takes (as the report schema allows), so an accepted suggestion always fits. */
export function fieldMaxLength(target: FieldTarget): number {
  switch (target.field) {
    case "meta":
      return META_MAX_LENGTHS[target.key];
    case "frame":
      return FRAME_MAX_LENGTHS[target.key];
    case "sectionLead":
      return 5000;
    default:
      return 200;
  }
}
const META_MAX_LENGTHS: Record<SuggestibleMetaKey, number> = {
  agency: 100,
  title: 200,
  mainRecipient: 200,
  copyTo: 300,
  signature: 100,
  docNumber: 60,
  date: 10,
};
const FRAME_MAX_LENGTHS: Record<SuggestibleFrameKey, number> = { agencyMark: 30, signer: 20, imprintAgency: 60, imprintDate: 10 };

/** A field's value as the official reads it: a date field as 2026年3月8日, any other text as it is. */
export function shownFieldText(target: FieldTarget, value: string): string {
  return isDateField(target) ? formatChineseDate(value) || value : value;
}

/** One suggested replacement of a plain-text field's whole value; see the contract in suggestions.ts. */
export const fieldSuggestionSchema = suggestionAttrsSchema
  .extend({
    target: fieldTargetSchema,
    /** The field's text when the suggestion was made (what rejecting keeps). */
    from: z.string().max(5000),
    /** The suggested text (what accepting writes into the field). */
    to: z.string().max(5000),
  })
  .strict()
  .refine((suggestion) => suggestion.to.length <= fieldMaxLength(suggestion.target), { message: "修订后的文字超过该处的字数上限", path: ["to"] })
  .refine((suggestion) => !isDateField(suggestion.target) || suggestion.to === "" || ISO_DATE.test(suggestion.to), {
    message: "修订后的日期格式应为 YYYY-MM-DD",
    path: ["to"],
  });
export type FieldSuggestion = SuggestionAttrs & { target: FieldTarget; from: string; to: string };

export const MAX_FIELD_SUGGESTIONS = 500;

/** Two targets name the same field. */
export function sameFieldTarget(a: FieldTarget, b: FieldTarget): boolean {
  if (a.field !== b.field) return false;
  switch (a.field) {
    case "meta":
    case "frame":
      return a.key === (b as typeof a).key;
    case "closing":
      return true;
    case "sectionHeading":
    case "sectionLead":
      return a.sectionId === (b as typeof a).sectionId;
    case "itemHeading":
      return a.sectionId === (b as typeof a).sectionId && a.itemId === (b as typeof a).itemId;
  }
}

/** A stable string key of a target ("meta.title", "item.s1.i2.heading"), for maps, DOM ids and tests. */
export function fieldTargetKey(target: FieldTarget): string {
  switch (target.field) {
    case "meta":
      return `meta.${target.key}`;
    case "frame":
      return `frame.${target.key}`;
    case "closing":
      return "closing";
    case "sectionHeading":
      return `section.${target.sectionId}.heading`;
    case "sectionLead":
      return `section.${target.sectionId}.lead`;
    case "itemHeading":
      return `item.${target.sectionId}.${target.itemId}.heading`;
  }
}

/** The field's current stored text, or undefined when its part or item no longer exists. */
export function readField(report: Report, target: FieldTarget): string | undefined {
  switch (target.field) {
    case "meta":
      return report.meta[target.key];
    case "frame":
      return report.frame?.[target.key] ?? "";
    case "closing":
      return report.closing;
    case "sectionHeading":
      return report.sections.find((section) => section.id === target.sectionId)?.heading;
    case "sectionLead":
      return report.sections.find((section) => section.id === target.sectionId)?.lead;
    case "itemHeading":
      return report.sections.find((section) => section.id === target.sectionId)?.items.find((item) => item.id === target.itemId)?.heading;
  }
}

/** The report with the field set to `text` (a new report; unknown parts or items leave it unchanged). */
export function writeField(report: Report, target: FieldTarget, text: string): Report {
  switch (target.field) {
    case "meta":
      return { ...report, meta: { ...report.meta, [target.key]: text } };
    case "frame": {
      // "" gives the field back to the agency profile, as an empty field of the 版头与版记 form does.
      const frame: NonNullable<Report["frame"]> = { ...report.frame };
      if (text.trim()) frame[target.key] = text.trim();
      else delete frame[target.key];
      const next: Report = { ...report, frame };
      if (Object.keys(frame).length === 0) delete next.frame;
      return next;
    }
    case "closing":
      return { ...report, closing: text };
    case "sectionHeading":
    case "sectionLead": {
      const key = target.field === "sectionHeading" ? "heading" : "lead";
      return { ...report, sections: report.sections.map((section) => (section.id === target.sectionId ? { ...section, [key]: text } : section)) };
    }
    case "itemHeading":
      return {
        ...report,
        sections: report.sections.map((section) =>
          section.id === target.sectionId
            ? { ...section, items: section.items.map((item) => (item.id === target.itemId ? { ...item, heading: text } : item)) }
            : section,
        ),
      };
  }
}

/** The open suggestion on a field, if any (there is at most one per field). */
export function findFieldSuggestion(report: Report, target: FieldTarget): FieldSuggestion | undefined {
  return report.fieldSuggestions?.find((suggestion) => sameFieldTarget(suggestion.target, target));
}

/**
 * The report after `author` typed `text` into a field in suggestion mode: the field keeps its text and the
 * author's suggestion on it is created, updated (new `to` and `at`) or withdrawn (typed back to the original).
 * Returns null when another author's suggestion is open on the field: that one must be accepted or rejected first.
 */
export function suggestFieldText(
  report: Report,
  { target, text, author, newId }: { target: FieldTarget; text: string; author: Omit<SuggestionAttrs, "id">; newId: () => string },
): Report | null {
  const original = readField(report, target);
  if (original === undefined) return null;
  const existing = findFieldSuggestion(report, target);
  if (existing && existing.authorId !== author.authorId) return null;
  const others = (report.fieldSuggestions ?? []).filter((suggestion) => suggestion !== existing);
  if (text === original) return withFieldSuggestions(report, others);
  const suggestion: FieldSuggestion = existing
    ? { ...existing, authorName: author.authorName, at: author.at, to: text }
    : { id: newId(), ...author, target, from: original, to: text };
  const list = existing ? (report.fieldSuggestions ?? []).map((item) => (item === existing ? suggestion : item)) : [...others, suggestion];
  return withFieldSuggestions(report, list);
}

/** The report with this list of field suggestions; an empty list removes the key, as a report without any has none. */
export function withFieldSuggestions(report: Report, list: FieldSuggestion[]): Report {
  const next: Report = { ...report, fieldSuggestions: list };
  if (list.length === 0) delete next.fieldSuggestions;
  return next;
}

/**
 * One suggestion per field after two lists were merged (two people suggested on one field at the same time):
 * the entry already `stored` stays. A newer entry by the same author is rebased on it (the stored id and `from`,
 * the newer text and time); one by another author is set aside, for the window to show its author, never saved.
 */
export function settleFieldSuggestions(
  merged: readonly FieldSuggestion[],
  stored: readonly FieldSuggestion[],
): { kept: FieldSuggestion[]; setAside: FieldSuggestion[] } {
  const storedIds = new Set(stored.map((suggestion) => suggestion.id));
  const kept: FieldSuggestion[] = [];
  const setAside: FieldSuggestion[] = [];
  // Stored entries first, so the one that reached the server first is the one each field keeps.
  const ordered = [...merged.filter((entry) => storedIds.has(entry.id)), ...merged.filter((entry) => !storedIds.has(entry.id))];
  for (const suggestion of ordered) {
    const index = kept.findIndex((entry) => sameFieldTarget(entry.target, suggestion.target));
    if (index < 0) kept.push(suggestion);
    else if (kept[index]!.authorId === suggestion.authorId)
      kept[index] = { ...kept[index]!, authorName: suggestion.authorName, at: suggestion.at, to: suggestion.to };
    else setAside.push(suggestion);
  }
  // The merged order (the stored list's, then new entries) is kept for what stays.
  const keptIds = new Set(kept.map((entry) => entry.id));
  const byId = new Map(kept.map((entry) => [entry.id, entry]));
  return { kept: merged.filter((entry) => keptIds.has(entry.id)).map((entry) => byId.get(entry.id)!), setAside };
}

/** Fields that hold more than one open suggestion (each field's key once); a coherent report has none. */
export function fieldsWithSeveralSuggestions(report: Report): string[] {
  const seen = new Set<string>();
  const several = new Set<string>();
  for (const suggestion of liveFieldSuggestions(report)) {
    const key = fieldTargetKey(suggestion.target);
    if (seen.has(key)) several.add(key);
    seen.add(key);
  }
  return [...several];
}

/** Field suggestions whose part or item still exists (a removed item takes its heading's suggestion with it). */
export function liveFieldSuggestions(report: Report): FieldSuggestion[] {
  return (report.fieldSuggestions ?? []).filter((suggestion) => readField(report, suggestion.target) !== undefined);
}

export type TextDiffPart = { kind: "equal" | "insert" | "delete"; text: string };

/** Largest table the character diff builds; longer changes show as one deletion and one insertion. */
const MAX_DIFF_CELLS = 250_000;

/**
 * The character diff from `from` to `to` (code points, so no surrogate is split): how a field suggestion is shown
 * in colour and exported as w:del/w:ins. Common prefix and suffix first, then the longest common subsequence.
 */
export function diffFieldText(from: string, to: string): TextDiffPart[] {
  const a = Array.from(from);
  const b = Array.from(to);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const parts: TextDiffPart[] = [];
  const push = (kind: TextDiffPart["kind"], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push("equal", a.slice(0, start).join(""));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if ((midA.length + 1) * (midB.length + 1) > MAX_DIFF_CELLS) {
    push("delete", midA.join(""));
    push("insert", midB.join(""));
  } else {
    for (const part of lcsDiff(midA, midB)) push(part.kind, part.text);
  }
  push("equal", a.slice(endA).join(""));
  return parts;
}

function lcsDiff(a: string[], b: string[]): TextDiffPart[] {
  const width = b.length + 1;
  // lengths[i * width + j]: the LCS length of a[i:] and b[j:].
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const out: TextDiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: "equal", text: a[i]! });
      i += 1;
      j += 1;
    } else if (j < b.length && (i === a.length || lengths[i * width + j + 1]! >= lengths[(i + 1) * width + j]!)) {
      out.push({ kind: "insert", text: b[j]! });
      j += 1;
    } else {
      out.push({ kind: "delete", text: a[i]! });
      i += 1;
    }
  }
  // Deletions before insertions within each changed run, as Word shows a replacement.
  const merged: TextDiffPart[] = [];
  let pendingDelete = "";
  let pendingInsert = "";
  const flush = () => {
    if (pendingDelete) merged.push({ kind: "delete", text: pendingDelete });
    if (pendingInsert) merged.push({ kind: "insert", text: pendingInsert });
    pendingDelete = "";
    pendingInsert = "";
  };
  for (const part of out) {
    if (part.kind === "equal") {
      flush();
      merged.push(part);
    } else if (part.kind === "delete") pendingDelete += part.text;
    else pendingInsert += part.text;
  }
  flush();
  return merged;
}
