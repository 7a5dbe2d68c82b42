import type { Report } from "@/lib/report-model";

import { CONFUSION_LEXICON, CONTEXT_WINDOW, type ConfusionEntry } from "../data/confusion-lexicon";
import { replaceFix, withRange } from "../finding";
import { quoted } from "../text/chars";
import { listFieldTexts } from "../text/report-fields";
import { enclosedRanges, isInRanges } from "../text/spans";
import type { Finding, Rule } from "../types";

const RULE_ID = "confusion-words";

// Entries by their first two characters (every wrong form has two or more), longest first: one pass over the
// text, a few candidates per position however large the lexicon, the longest wrong form wins at a position.
const BY_PREFIX = new Map<number, ConfusionEntry[]>();
const prefixKey = (text: string, at: number) => text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);
for (const entry of [...CONFUSION_LEXICON].sort((left, right) => right.wrong.length - left.wrong.length)) {
  const prefix = prefixKey(entry.wrong, 0);
  const bucket = BY_PREFIX.get(prefix);
  if (bucket) bucket.push(entry);
  else BY_PREFIX.set(prefix, [entry]);
}

function appliesInYear(entry: ConfusionEntry, year: number): boolean {
  return (entry.fromYear === undefined || year >= entry.fromYear) && (entry.toYear === undefined || year <= entry.toYear);
}

function appliesInContext(entry: ConfusionEntry, text: string, from: number): boolean {
  const before = text.slice(Math.max(0, from - CONTEXT_WINDOW), from);
  const after = text.slice(from + entry.wrong.length, from + entry.wrong.length + CONTEXT_WINDOW);
  if (entry.before && !entry.before.test(before)) return false;
  if (entry.notBefore?.test(before)) return false;
  if (entry.after && !entry.after.test(after)) return false;
  if (entry.notAfter?.test(after)) return false;
  return true;
}

/** Wrong forms of the lexicon in `text`, left to right, never overlapping. */
export function findConfusions(text: string, year: number): Array<{ entry: ConfusionEntry; from: number }> {
  const found: Array<{ entry: ConfusionEntry; from: number }> = [];
  let titles: Array<[number, number]> | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const candidates = index + 1 < text.length ? BY_PREFIX.get(prefixKey(text, index)) : undefined;
    if (!candidates) continue;
    for (const entry of candidates) {
      if (!text.startsWith(entry.wrong, index) || !appliesInYear(entry, year) || !appliesInContext(entry, text, index)) continue;
      if (entry.isAllowedInTitles) {
        titles ??= enclosedRanges(text, "《", "》");
        if (isInRanges(titles, index)) continue;
      }
      found.push({ entry, from: index });
      index += entry.wrong.length - 1;
      break;
    }
  }
  return found;
}

/** Proofreading: wrong word forms of the curated lexicon, each in the context that makes it wrong. */
export const confusionWordsRule: Rule = {
  id: RULE_ID,
  title: "错别字和误用词",
  check(report: Report): Finding[] {
    const findings: Finding[] = [];
    for (const { location, text } of listFieldTexts(report)) {
      for (const { entry, from } of findConfusions(text, report.meta.year)) {
        const to = from + entry.wrong.length;
        findings.push({
          ruleId: RULE_ID,
          severity: entry.severity,
          message: `${quoted(entry.wrong)}应为${quoted(entry.correct)}：${entry.reason}（依据：${entry.source}）。`,
          location: withRange(location, from, to),
          fix: replaceFix(`改为${quoted(entry.correct)}`, location, from, to, entry.correct),
        });
      }
    }
    return findings;
  },
};
