import { describe, expect, it } from "vitest";

import { mergeReports } from "@/lib/collab";
import { fieldsWithSeveralSuggestions, listSuggestions, suggestFieldText, type FieldTarget, type Report } from "@/lib/report-model";

import { buildCompleteReport } from "../../fixtures/complete-report";

const REVIEWER = { authorId: "0b6e3f0c-5a43-4c1e-9a55-1d2f9a2d7c11", authorName: "王审核", at: "2026-11-29T08:15:00.000Z" };
const SECOND = { authorId: "5d2a9c4e-1b7f-4e08-a3c6-9e0f1b2c3d44", authorName: "赵审核", at: "2026-11-29T08:15:00.000Z" };
const TITLE: FieldTarget = { field: "meta", key: "title" };

let counter = 0;
function suggest(report: Report, author: typeof REVIEWER, text: string, target: FieldTarget = TITLE): Report {
  return suggestFieldText(report, { target, text, author, newId: () => `race${(counter += 1)}` })!;
}

describe("[SUGGEST] two people suggesting on one field at the same instant", () => {
  const base = buildCompleteReport({ agency: "青溪市水务局" });
  base.meta.title = "青溪市水务局2025年法治政府建设年度报告";

  it("the merge keeps the suggestion that was stored first and sets the other author's aside", () => {
    const theirs = suggest(base, REVIEWER, "青溪市水务局关于2025年法治政府建设情况的报告");
    const mine = suggest(base, SECOND, "青溪市水务局2025年度法治政府建设工作报告");
    const { report, unresolved, setAsideSuggestions } = mergeReports({ base, mine, theirs });
    expect(unresolved).toEqual([]);
    expect(report.fieldSuggestions).toEqual(theirs.fieldSuggestions);
    expect(report.meta.title).toBe(base.meta.title);
    expect(setAsideSuggestions.map((suggestion) => [suggestion.authorName, suggestion.to])).toEqual([["赵审核", "青溪市水务局2025年度法治政府建设工作报告"]]);
    expect(fieldsWithSeveralSuggestions(report)).toEqual([]);
  });

  it("suggestions of the two on different fields both stay", () => {
    const theirs = suggest(base, REVIEWER, "青溪市水务局关于2025年法治政府建设情况的报告");
    const mine = suggest(base, SECOND, "特此报告。", { field: "closing" });
    const { report, setAsideSuggestions } = mergeReports({ base, mine, theirs });
    expect(
      listSuggestions(report)
        .map((suggestion) => suggestion.authorName)
        .sort(),
    ).toEqual(["王审核", "赵审核"].sort());
    expect(setAsideSuggestions).toEqual([]);
  });

  it("one person's two windows leave one entry: the stored id, rebased with the newer text", () => {
    const theirs = suggest(base, REVIEWER, "青溪市水务局关于2025年法治政府建设情况的报告");
    const mine = suggest(base, { ...REVIEWER, at: "2026-11-29T08:16:00.000Z" }, "青溪市水务局2025年法治政府建设情况报告");
    const { report, setAsideSuggestions } = mergeReports({ base, mine, theirs });
    const stored = theirs.fieldSuggestions![0]!;
    expect(report.fieldSuggestions).toEqual([{ ...stored, at: "2026-11-29T08:16:00.000Z", to: "青溪市水务局2025年法治政府建设情况报告" }]);
    expect(setAsideSuggestions).toEqual([]);
  });

  it("a report with two entries on one field names that field", () => {
    const first = suggest(base, REVIEWER, "甲");
    const both: Report = {
      ...first,
      fieldSuggestions: [...first.fieldSuggestions!, { ...first.fieldSuggestions![0]!, id: "other", authorId: SECOND.authorId, to: "乙" }],
    };
    expect(fieldsWithSeveralSuggestions(both)).toEqual(["meta.title"]);
  });
});
