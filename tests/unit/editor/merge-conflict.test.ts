import { describe, expect, it } from "vitest";

import { docToText, textToDoc, type Report } from "@/lib/report-model";
import { listConflictUnits, mergeConflict } from "@/components/report/conflict/merge-conflict";
import { insertItem, moveItem, removeItem, updateItem } from "@/components/report/report-mutations";

import { buildReport } from "./fixtures";

const item = (id: string, heading: string, text: string) => ({ id, heading, body: textToDoc(text), isRunIn: false, area: null, pendingUpdates: [] });
const headings = (report: Report, sectionIndex = 0) => report.sections[sectionIndex]!.items.map((entry) => entry.heading);

/** Mine: retitled i-lead, added i-mine. Theirs: rewrote i-review, added i-theirs after it, deleted i-next, changed the title. */
function scenario() {
  const base = buildReport();
  let mine = updateItem(base, "i-lead", (entry) => ({ ...entry, heading: "加强党对法治政府建设的领导" }));
  mine = insertItem(mine, "s-measures", item("i-mine", "推进严格规范公正文明执法", "全面推行行政执法三项制度。"));
  let theirs = updateItem(base, "i-review", (entry) => ({ ...entry, body: textToDoc("全年制发规范性文件15件，均经合法性审核。") }));
  theirs = insertItem(theirs, "s-measures", item("i-theirs", "深化政务公开", "主动公开政府信息2100余条。"), 2);
  theirs = removeItem(theirs, "i-next");
  theirs = { ...theirs, meta: { ...theirs.meta, title: "青禾县人民政府关于2025年度法治政府建设情况的报告" } };
  return { mine, theirs };
}

describe("listConflictUnits", () => {
  it("lists exactly the parts that differ, with what is missing on each side", () => {
    const { mine, theirs } = scenario();
    const units = listConflictUnits(mine, theirs);
    expect(units.map((unit) => [unit.key, unit.isMissingInMine, unit.isMissingInTheirs])).toEqual([
      ["meta", false, false],
      ["item:i-lead", false, false],
      ["item:i-review", false, false],
      ["item:i-mine", false, true],
      ["item:i-next", false, true],
      ["item:i-theirs", true, false],
    ]);
    const review = units.find((unit) => unit.key === "item:i-review")!;
    expect(review.theirsText).toContain("15件");
    expect(review.mineText).toContain("12件");
  });

  it("is empty when both versions are the same", () => {
    expect(listConflictUnits(buildReport(), buildReport())).toEqual([]);
  });
});

describe("mergeConflict", () => {
  it("keeping all of mine gives my version", () => {
    const { mine, theirs } = scenario();
    const keys = listConflictUnits(mine, theirs).map((unit) => unit.key);
    expect(mergeConflict(mine, theirs, Object.fromEntries(keys.map((key) => [key, "mine" as const])))).toEqual(mine);
  });

  it("taking all of theirs gives their version", () => {
    const { mine, theirs } = scenario();
    const keys = listConflictUnits(mine, theirs).map((unit) => unit.key);
    expect(mergeConflict(mine, theirs, Object.fromEntries(keys.map((key) => [key, "theirs" as const])))).toEqual(theirs);
  });

  it("per-part choices combine both: my heading, their body, both new items in place", () => {
    const { mine, theirs } = scenario();
    const merged = mergeConflict(mine, theirs, {
      meta: "theirs",
      "item:i-lead": "mine",
      "item:i-review": "theirs",
      "item:i-mine": "mine",
      "item:i-theirs": "theirs",
      "item:i-next": "mine",
    });
    expect(merged.meta.title).toBe(theirs.meta.title);
    expect(headings(merged)).toEqual(["加强党对法治政府建设的领导", "严格规范性文件审核", "深化政务公开", "推进严格规范公正文明执法"]);
    expect(docToText(merged.sections[0]!.items[1]!.body)).toBe("全年制发规范性文件15件，均经合法性审核。");
    expect(merged.sections[3]!.items.map((entry) => entry.id)).toEqual(["i-next"]);
  });

  it("accepting their deletion drops the item; keeping mine keeps it", () => {
    const { mine, theirs } = scenario();
    expect(mergeConflict(mine, theirs, { "item:i-next": "theirs" }).sections[3]!.items).toHaveLength(0);
    expect(mergeConflict(mine, theirs, { "item:i-next": "mine" }).sections[3]!.items).toHaveLength(1);
  });

  it("an item moved to another part on one side appears once", () => {
    const base = buildReport();
    const moved = base.sections[0]!.items[1]!;
    const theirs = insertItem(removeItem(base, moved.id), "s-next", moved);
    const merged = mergeConflict(base, theirs, { [`item:${moved.id}`]: "theirs" });
    const ids = merged.sections.flatMap((section) => section.items.map((entry) => entry.id));
    expect(ids.filter((id) => id === moved.id)).toHaveLength(1);
  });
});

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
    expect(listConflictUnits(report, roundTripped)).toEqual([]);
  });

  it("a real change is still found", () => {
    const report = buildReport();
    const changed = jsonbOrder(updateItem(report, "i-next", (entry) => ({ ...entry, heading: "推进严格规范公正文明执法" }))) as Report;
    expect(listConflictUnits(report, changed).map((unit) => unit.key)).toEqual(["item:i-next"]);
  });
});
