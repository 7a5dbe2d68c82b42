import { isSameJson as same } from "./same-json";

/** Above this many differing blocks on a side, blocks are not matched one by one (the unit is a conflict). */
const MAX_MIDDLE = 1500;

/**
 * Three-way merge of block lists (the paragraphs, lists and tables of one body), diff3-style: where only
 * one side changed a run of blocks since the base, that side's run is taken. Returns null when both
 * changed the same run differently (the caller offers the whole unit as a conflict).
 */
export function mergeBlocks<T>(base: readonly T[], mine: readonly T[], theirs: readonly T[]): T[] | null {
  const keyOf = (value: T) => JSON.stringify(sortKeys(value));
  const [b, m, t] = [base.map(keyOf), mine.map(keyOf), theirs.map(keyOf)];
  const matchMine = matchToBase(b, m);
  const matchTheirs = matchToBase(b, t);
  if (!matchMine || !matchTheirs) return null;

  const result: T[] = [];
  let [bi, mi, ti] = [0, 0, 0];
  for (;;) {
    let stable = bi;
    while (stable < b.length && (matchMine[stable]! < 0 || matchTheirs[stable]! < 0)) stable += 1;
    const isEnd = stable >= b.length;
    const [me, te] = isEnd ? [m.length, t.length] : [matchMine[stable]!, matchTheirs[stable]!];
    const chunk = { base: b.slice(bi, stable), mine: m.slice(mi, me), theirs: t.slice(ti, te) };
    if (same(chunk.mine, chunk.base)) result.push(...theirs.slice(ti, te));
    else if (same(chunk.theirs, chunk.base) || same(chunk.mine, chunk.theirs)) result.push(...mine.slice(mi, me));
    else {
      // Neighbouring blocks rewritten in place (no block added or removed): merge them one by one.
      const length = chunk.base.length;
      if (chunk.mine.length !== length || chunk.theirs.length !== length) return null;
      for (let k = 0; k < length; k += 1) {
        if (chunk.mine[k] === chunk.base[k]) result.push(theirs[ti + k]!);
        else if (chunk.theirs[k] === chunk.base[k] || chunk.mine[k] === chunk.theirs[k]) result.push(mine[mi + k]!);
        else return null;
      }
    }
    if (isEnd) return result;
    result.push(mine[me]!);
    [bi, mi, ti] = [stable + 1, me + 1, te + 1];
  }
}

/** For each base index, the index of the same block in `side` along a longest common subsequence, or -1. */
function matchToBase(base: string[], side: string[]): number[] | null {
  const match = new Array<number>(base.length).fill(-1);
  let prefix = 0;
  while (prefix < base.length && prefix < side.length && base[prefix] === side[prefix]) {
    match[prefix] = prefix;
    prefix += 1;
  }
  let suffix = 0;
  while (suffix < base.length - prefix && suffix < side.length - prefix && base[base.length - 1 - suffix] === side[side.length - 1 - suffix]) {
    match[base.length - 1 - suffix] = side.length - 1 - suffix;
    suffix += 1;
  }
  const [rows, columns] = [base.length - prefix - suffix, side.length - prefix - suffix];
  if (rows === 0 || columns === 0) return match;
  if (rows > MAX_MIDDLE || columns > MAX_MIDDLE) return null;
  // Longest common subsequence of the differing middle, walked back from the end.
  const table = Array.from({ length: rows + 1 }, () => new Uint16Array(columns + 1));
  for (let i = rows - 1; i >= 0; i -= 1) {
    for (let j = columns - 1; j >= 0; j -= 1) {
      table[i]![j] = base[prefix + i] === side[prefix + j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  let [i, j] = [0, 0];
  while (i < rows && j < columns) {
    if (base[prefix + i] === side[prefix + j]) {
      match[prefix + i] = prefix + j;
      i += 1;
      j += 1;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i += 1;
    else j += 1;
  }
  return match;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!value || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => [key, sortKeys(record[key])]),
  );
}
