import { describe, expect, it } from "vitest";

import { bigramCounts, bigramCoverage, diceSimilarity, textSimilarity } from "@/lib/text/similarity";

const COUNT = { numbers: "count" } as const;
const IGNORE = { numbers: "ignore" } as const;

describe("[SIMILARITY]: one bigram similarity for reuse and validation", () => {
  it("ignores spaces and punctuation, counts pairs across them", () => {
    expect([...bigramCounts("依法 行政，", COUNT)]).toEqual([
      ["依法", 1],
      ["法行", 1],
      ["行政", 1],
    ]);
  });

  it("counts repeated pairs as a multiset: a pair shared once is shared once", () => {
    // Set-based Dice would call these identical ({法治} vs {法治}); they share one pair of four.
    expect(textSimilarity("法治法治法治", "法治", COUNT)).toBeCloseTo(2 / 6, 5);
    expect(textSimilarity("推进依法行政", "推进依法行政", COUNT)).toBe(1);
  });

  it("counts figures as written, or not at all when texts of different years are matched", () => {
    const lastYear = "全年办理行政复议案件120件";
    const thisYear = "全年办理行政复议案件98件";
    expect(textSimilarity(lastYear, thisYear, COUNT)).toBeLessThan(1);
    expect(textSimilarity(lastYear, thisYear, IGNORE)).toBe(1);
  });

  it("gives a one-character text its own gram, and calls two empty texts identical", () => {
    expect([...bigramCounts("（一）法", IGNORE).keys()]).toEqual(["一法"]);
    expect([...bigramCounts("法", IGNORE).keys()]).toEqual(["法"]);
    expect(textSimilarity("，", "。", COUNT)).toBe(1);
    expect(textSimilarity("法治", "", COUNT)).toBe(0);
  });

  it("is symmetric", () => {
    const a = bigramCounts("严格规范公正文明执法", COUNT);
    const b = bigramCounts("规范执法行为，文明执法", COUNT);
    expect(diceSimilarity(a, b)).toBe(diceSimilarity(b, a));
  });

  it("coverage is the share of the needle's distinct pairs found in the haystack", () => {
    const needle = bigramCounts("修订行政规范性文件", IGNORE);
    const haystack = bigramCounts("全年清理行政规范性文件12件", IGNORE);
    // 修订 and 订行 are missing: 6 of 8 pairs.
    expect(bigramCoverage(needle, haystack)).toBeCloseTo(6 / 8, 5);
    expect(bigramCoverage(new Map(), haystack)).toBe(1);
  });
});
