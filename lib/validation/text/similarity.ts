const SKIPPED = /[\s\p{P}\p{S}]/u;
// Reports use a few thousand distinct characters; remembering the answer avoids a regex test per character.
const skippedCache = new Map<string, boolean>();

function isSkipped(char: string): boolean {
  let skipped = skippedCache.get(char);
  if (skipped === undefined) {
    skipped = SKIPPED.test(char);
    if (skippedCache.size < 20_000) skippedCache.set(char, skipped);
  }
  return skipped;
}

/** Counts of adjacent character pairs, ignoring spaces and punctuation. */
export function bigramCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  let previous = "";
  for (const char of text) {
    if (isSkipped(char)) continue;
    if (previous) {
      const bigram = previous + char;
      counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
    }
    previous = char;
  }
  return counts;
}

function total(counts: Map<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

/** Dice coefficient of two bigram multisets, 0..1; linear in the texts' length. */
export function bigramSimilarity(left: string, right: string): number {
  const leftCounts = bigramCounts(left);
  const rightCounts = bigramCounts(right);
  const size = total(leftCounts) + total(rightCounts);
  if (size === 0) return 0;
  let shared = 0;
  for (const [bigram, count] of leftCounts) shared += Math.min(count, rightCounts.get(bigram) ?? 0);
  return (2 * shared) / size;
}

/** Share of `needle`'s distinct bigrams that occur in `haystack` (0..1). */
export function bigramCoverage(needle: Map<string, number>, haystack: Map<string, number>): number {
  if (needle.size === 0) return 1;
  let found = 0;
  for (const bigram of needle.keys()) if (haystack.has(bigram)) found += 1;
  return found / needle.size;
}
