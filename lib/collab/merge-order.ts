/**
 * Three-way merge of an ordering of unique ids. `keep` is the merged membership.
 * When only one side reordered the ids both sides share, its order wins; otherwise the server's
 * (theirs). Ids only one side has are placed after their predecessor on that side.
 */
export function mergeOrder(base: readonly string[] | null, mine: readonly string[], theirs: readonly string[], keep: ReadonlySet<string>): string[] {
  const isMineMoved = base !== null && isReordered(base, mine);
  const isTheirsMoved = base !== null && isReordered(base, theirs);
  const [primary, secondary] = isMineMoved && !isTheirsMoved ? [mine, theirs] : [theirs, mine];
  const result = primary.filter((id) => keep.has(id));
  const placed = new Set(result);
  placeFrom(secondary, result, placed, keep);
  if (base) placeFrom(base, result, placed, keep);
  return result;
}

function placeFrom(source: readonly string[], result: string[], placed: Set<string>, keep: ReadonlySet<string>) {
  source.forEach((id, index) => {
    if (!keep.has(id) || placed.has(id)) return;
    let at = 0;
    for (let previous = index - 1; previous >= 0; previous -= 1) {
      const position = result.indexOf(source[previous]!);
      if (position >= 0) {
        at = position + 1;
        break;
      }
    }
    result.splice(at, 0, id);
    placed.add(id);
  });
}

/** Whether the ids both lists hold appear in a different relative order. */
function isReordered(base: readonly string[], side: readonly string[]): boolean {
  const inSide = new Set(side);
  const inBase = new Set(base);
  const a = base.filter((id) => inSide.has(id));
  const b = side.filter((id) => inBase.has(id));
  return a.some((id, index) => id !== b[index]);
}
