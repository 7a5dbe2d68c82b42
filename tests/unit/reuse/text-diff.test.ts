import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { diffSimilarity, diffText, splitSentences, type DiffOp } from "@/lib/reuse";

function rebuild(ops: DiffOp[]): { before: string; after: string } {
  return {
    before: ops
      .filter((op) => op.op !== "insert")
      .map((op) => op.text)
      .join(""),
    after: ops
      .filter((op) => op.op !== "delete")
      .map((op) => op.text)
      .join(""),
  };
}

/** Deterministic pseudo-random Chinese prose, so timing tests do not depend on luck. */
function prose(length: number, seed: number): string {
  const words = [
    "法治",
    "政府",
    "建设",
    "行政",
    "执法",
    "规范",
    "监督",
    "复议",
    "应诉",
    "普法",
    "决策",
    "审查",
    "，",
    "。",
    "全面",
    "推进",
    "落实",
    "制度",
    "基层",
    "群众",
  ];
  let state = seed;
  let text = "";
  while (text.length < length) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += words[state % words.length];
  }
  return text.slice(0, length);
}

describe("diffText", () => {
  it.each<[string, string, string, DiffOp[]]>([
    ["identical", "依法行政", "依法行政", [{ op: "equal", text: "依法行政" }]],
    ["both empty", "", "", []],
    ["insert into empty", "", "新增内容", [{ op: "insert", text: "新增内容" }]],
    ["delete all", "删除内容", "", [{ op: "delete", text: "删除内容" }]],
    [
      "a changed figure",
      "全年办理行政处罚案件286件。",
      "全年办理行政处罚案件312件。",
      [
        { op: "equal", text: "全年办理行政处罚案件" },
        { op: "delete", text: "286" },
        { op: "insert", text: "312" },
        { op: "equal", text: "件。" },
      ],
    ],
    [
      "an inserted clause",
      "健全制度，强化监督。",
      "健全制度，严格执法，强化监督。",
      [
        { op: "equal", text: "健全制度，" },
        { op: "insert", text: "严格执法，" },
        { op: "equal", text: "强化监督。" },
      ],
    ],
    [
      "a characters outside the BMP stays whole",
      "地名𠀋村",
      "地名𠀌村",
      [
        { op: "equal", text: "地名" },
        { op: "delete", text: "𠀋" },
        { op: "insert", text: "𠀌" },
        { op: "equal", text: "村" },
      ],
    ],
  ])("%s", (_name, a, b, expected) => {
    expect(diffText(a, b)).toEqual(expected);
  });

  it("folds stray shared characters into a rewrite", () => {
    const ops = diffText("加强组织领导，压实工作责任。", "完善考核评价体系。");
    expect(ops.filter((op) => op.op === "equal").map((op) => op.text)).toEqual(["。"]);
  });

  it("reconstructs both texts for any input (property)", () => {
    const chinese = fc.constantFrom(..."法治政府建设年度报告一二三四五，。\n𠀋a1");
    const text = fc.array(chinese, { maxLength: 80 }).map((chars) => chars.join(""));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ops = diffText(a, b);
        expect(rebuild(ops)).toEqual({ before: a, after: b });
        for (const op of ops) expect(op.text.length).toBeGreaterThan(0);
        for (let index = 1; index < ops.length; index += 1) expect(ops[index]!.op === "equal" && ops[index - 1]!.op === "equal").toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("is minimal on small edits (property)", () => {
    const base = fc.string({ unit: fc.constantFrom(..."依法行政规范执法"), minLength: 5, maxLength: 60 });
    fc.assert(
      fc.property(base, fc.nat(), fc.constantFrom(..."甲乙丙"), (a, at, char) => {
        const position = at % (a.length + 1);
        const b = a.slice(0, position) + char + a.slice(position);
        const changed = diffText(a, b)
          .filter((op) => op.op !== "equal")
          .map((op) => op.text.length);
        expect(changed).toEqual([1]);
      }),
    );
  });

  it.each([
    ["similar 50k texts", prose(50_000, 7), prose(50_000, 7).replace(/监督/g, "监察").slice(0, 49_000) + "新增一段内容。"],
    ["unrelated 50k texts", prose(50_000, 7), prose(50_000, 99)],
    ["unrelated 50k texts without sentence breaks", "甲乙".repeat(25_000), "丙丁".repeat(25_000)],
    [
      "many paragraphs rewritten",
      Array.from({ length: 2000 }, (_, index) => prose(25, index)).join("\n"),
      Array.from({ length: 2000 }, (_, index) => prose(25, index + 5000)).join("\n"),
    ],
  ])("gives an exact diff of %s (the edit budget keeps the work bounded; speed is for benchmarks)", (_name, a, b) => {
    expect(rebuild(diffText(a, b))).toEqual({ before: a, after: b });
  });

  it("falls back to sentences but keeps unchanged sentences equal", () => {
    const shared = "本段内容保持不变。";
    const a = prose(30_000, 3) + "。" + shared + prose(30_000, 4);
    const b = prose(30_000, 5) + "。" + shared + prose(30_000, 6);
    const ops = diffText(a, b);
    expect(ops.some((op) => op.op === "equal" && op.text.includes(shared))).toBe(true);
  });
});

describe("diffSimilarity and splitSentences", () => {
  it.each([
    ["", "", 1],
    ["依法行政", "依法行政", 1],
    ["依法行政", "", 0],
    ["甲乙", "甲丙", 0.5],
  ])("similarity of %s / %s is %s", (a, b, ratio) => {
    expect(diffSimilarity(diffText(a, b))).toBeCloseTo(ratio);
  });

  it("splits after sentence marks and line breaks, losing nothing", () => {
    const text = "一是健全制度。二是强化监督；\n三是严格执法！末句";
    expect(splitSentences(text)).toEqual(["一是健全制度。", "二是强化监督；\n", "三是严格执法！", "末句"]);
    expect(splitSentences(text).join("")).toBe(text);
  });
});
