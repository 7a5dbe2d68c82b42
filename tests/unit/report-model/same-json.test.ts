import { describe, expect, it } from "vitest";

import { isSameJson } from "@/lib/report-model";

describe("[EQUALITY]: isSameJson, the one deep equality (JSON semantics)", () => {
  it.each([
    ["key order (jsonb reorders keys)", { a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }, true],
    ["an absent key and an undefined one", { a: 1, b: undefined }, { a: 1 }, true],
    ["a null and an absent key", { a: null }, {}, false],
    ["array order", [1, 2], [2, 1], false],
    ["an array and an object with index keys", [1], { 0: 1 }, false],
    ["a nested difference", { sections: [{ items: [{ heading: "一" }] }] }, { sections: [{ items: [{ heading: "二" }] }] }, false],
    ["a number and its string", { revision: 1 }, { revision: "1" }, false],
  ])("%s", (_name, a, b, expected) => {
    expect(isSameJson(a, b)).toBe(expected);
    expect(isSameJson(b, a)).toBe(expected);
  });
});
