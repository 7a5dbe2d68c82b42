import { describe, expect, it } from "vitest";

import {
  acceptAllSuggestions,
  acceptedView,
  acceptSuggestion,
  diffFieldText,
  findFieldSuggestion,
  hasSuggestions,
  listSuggestions,
  rejectAllSuggestions,
  rejectedView,
  rejectSuggestion,
  reportSchema,
  suggestFieldText,
  type FieldSuggestion,
  type Report,
} from "@/lib/report-model";
import { validateReport } from "@/lib/validation";

import { buildCompleteReport } from "../../fixtures/complete-report";

const REVIEWER = { authorId: "0b6e3f0c-5a43-4c1e-9a55-1d2f9a2d7c11", authorName: "王审核", at: "2026-11-29T08:15:00.000Z" };
const APPROVER = { authorId: "7f1c1b7a-2d9e-4a55-8c11-3e6a0d5b9f22", authorName: "李签发", at: "2026-11-29T09:00:00.000Z" };

let counter = 0;
const newId = () => `fs${(counter += 1)}`;

/** A report with suggestions on the title, the first part's heading and lead, the first item's heading and the closing. */
function reportWithFieldSuggestions(): { report: Report; ids: Record<string, string> } {
  const base = buildCompleteReport();
  base.closing = "特此报告。";
  base.sections[0]!.lead = "一年来，我局坚持依法行政。";
  const section = base.sections[0]!;
  const item = section.items[0]!;
  const steps: Array<[FieldSuggestion["target"], string]> = [
    [{ field: "meta", key: "title" }, `${base.meta.title}（修订稿）`],
    [{ field: "sectionHeading", sectionId: section.id }, `全面${section.heading}`],
    [{ field: "sectionLead", sectionId: section.id }, "一年来，我局始终坚持依法行政。"],
    [{ field: "itemHeading", sectionId: section.id, itemId: item.id }, "健全组织领导"],
    [{ field: "closing" }, "特此报告"],
  ];
  let report = base;
  const ids: Record<string, string> = {};
  for (const [target, text] of steps) {
    report = suggestFieldText(report, { target, text, author: REVIEWER, newId })!;
    ids[target.field] = findFieldSuggestion(report, target)!.id;
  }
  return { report, ids };
}

describe("field suggestions (headings, leads, meta, closing)", () => {
  it("keep the fields' own text and list one replace suggestion per field", () => {
    const original = buildCompleteReport();
    const { report } = reportWithFieldSuggestions();
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(report.meta.title).toBe(original.meta.title);
    expect(report.sections[0]!.heading).toBe(original.sections[0]!.heading);
    const listed = listSuggestions(report);
    expect(listed.map((suggestion) => [suggestion.kind, suggestion.location.field, suggestion.text])).toEqual([
      ["replace", "meta", `${original.meta.title}（修订稿）`],
      ["replace", "sectionHeading", `全面${original.sections[0]!.heading}`],
      ["replace", "sectionLead", "一年来，我局始终坚持依法行政。"],
      ["replace", "itemHeading", "健全组织领导"],
      ["replace", "closing", "特此报告"],
    ]);
    expect(listed.every((suggestion) => suggestion.authorName === "王审核")).toBe(true);
    expect(hasSuggestions(report)).toBe(true);
  });

  it("acceptedView writes every suggested text; rejectedView is the report before them, without the list", () => {
    const original = buildCompleteReport();
    const { report } = reportWithFieldSuggestions();
    const accepted = acceptedView(report);
    expect(accepted.meta.title).toBe(`${original.meta.title}（修订稿）`);
    expect(accepted.sections[0]!.heading).toBe(`全面${original.sections[0]!.heading}`);
    expect(accepted.sections[0]!.lead).toBe("一年来，我局始终坚持依法行政。");
    expect(accepted.sections[0]!.items[0]!.heading).toBe("健全组织领导");
    expect(accepted.closing).toBe("特此报告");
    expect(accepted.fieldSuggestions).toBeUndefined();
    const rejected = rejectedView(report);
    expect(rejected.meta.title).toBe(original.meta.title);
    expect(rejected.closing).toBe("特此报告。");
    expect("fieldSuggestions" in rejected).toBe(false);
  });

  it("accepts one, rejects one and keeps the rest open", () => {
    const { report, ids } = reportWithFieldSuggestions();
    let next = acceptSuggestion(report, ids.itemHeading!);
    next = rejectSuggestion(next, ids.closing!);
    expect(next.sections[0]!.items[0]!.heading).toBe("健全组织领导");
    expect(next.closing).toBe("特此报告。");
    expect(listSuggestions(next).map((suggestion) => suggestion.location.field)).toEqual(["meta", "sectionHeading", "sectionLead"]);
    expect(acceptAllSuggestions(next).fieldSuggestions).toBeUndefined();
    expect(rejectAllSuggestions(next).sections[0]!.lead).toBe("一年来，我局坚持依法行政。");
  });

  it("validation reads the accepted heading: a suggestion to empty an item heading is reported", () => {
    const report = buildCompleteReport();
    const section = report.sections[0]!;
    const target = { field: "itemHeading", sectionId: section.id, itemId: section.items[0]!.id } as const;
    const emptied = suggestFieldText(report, { target, text: "", author: REVIEWER, newId })!;
    const missingHeading = (r: Report) =>
      validateReport(r)
        .filter((finding) => finding.location?.field === "itemHeading")
        .map((finding) => finding.message);
    expect(missingHeading(emptied)).toEqual(["第1项缺少小标题。"]);
    expect(missingHeading(rejectedView(emptied))).toEqual([]);
  });

  it("an author updates or withdraws their own suggestion; another author's blocks the field", () => {
    const { report } = reportWithFieldSuggestions();
    const target = { field: "closing" } as const;
    const updated = suggestFieldText(report, { target, text: "特此报告！", author: { ...REVIEWER, at: "2026-11-29T10:00:00.000Z" }, newId })!;
    expect(findFieldSuggestion(updated, target)).toMatchObject({ from: "特此报告。", to: "特此报告！", at: "2026-11-29T10:00:00.000Z" });
    expect(listSuggestions(updated)).toHaveLength(5);
    const withdrawn = suggestFieldText(updated, { target, text: "特此报告。", author: REVIEWER, newId })!;
    expect(findFieldSuggestion(withdrawn, target)).toBeUndefined();
    expect(suggestFieldText(report, { target, text: "特此报告！！", author: APPROVER, newId })).toBeNull();
  });

  it("a suggestion on a removed item is not listed and goes with any decision", () => {
    const { report, ids } = reportWithFieldSuggestions();
    const removed: Report = {
      ...report,
      sections: report.sections.map((section, index) => (index === 0 ? { ...section, items: section.items.slice(1) } : section)),
    };
    expect(listSuggestions(removed).map((suggestion) => suggestion.id)).not.toContain(ids.itemHeading);
    expect(rejectSuggestion(removed, ids.closing!).fieldSuggestions?.map((suggestion) => suggestion.id)).toEqual([
      ids.meta,
      ids.sectionHeading,
      ids.sectionLead,
    ]);
  });

  it.each([
    ["an unknown meta key", { field: "meta", key: "year" }],
    ["an unknown field", { field: "opening" }],
    ["an item heading without its part", { field: "itemHeading", itemId: "i1" }],
  ])("the schema refuses %s", (_name, target) => {
    const report: Report = { ...buildCompleteReport(), fieldSuggestions: [{ id: "x", ...REVIEWER, target, from: "", to: "a" } as unknown as FieldSuggestion] };
    expect(reportSchema.safeParse(report).success).toBe(false);
  });
});

describe("diffFieldText", () => {
  it.each([
    [
      "加强组织领导",
      "全面加强组织领导",
      [
        ["insert", "全面"],
        ["equal", "加强组织领导"],
      ],
    ],
    [
      "特此报告。",
      "特此报告",
      [
        ["equal", "特此报告"],
        ["delete", "。"],
      ],
    ],
    [
      "健全制度体系",
      "完善制度机制",
      [
        ["delete", "健全"],
        ["insert", "完善"],
        ["equal", "制度"],
        ["delete", "体系"],
        ["insert", "机制"],
      ],
    ],
    ["同", "同", [["equal", "同"]]],
    ["", "新增", [["insert", "新增"]]],
  ])("%s → %s", (from, to, expected) => {
    const parts = diffFieldText(from, to);
    expect(parts.map((part) => [part.kind, part.text])).toEqual(expected);
    expect(
      parts
        .filter((part) => part.kind !== "insert")
        .map((part) => part.text)
        .join(""),
    ).toBe(from);
    expect(
      parts
        .filter((part) => part.kind !== "delete")
        .map((part) => part.text)
        .join(""),
    ).toBe(to);
  });

  it("keeps characters outside the basic plane whole", () => {
    expect(diffFieldText("𠀋甲", "𠀋乙").map((part) => part.text)).toEqual(["𠀋", "甲", "乙"]);
  });
});

describe("field suggestion limits", () => {
  it("refuses a suggested text longer than its field takes", () => {
    const base = buildCompleteReport();
    const make = (to: string): Report => ({ ...base, fieldSuggestions: [{ id: "x", ...REVIEWER, target: { field: "meta", key: "docNumber" }, from: "", to }] });
    expect(reportSchema.safeParse(make("青".repeat(60))).success).toBe(true);
    expect(reportSchema.safeParse(make("青".repeat(61))).success).toBe(false);
  });
});

describe("findings on a field with an open suggestion", () => {
  it("keep their message but lose the range and the fix, which were found on the suggested text", () => {
    const base = buildCompleteReport();
    const section = base.sections[0]!;
    const target = { field: "itemHeading", sectionId: section.id, itemId: section.items[0]!.id } as const;
    const typed = "加强组织领导,健全工作机制";
    const onHeading = (report: Report) =>
      validateReport(report).filter((finding) => finding.location.field === "itemHeading" && finding.location.itemId === target.itemId);
    // Typed by the drafter: the half-width comma is found with its place and a fix.
    const stored = onHeading(withHeading(base, typed));
    expect(stored.some((finding) => finding.location.range && finding.fix)).toBe(true);
    // Suggested by a reviewer: the same finding, without a place or fix in the stored heading (which reads otherwise).
    const suggested = onHeading(suggestFieldText(base, { target, text: typed, author: REVIEWER, newId })!);
    expect(suggested.map((finding) => finding.message)).toEqual(stored.map((finding) => finding.message));
    expect(suggested.every((finding) => finding.location.range === undefined && finding.fix === undefined)).toBe(true);
  });
});

function withHeading(report: Report, heading: string): Report {
  const next = structuredClone(report);
  next.sections[0]!.items[0]!.heading = heading;
  return next;
}
