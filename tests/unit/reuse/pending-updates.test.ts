import { describe, expect, it } from "vitest";

import { docToText, textToDoc, type ReportItem } from "@/lib/report-model";
import { buildPendingUpdates, clearResolvedPendingUpdates, confirmPendingUpdate, findPendingRanges, findPendingRangesInText } from "@/lib/reuse";

import { item } from "./fixtures";

const BODY = "全年受理行政复议申请13件，审结3件。\n2024年组织执法培训3次，参训人员120人次。";

function markedItem(body = BODY): ReportItem {
  const base = item("行政复议和应诉", body);
  return { ...base, pendingUpdates: buildPendingUpdates(docToText(base.body)) };
}

function withBody(source: ReportItem, text: string): ReportItem {
  return { ...source, body: textToDoc(text) };
}

describe("pending marks", () => {
  it("finds every standalone occurrence in docToText offsets, not inside longer numbers", () => {
    const marked = markedItem();
    const text = docToText(marked.body);
    const ranges = findPendingRanges(marked);
    expect(ranges.map((range) => text.slice(range.from, range.to))).toEqual(["13件", "3件", "2024年", "3次", "120人次"]);
    const idOf = (mark: string) => marked.pendingUpdates.find((pending) => pending.text === mark)!.id;
    expect(ranges[1]!.pendingId).toBe(idOf("3件"));
    expect(ranges.every((range, index) => index === 0 || range.from >= ranges[index - 1]!.to)).toBe(true);
  });

  it("finds Chinese numerals but not inside a longer numeral", () => {
    const marks = buildPendingUpdates("开展宣传二场，另有十二场。");
    expect(marks.map((pending) => pending.text)).toEqual(["二场", "十二场"]);
    const text = "十二场已完成";
    expect(findPendingRangesInText(text, marks)).toEqual([{ pendingId: marks[1]!.id, from: 0, to: 3 }]);
  });

  it.each([
    ["a figure rewritten", BODY.replace("审结3件", "审结11件"), ["13件", "2024年", "3次", "120人次"]],
    ["a year rewritten", BODY.replace("2024年", "2025年"), ["13件", "3件", "3次", "120人次"]],
    ["every figure rewritten", "全年受理行政复议申请15件，审结15件。\n2025年组织执法培训4次，参训人员150人次。", []],
    ["nothing changed", BODY, ["13件", "3件", "2024年", "3次", "120人次"]],
    ["only a longer number keeps the text", "全年受理行政复议申请13件，审结全部。", ["13件"]],
  ])("clears the marks whose text is gone: %s", (_name, edited, remaining) => {
    const cleared = clearResolvedPendingUpdates(withBody(markedItem(), edited));
    expect(cleared.pendingUpdates.map((pending) => pending.text)).toEqual(remaining);
  });

  it("returns the same item when nothing was resolved", () => {
    const marked = markedItem();
    expect(clearResolvedPendingUpdates(marked)).toBe(marked);
  });

  it("confirms one mark and keeps the others", () => {
    const marked = markedItem();
    const target = marked.pendingUpdates[2]!;
    const confirmed = confirmPendingUpdate(marked, target.id);
    expect(confirmed.pendingUpdates.map((pending) => pending.text)).toEqual(["13件", "3件", "3次", "120人次"]);
    expect(findPendingRanges(confirmed).some((range) => range.pendingId === target.id)).toBe(false);
    expect(confirmPendingUpdate(marked, "p-unknown")).toBe(marked);
  });

  it("keeps at most the schema's 500 marks", () => {
    const body = Array.from({ length: 700 }, (_, index) => `检查${index + 1}次`).join("，");
    expect(buildPendingUpdates(body)).toHaveLength(500);
  });
});
