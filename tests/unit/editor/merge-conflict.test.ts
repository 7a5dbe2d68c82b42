import { describe, expect, it } from "vitest";

import { textToDoc, type Report } from "@/lib/report-model";
import { mergeReports } from "@/lib/collab";
import { insertItem, moveItem, removeItem, updateItem } from "@/components/report/report-mutations";

import { buildReport } from "./fixtures";

const item = (id: string, heading: string, text: string) => ({ id, heading, body: textToDoc(text), isRunIn: false, area: null, pendingUpdates: [] });
const headings = (report: Report, sectionIndex = 0) => report.sections[sectionIndex]!.items.map((entry) => entry.heading);

describe("report mutations", () => {
  it("moveItem reorders within a part and clamps", () => {
    const report = insertItem(buildReport(), "s-measures", item("i-3", "第三项", "内容"));
    expect(headings(moveItem(report, "s-measures", 2, 0))).toEqual(["第三项", "加强组织领导", "严格规范性文件审核"]);
    expect(headings(moveItem(report, "s-measures", 0, 99))).toEqual(["严格规范性文件审核", "第三项", "加强组织领导"]);
    expect(moveItem(report, "s-measures", 1, 1)).toBe(report);
  });

  it("removeItem unlinks the item from commitments", () => {
    const report = buildReport();
    report.commitments[0]!.linkedItemIds = ["i-review", "i-lead"];
    const next = removeItem(report, "i-review");
    expect(next.commitments[0]!.linkedItemIds).toEqual(["i-lead"]);
    expect(headings(next)).toEqual(["加强组织领导"]);
  });

  it("updateItem keeps untouched parts identical (memoised views skip them)", () => {
    const report = buildReport();
    const next = updateItem(report, "i-review", (entry) => ({ ...entry, heading: "严格规范性文件管理" }));
    expect(next.sections[1]).toBe(report.sections[1]);
    expect(next.sections[0]!.items[0]).toBe(report.sections[0]!.items[0]);
    expect(updateItem(report, "i-review", (entry) => entry)).toBe(report);
  });
});

describe("content equality across a jsonb round trip", () => {
  /** Rebuilds every object with its keys in jsonb order (by length, then bytes). */
  function jsonbOrder(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(jsonbOrder);
    if (!value || typeof value !== "object") return value;
    const entries = Object.entries(value).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, inner]) => [key, jsonbOrder(inner)]));
  }

  it("a report whose keys come back reordered is not a conflict", () => {
    const report = buildReport();
    const roundTripped = jsonbOrder(report) as Report;
    expect(JSON.stringify(roundTripped)).not.toBe(JSON.stringify(report));
    expect(mergeReports({ base: report, mine: report, theirs: roundTripped }).report).toBe(report);
    expect(mergeReports({ base: null, mine: report, theirs: roundTripped }).conflicts).toEqual([]);
  });

  it("a real change is still found", () => {
    const report = buildReport();
    const changed = jsonbOrder(updateItem(report, "i-next", (entry) => ({ ...entry, heading: "推进严格规范公正文明执法" }))) as Report;
    expect(mergeReports({ base: null, mine: report, theirs: changed }).conflicts.map((unit) => unit.key)).toEqual(["item:i-next"]);
  });
});
