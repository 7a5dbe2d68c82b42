/** Bracket pairs whose content is a citation: titles 《》 and document numbers 〔2024〕, never rewritten or marked. */
const BRACKET_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["《", "》"],
  ["〈", "〉"],
  ["〔", "〕"],
  ["［", "］"],
  ["[", "]"],
];
const CLOSER_OF = new Map(BRACKET_PAIRS.map(([open, close]) => [open, close]));
const CLOSERS = new Set(BRACKET_PAIRS.map(([, close]) => close));

/**
 * Mask of the UTF-16 offsets that sit inside a closed citation bracket (brackets included).
 * An unclosed opener protects nothing, so one stray "《" cannot hide a whole paragraph.
 */
export function protectedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  const stack: Array<{ closer: string; at: number }> = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    const closer = CLOSER_OF.get(char);
    if (closer) {
      stack.push({ closer, at: index });
      continue;
    }
    if (!CLOSERS.has(char)) continue;
    const openIndex = findLastIndex(stack, (entry) => entry.closer === char);
    if (openIndex < 0) continue;
    const start = stack[openIndex]!.at;
    stack.length = openIndex;
    mask.fill(1, start, index + 1);
  }
  return mask;
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) if (predicate(items[index]!)) return index;
  return -1;
}

export function isRangeProtected(mask: Uint8Array, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) if (mask[index] === 1) return true;
  return false;
}
