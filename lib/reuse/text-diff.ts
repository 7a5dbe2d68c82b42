import { diffArrays } from "diff";

export interface DiffOp {
  op: "equal" | "insert" | "delete";
  text: string;
}

/** Work left for a diff, in token comparisons (edit distance × tokens); shared across calls. */
interface DiffBudget {
  remaining: number;
}

/** One run of an edit script: `equal` consumes both sides, `delete` the old side, `insert` the new side. */
interface EditRun {
  op: "equal" | "delete" | "insert";
  length: number;
}

/** Caps the edit distance searched whatever the budget (the search keeps O(D²) state). */
const MAX_EDIT_DISTANCE = 4000;

/**
 * Shortest edit script between two token arrays (jsdiff's Myers implementation), or undefined when it would
 * cost more than the budget: the edit distance searched is bounded by what the budget affords for this size.
 */
function editScript<T>(a: T[], b: T[], budget: DiffBudget): EditRun[] | undefined {
  const size = Math.max(1, a.length + b.length);
  const maxEditLength = Math.min(MAX_EDIT_DISTANCE, Math.floor(budget.remaining / size));
  if (maxEditLength < Math.abs(a.length - b.length)) return undefined;
  const changes = diffArrays(a, b, { maxEditLength });
  if (!changes) {
    budget.remaining = 0;
    return undefined;
  }
  let distance = 0;
  const runs: EditRun[] = changes.map((change) => {
    if (change.added || change.removed) distance += change.count;
    return { op: change.added ? "insert" : change.removed ? "delete" : "equal", length: change.count };
  });
  budget.remaining -= Math.max(1, distance) * size;
  return runs;
}

/** About 100 ms of character-level work; past it the diff is done by sentence, then refined where cheap. */
const CHARACTER_BUDGET = 20_000_000;
const SENTENCE_BUDGET = 5_000_000;
const REFINE_BUDGET = 10_000_000;
/** Short runs of common characters ("的", "工作") inside a rewrite are noise for a reader. */
const MAX_NOISE_EQUALITY = 4;

type Block = { equal: string } | { deleted: string; inserted: string };

/**
 * Character-level diff of two texts (by code point, so no character is ever split), Myers O(ND) after
 * stripping the common prefix and suffix. Bounded: very large, very different inputs fall back to a
 * sentence-level diff. Joining equal+delete texts gives `a`; equal+insert gives `b`.
 */
export function diffText(a: string, b: string): DiffOp[] {
  if (a === b) return a ? [{ op: "equal", text: a }] : [];
  const oldChars = Array.from(a);
  const newChars = Array.from(b);
  let prefix = 0;
  while (prefix < oldChars.length && prefix < newChars.length && oldChars[prefix] === newChars[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < oldChars.length - prefix &&
    suffix < newChars.length - prefix &&
    oldChars[oldChars.length - 1 - suffix] === newChars[newChars.length - 1 - suffix]
  )
    suffix += 1;
  const oldMiddle = oldChars.slice(prefix, oldChars.length - suffix);
  const newMiddle = newChars.slice(prefix, newChars.length - suffix);

  const blocks: Block[] = [];
  if (prefix > 0) blocks.push({ equal: oldChars.slice(0, prefix).join("") });
  blocks.push(...cleanupNoise(diffMiddle(oldMiddle, newMiddle)));
  if (suffix > 0) blocks.push({ equal: oldChars.slice(oldChars.length - suffix).join("") });
  return toOps(mergeBlocks(blocks));
}

function diffMiddle(oldChars: string[], newChars: string[]): Block[] {
  if (oldChars.length === 0 || newChars.length === 0) return [{ deleted: oldChars.join(""), inserted: newChars.join("") }];
  const runs = editScript(oldChars, newChars, { remaining: CHARACTER_BUDGET });
  if (runs) return runsToBlocks(runs, oldChars, newChars);
  return diffBySentence(oldChars.join(""), newChars.join(""));
}

function diffBySentence(a: string, b: string): Block[] {
  const oldUnits = splitSentences(a);
  const newUnits = splitSentences(b);
  const runs = editScript(oldUnits, newUnits, { remaining: SENTENCE_BUDGET });
  if (!runs) return [{ deleted: a, inserted: b }];
  const refine: DiffBudget = { remaining: REFINE_BUDGET };
  return runsToBlocks(runs, oldUnits, newUnits).flatMap((block) => ("equal" in block ? [block] : refineBlock(block, refine)));
}

/** Re-diffs a replaced run of sentences by character while the shared budget lasts. */
function refineBlock(block: { deleted: string; inserted: string }, budget: DiffBudget): Block[] {
  if (!block.deleted || !block.inserted || budget.remaining <= 0) return [block];
  const oldChars = Array.from(block.deleted);
  const newChars = Array.from(block.inserted);
  const attempt: DiffBudget = { remaining: budget.remaining };
  const runs = editScript(oldChars, newChars, attempt);
  budget.remaining = attempt.remaining;
  return runs ? cleanupNoise(runsToBlocks(runs, oldChars, newChars)) : [block];
}

/** Sentences and paragraphs, each keeping its closing mark, so the pieces join back exactly. */
export function splitSentences(text: string): string[] {
  return text.match(/[^\n。！？；!?;]*(?:[\n。！？；!?;]+|$)/g)?.filter((unit) => unit.length > 0) ?? [];
}

function runsToBlocks(runs: EditRun[], oldUnits: string[], newUnits: string[]): Block[] {
  const blocks: Block[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const run of runs) {
    if (run.op === "equal") {
      blocks.push({ equal: oldUnits.slice(oldAt, oldAt + run.length).join("") });
      oldAt += run.length;
      newAt += run.length;
    } else if (run.op === "delete") {
      blocks.push({ deleted: oldUnits.slice(oldAt, oldAt + run.length).join(""), inserted: "" });
      oldAt += run.length;
    } else {
      blocks.push({ deleted: "", inserted: newUnits.slice(newAt, newAt + run.length).join("") });
      newAt += run.length;
    }
  }
  return mergeBlocks(blocks);
}

/** Joins neighbouring equalities and neighbouring changes (deletions first, then insertions). */
function mergeBlocks(blocks: Block[]): Block[] {
  const merged: Block[] = [];
  for (const block of blocks) {
    const last = merged[merged.length - 1];
    if ("equal" in block) {
      if (!block.equal) continue;
      if (last && "equal" in last) last.equal += block.equal;
      else merged.push({ ...block });
    } else {
      if (!block.deleted && !block.inserted) continue;
      if (last && !("equal" in last)) {
        last.deleted += block.deleted;
        last.inserted += block.inserted;
      } else merged.push({ ...block });
    }
  }
  return merged;
}

/** Folds a short equality into the rewrite around it when both sides changed more than it kept. */
function cleanupNoise(blocks: Block[]): Block[] {
  const result: Block[] = [];
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index]!;
    const before = result[result.length - 1];
    const after = blocks[index + 1];
    if ("equal" in block && before && after && !("equal" in before) && !("equal" in after)) {
      const size = Array.from(block.equal).length;
      const changedBefore = Math.max(before.deleted.length, before.inserted.length);
      const changedAfter = Math.max(after.deleted.length, after.inserted.length);
      if (size <= MAX_NOISE_EQUALITY && size <= changedBefore && size <= changedAfter) {
        before.deleted += block.equal + after.deleted;
        before.inserted += block.equal + after.inserted;
        index += 1;
        continue;
      }
    }
    result.push({ ...block });
  }
  return result;
}

function toOps(blocks: Block[]): DiffOp[] {
  const ops: DiffOp[] = [];
  for (const block of blocks) {
    if ("equal" in block) ops.push({ op: "equal", text: block.equal });
    else {
      if (block.deleted) ops.push({ op: "delete", text: block.deleted });
      if (block.inserted) ops.push({ op: "insert", text: block.inserted });
    }
  }
  return ops;
}

/** Share of both texts left unchanged, 0…1 (1 for two empty texts), in code points. */
export function diffSimilarity(ops: readonly DiffOp[]): number {
  let kept = 0;
  let total = 0;
  for (const op of ops) {
    const size = Array.from(op.text).length;
    total += op.op === "equal" ? 2 * size : size;
    if (op.op === "equal") kept += 2 * size;
  }
  return total === 0 ? 1 : kept / total;
}
