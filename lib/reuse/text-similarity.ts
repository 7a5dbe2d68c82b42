/** Punctuation, spaces and numbering carry no meaning for matching plans to measures. */
const NOISE = /[\s\p{P}\p{S}]+/gu;
const NUMBERS = /[0-9０-９]+(?:\.[0-9]+)?/g;

/** Text reduced to what matters for comparing wording: no punctuation, every number as "#". */
export function normalizeForMatching(text: string): string {
  return text.replace(NUMBERS, "#").replace(NOISE, "");
}

/** Distinct character bigrams of the normalized text (a single character counts as its own gram). */
export function bigramSet(text: string): Set<string> {
  const chars = Array.from(normalizeForMatching(text));
  const grams = new Set<string>();
  if (chars.length === 1) grams.add(chars[0]!);
  for (let index = 0; index + 1 < chars.length; index += 1) grams.add(chars[index]! + chars[index + 1]!);
  return grams;
}

/** Dice coefficient of two bigram sets, 0…1; two empty texts are identical. */
export function diceOfSets(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

export function textSimilarity(a: string, b: string): number {
  return diceOfSets(bigramSet(a), bigramSet(b));
}
