/** One run of an edit script: `equal` consumes both sides, `delete` the old side, `insert` the new side. */
export interface EditRun {
  op: "equal" | "delete" | "insert";
  length: number;
}

/** Work left for a diff: each diagonal step and each matched token costs one. Shared across calls. */
export interface DiffBudget {
  remaining: number;
}

/** Caps the stored trace (D²/2 integers) at about 32 MB whatever the budget. */
const MAX_EDIT_DISTANCE = 4000;

/**
 * Myers' O(ND) greedy shortest edit script between two token arrays, or undefined when it would cost
 * more than the budget. Keeps each step's furthest points so the path can be walked back.
 */
export function myersDiff(a: Int32Array, b: Int32Array, budget: DiffBudget): EditRun[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(max, MAX_EDIT_DISTANCE); d += 1) {
    for (let k = -d; k <= d; k += 2) {
      const isDown = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = isDown ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      const start = x;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      budget.remaining -= 1 + (x - start);
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(snapshot(v, offset, d));
        return walkBack(trace, n, m);
      }
    }
    trace.push(snapshot(v, offset, d));
    if (budget.remaining < 0) return undefined;
  }
  return undefined;
}

/** Furthest x of diagonals -d, -d+2 … d after step d, at index (k + d) / 2. */
function snapshot(v: Int32Array, offset: number, d: number): Int32Array {
  const points = new Int32Array(d + 1);
  for (let k = -d, index = 0; k <= d; k += 2, index += 1) points[index] = v[offset + k]!;
  return points;
}

function walkBack(trace: Int32Array[], n: number, m: number): EditRun[] {
  const reversed: EditRun[] = [];
  const push = (op: EditRun["op"], length: number) => {
    if (length <= 0) return;
    const last = reversed[reversed.length - 1];
    if (last && last.op === op) last.length += length;
    else reversed.push({ op, length });
  };
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d -= 1) {
    const previous = trace[d - 1]!;
    const at = (k: number) => previous[(k + d - 1) / 2]!;
    const k = x - y;
    const isDown = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = isDown ? k + 1 : k - 1;
    const previousX = at(previousK);
    const middleX = isDown ? previousX : previousX + 1;
    push("equal", x - middleX);
    push(isDown ? "insert" : "delete", 1);
    x = previousX;
    y = previousX - previousK;
  }
  push("equal", x);
  return reversed.reverse();
}
