/** A piece of a character diff: text both share, or text only the old one has (delete) or only the new one (insert). */
export interface DiffPiece {
  kind: "same" | "delete" | "insert";
  text: string;
}

/** Above this many cells the middle is written as one deletion and one insertion instead of a longest common subsequence. */
const MAX_DIFF_CELLS = 1_000_000;

/**
 * The change from `from` to `to` character by character (code points), as a leader's Word would show it after
 * typing over a heading: the shared start and end unchanged, the middle as the fewest deletions and insertions
 * (longest common subsequence; a deletion before the insertion it is replaced by). Joined, the "same" and
 * "delete" pieces give `from`, the "same" and "insert" pieces `to`.
 */
export function diffChars(from: string, to: string): DiffPiece[] {
  const a = [...from];
  const b = [...to];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  const middleA = a.slice(start, a.length - end);
  const middleB = b.slice(start, b.length - end);
  const pieces: DiffPiece[] = [];
  const push = (kind: DiffPiece["kind"], text: string) => {
    if (!text) return;
    const last = pieces[pieces.length - 1];
    if (last?.kind === kind) last.text += text;
    else pieces.push({ kind, text });
  };
  push("same", a.slice(0, start).join(""));
  if (middleA.length * middleB.length > MAX_DIFF_CELLS || middleA.length === 0 || middleB.length === 0) {
    push("delete", middleA.join(""));
    push("insert", middleB.join(""));
  } else {
    for (const piece of commonSubsequenceDiff(middleA, middleB)) push(piece.kind, piece.text);
  }
  push("same", a.slice(a.length - end).join(""));
  return pieces;
}

function commonSubsequenceDiff(a: string[], b: string[]): DiffPiece[] {
  const columns = b.length + 1;
  // lengths[i * columns + j]: longest common subsequence of a[i..] and b[j..].
  const lengths = new Uint32Array((a.length + 1) * columns);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * columns + j] = a[i] === b[j] ? lengths[(i + 1) * columns + j + 1]! + 1 : Math.max(lengths[(i + 1) * columns + j]!, lengths[i * columns + j + 1]!);
    }
  }
  const pieces: DiffPiece[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted) pieces.push({ kind: "delete", text: deleted });
    if (inserted) pieces.push({ kind: "insert", text: inserted });
    deleted = "";
    inserted = "";
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      pieces.push({ kind: "same", text: a[i]! });
      i += 1;
      j += 1;
    } else if (j >= b.length || (i < a.length && lengths[(i + 1) * columns + j]! >= lengths[i * columns + j + 1]!)) {
      deleted += a[i]!;
      i += 1;
    } else {
      inserted += b[j]!;
      j += 1;
    }
  }
  flush();
  return pieces;
}
