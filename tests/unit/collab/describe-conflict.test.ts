import { describe, expect, it } from "vitest";

import { trimSharedText } from "@/lib/collab";

describe("trimSharedText", () => {
  const long = "局党组把学习贯彻习近平法治思想列入理论学习中心组年度计划，全年开展专题学习六次，邀请高校教授解读行政法律制度。";

  it("keeps a little context around the part that differs on any side", () => {
    const [base, mine, theirs] = trimSharedText([long, `${long}我补充的。`, `${long}对方补充的。`], 5);
    expect(base).toBe("…法律制度。");
    expect(mine).toBe("…法律制度。我补充的。");
    expect(theirs).toBe("…法律制度。对方补充的。");
  });

  it("leaves short texts, a missing side and a single side alone", () => {
    expect(trimSharedText(["甲乙", "甲丙"], 5)).toEqual(["甲乙", "甲丙"]);
    expect(trimSharedText([long, null, `${long}补充`], 5)).toEqual(["…法律制度。", null, "…法律制度。补充"]);
    expect(trimSharedText([long, null])).toEqual([long, null]);
  });

  it("trims a shared ending too", () => {
    const [mine, theirs] = trimSharedText([`开头甲${long}`, `开头乙${long}`], 3);
    expect(mine).toBe("开头甲局党组…");
    expect(theirs).toBe("开头乙局党组…");
  });
});
