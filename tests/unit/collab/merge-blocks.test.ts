import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { mergeBlocks } from "@/lib/collab/merge-blocks";

describe("mergeBlocks", () => {
  it.each([
    ["one side changed a block", ["a", "b", "c"], ["a", "B", "c"], ["a", "b", "c"], ["a", "B", "c"]],
    ["both changed different blocks", ["a", "b", "c"], ["A", "b", "c"], ["a", "b", "C"], ["A", "b", "C"]],
    ["one added, the other changed elsewhere", ["a", "b", "c"], ["x", "a", "b", "c"], ["a", "b", "C"], ["x", "a", "b", "C"]],
    ["one deleted, the other changed elsewhere", ["a", "b", "c", "d"], ["a", "b", "d"], ["A", "b", "c", "d"], ["A", "b", "d"]],
    ["both made the same change", ["a", "b"], ["a", "B"], ["a", "B"], ["a", "B"]],
    ["neighbouring blocks each rewritten by one side", ["a", "b", "c"], ["A", "b", "c"], ["a", "B", "c"], ["A", "B", "c"]],
    ["both appended to different ends", ["a"], ["x", "a"], ["a", "y"], ["x", "a", "y"]],
  ])("%s", (_name, base, mine, theirs, expected) => {
    expect(mergeBlocks(base, mine, theirs)).toEqual(expected);
  });

  it.each([
    ["both changed the same block", ["a", "b"], ["a", "B1"], ["a", "B2"]],
    ["both inserted at the same place", ["a", "b"], ["a", "x", "b"], ["a", "y", "b"]],
    ["one deleted a block the other changed", ["a", "b", "c"], ["a", "c"], ["a", "B", "c"]],
    ["changes next to each other (no block between them)", ["a", "b"], ["a", "x", "b"], ["a", "B"]],
  ])("%s is a conflict", (_name, base, mine, theirs) => {
    expect(mergeBlocks(base, mine, theirs)).toBeNull();
  });

  it("compares blocks by content, not key order", () => {
    const base = [{ type: "paragraph", content: [{ type: "text", text: "甲" }] }];
    const reordered = [{ content: [{ text: "甲", type: "text" }], type: "paragraph" }];
    const changed = [{ type: "paragraph", content: [{ type: "text", text: "乙" }] }];
    expect(mergeBlocks(base, reordered, changed)).toEqual(changed);
  });

  it("is the identity without a concurrent change, and keeps every block a side added when the merge succeeds", () => {
    const list = fc.array(fc.constantFrom("a", "b", "c", "d", "e"), { maxLength: 8 });
    fc.assert(
      fc.property(list, list, list, (base, mine, theirs) => {
        expect(mergeBlocks(base, mine, base)).toEqual(mine);
        expect(mergeBlocks(base, base, theirs)).toEqual(theirs);
        expect(mergeBlocks(base, mine, mine)).toEqual(mine);
        const merged = mergeBlocks(
          base,
          mine.map((value) => `m${value}`),
          theirs.map((value) => `t${value}`),
        );
        if (merged) for (const value of [...mine.map((v) => `m${v}`), ...theirs.map((v) => `t${v}`)]) expect(merged).toContain(value);
      }),
      { numRuns: 300 },
    );
  });
});
