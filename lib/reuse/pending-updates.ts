import { docToText, newId, type PendingUpdate, type ReportItem } from "@/lib/report-model";

import { findStaleTokens } from "./find-stale-figures";

/** The schema keeps at most this many marks per item; the rest of a very long body goes unmarked. */
export const MAX_PENDING_PER_ITEM = 500;
const MAX_PENDING_TEXT = 100;

/** One "待更新" mark per distinct year or figure of `text`, in order of first appearance. */
export function buildPendingUpdates(text: string): PendingUpdate[] {
  const seen = new Set<string>();
  const updates: PendingUpdate[] = [];
  for (const token of findStaleTokens(text)) {
    if (seen.has(token.text) || token.text.length > MAX_PENDING_TEXT) continue;
    seen.add(token.text);
    updates.push({ id: newId("p"), text: token.text, kind: token.kind });
    if (updates.length >= MAX_PENDING_PER_ITEM) break;
  }
  return updates;
}

export interface PendingRange {
  pendingId: string;
  from: number;
  to: number;
}

const NUMERAL = /[0-9.零〇一二三四五六七八九十百千万两]/;

/** Occurrences of `needle` that do not continue a longer number ("3件" is not inside "13件"). */
function findStandalone(text: string, needle: string): number[] {
  const starts: number[] = [];
  const guardsLeft = NUMERAL.test(needle[0] ?? "");
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    if (guardsLeft && at > 0 && NUMERAL.test(text[at - 1]!) && isSameScript(text[at - 1]!, needle[0]!)) continue;
    starts.push(at);
  }
  return starts;
}

function isSameScript(a: string, b: string): boolean {
  return /[0-9.]/.test(a) === /[0-9.]/.test(b);
}

/** Offsets index `text` exactly as given (for bodies, `docToText(item.body)`). */
export function findPendingRangesInText(text: string, pendingUpdates: readonly PendingUpdate[]): PendingRange[] {
  const ranges: PendingRange[] = [];
  for (const pending of pendingUpdates) {
    for (const from of findStandalone(text, pending.text)) ranges.push({ pendingId: pending.id, from, to: from + pending.text.length });
  }
  return ranges.sort((a, b) => a.from - b.from || a.to - b.to);
}

/** Marks of `pendingUpdates` whose text still stands in `text`. */
export function keepPresentPendingUpdates(text: string, pendingUpdates: readonly PendingUpdate[]): PendingUpdate[] {
  return pendingUpdates.filter((pending) => findStandalone(text, pending.text).length > 0);
}

/** Ranges in `docToText(item.body)` of each pending mark whose text is still present. */
export function findPendingRanges(item: ReportItem): PendingRange[] {
  return findPendingRangesInText(docToText(item.body), item.pendingUpdates);
}

/** Drops the marks whose text no longer appears in the body: the official has rewritten it. */
export function clearResolvedPendingUpdates(item: ReportItem): ReportItem {
  const kept = keepPresentPendingUpdates(docToText(item.body), item.pendingUpdates);
  return kept.length === item.pendingUpdates.length ? item : { ...item, pendingUpdates: kept };
}

/** The official confirmed the carried figure is still right this year: the mark goes. */
export function confirmPendingUpdate(item: ReportItem, pendingId: string): ReportItem {
  const kept = item.pendingUpdates.filter((pending) => pending.id !== pendingId);
  return kept.length === item.pendingUpdates.length ? item : { ...item, pendingUpdates: kept };
}
