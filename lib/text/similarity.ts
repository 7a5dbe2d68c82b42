/**
 * Character-bigram similarity of Chinese text, the one implementation for reuse and validation.
 * Spaces, punctuation and symbols never count. Numbers count as written (`numbers: "count"`: an updated
 * figure is updated content) or not at all (`numbers: "ignore"`: texts of different years are matched,
 * and their figures differ by construction).
 */
export interface BigramOptions {
  numbers: "count" | "ignore";
}

const NOISE = /[\s\p{P}\p{S}]/u;
const NUMBER_RUN = /[0-9０-９]+(?:\.[0-9]+)?/g;
// Reports use a few thousand distinct characters; remembering the answer avoids a regex test per character.
const noiseCache = new Map<string, boolean>();

function isNoise(char: string): boolean {
  let noise = noiseCache.get(char);
  if (noise === undefined) {
    noise = NOISE.test(char);
    if (noiseCache.size < 20_000) noiseCache.set(char, noise);
  }
  return noise;
}

/**
 * Counts of adjacent character pairs (a multiset), linear in the text's length; a text of one meaningful
 * character counts that character as its gram, so it can still match.
 */
export function bigramCounts(text: string, options: BigramOptions): Map<string, number> {
  const source = options.numbers === "ignore" ? text.replace(NUMBER_RUN, "") : text;
  const counts = new Map<string, number>();
  let previous = "";
  let characters = 0;
  for (const char of source) {
    if (isNoise(char)) continue;
    characters += 1;
    if (previous) {
      const bigram = previous + char;
      counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
    }
    previous = char;
  }
  if (characters === 1) counts.set(previous, 1);
  return counts;
}

function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

/**
 * Dice coefficient of two bigram multisets, 0…1: twice the shared pairs over all pairs. A pair repeated in
 * one text is shared only as often as the other text has it, so long texts of one genre do not look alike
 * merely for sharing the genre's common pairs. Two texts without pairs are identical (1).
 */
export function diceSimilarity(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const size = total(a) + total(b);
  if (size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [bigram, count] of small) shared += Math.min(count, large.get(bigram) ?? 0);
  return (2 * shared) / size;
}

/** Dice similarity of two texts (see `bigramCounts` for the options). */
export function textSimilarity(a: string, b: string, options: BigramOptions): number {
  return diceSimilarity(bigramCounts(a, options), bigramCounts(b, options));
}

/** Share of `needle`'s distinct pairs that occur in `haystack`, 0…1 (an empty needle is covered). */
export function bigramCoverage(needle: ReadonlyMap<string, number>, haystack: ReadonlyMap<string, number>): number {
  if (needle.size === 0) return 1;
  let found = 0;
  for (const bigram of needle.keys()) if (haystack.has(bigram)) found += 1;
  return found / needle.size;
}
