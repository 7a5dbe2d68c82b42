import { docToText, type ReportItem } from "@/lib/report-model";

import { bigramCounts, diceSimilarity } from "@/lib/text/similarity";

/** Below this two headings are different work, not the same item reworded. */
export const MIN_PAIR_SIMILARITY = 0.34;
const BODY_SAMPLE = 400;

export interface ItemPair {
  previous: ReportItem | null;
  current: ReportItem | null;
  /** Heading (or, for unheaded items, opening text) similarity, 0…1; 0 when one side is missing. */
  score: number;
}

function matchKey(item: ReportItem): Map<string, number> {
  const heading = item.heading.trim();
  return bigramCounts(heading || docToText(item.body).slice(0, BODY_SAMPLE), { numbers: "ignore" });
}

/**
 * Pairs last year's items with this year's: same id first (revisions of one report), then the most
 * similar headings greedily. Output follows the current order, with unpaired old items where they stood.
 */
export function pairItems(previous: readonly ReportItem[], current: readonly ReportItem[]): ItemPair[] {
  const partnerOfCurrent = new Map<number, { index: number; score: number }>();
  const pairedPrevious = new Set<number>();
  const previousIndexById = new Map(previous.map((item, index) => [item.id, index]));
  current.forEach((item, index) => {
    const previousIndex = previousIndexById.get(item.id);
    if (previousIndex === undefined) return;
    partnerOfCurrent.set(index, { index: previousIndex, score: diceSimilarity(matchKey(previous[previousIndex]!), matchKey(item)) });
    pairedPrevious.add(previousIndex);
  });

  const previousKeys = previous.map(matchKey);
  const currentKeys = current.map(matchKey);
  const candidates: Array<{ previousIndex: number; currentIndex: number; score: number }> = [];
  currentKeys.forEach((currentKey, currentIndex) => {
    if (partnerOfCurrent.has(currentIndex)) return;
    previousKeys.forEach((previousKey, previousIndex) => {
      if (pairedPrevious.has(previousIndex)) return;
      const score = diceSimilarity(previousKey, currentKey);
      if (score >= MIN_PAIR_SIMILARITY) candidates.push({ previousIndex, currentIndex, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.currentIndex - b.currentIndex);
  for (const candidate of candidates) {
    if (partnerOfCurrent.has(candidate.currentIndex) || pairedPrevious.has(candidate.previousIndex)) continue;
    partnerOfCurrent.set(candidate.currentIndex, { index: candidate.previousIndex, score: candidate.score });
    pairedPrevious.add(candidate.previousIndex);
  }

  const pairs: ItemPair[] = [];
  let nextUnpaired = 0;
  const flushUnpairedBefore = (limit: number) => {
    for (; nextUnpaired < limit; nextUnpaired += 1) {
      if (!pairedPrevious.has(nextUnpaired)) pairs.push({ previous: previous[nextUnpaired]!, current: null, score: 0 });
    }
  };
  current.forEach((item, index) => {
    const partner = partnerOfCurrent.get(index);
    if (partner) flushUnpairedBefore(partner.index);
    pairs.push({ previous: partner ? previous[partner.index]! : null, current: item, score: partner?.score ?? 0 });
  });
  flushUnpairedBefore(previous.length);
  return pairs;
}
