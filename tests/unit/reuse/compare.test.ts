import { describe, expect, it } from "vitest";

import { sectionText, textToDoc, type Report } from "@/lib/report-model";
import { compareReports, compareRevisions, rollForwardReport, setCommitmentStatus, type DiffOp } from "@/lib/reuse";

import { item, report, report2024, section } from "./fixtures";

const joinSide = (ops: DiffOp[], side: "delete" | "insert") =>
  ops
    .filter((op) => op.op !== side)
    .map((op) => op.text)
    .join("");

function report2025(): Report {
  return report(2025, [
    section("measures", "2025年法治政府建设主要举措和成效", [
      item("加强普法宣传教育工作", "组织主题宣传活动十五场。"),
      item("深化“放管服”改革", "全年新登记经营主体3580户。"),
      item("推进智慧监管", "上线非现场执法系统。"),
    ]),
    section("leader_duty", "党政主要负责人履行推进法治建设第一责任人职责情况", [item("", "主要负责人主持专题会议5次。")]),
    section("problems", "存在的不足和原因", [item("", "执法力量仍然不足。")]),
    section("next_year", "2026年工作安排", [item("", "")]),
  ]);
}

describe("compareReports", () => {
  const comparisons = compareReports(report2024(), report2025());

  it("pairs parts by kind in this year's order, listing dropped parts last", () => {
    expect(comparisons.map((comparison) => [comparison.kind, comparison.previousHeading, comparison.currentHeading])).toEqual([
      ["measures", "2024年法治政府建设主要举措和成效", "2025年法治政府建设主要举措和成效"],
      ["leader_duty", "党政主要负责人履行推进法治建设第一责任人职责情况", "党政主要负责人履行推进法治建设第一责任人职责情况"],
      ["problems", "存在的不足和原因", "存在的不足和原因"],
      ["next_year", "2025年工作安排", "2026年工作安排"],
    ]);
    expect(comparisons[0]!.label).toBe("主要举措和成效");
  });

  it("lists a part that exists on one side only with the other side empty", () => {
    const previous = report2024();
    previous.sections.push(section("other", "其他需要报告的情况", [item("", "无。")]));
    const other = compareReports(previous, report2025()).at(-1)!;
    expect(other).toMatchObject({ kind: "other", currentSectionId: null, similarity: 0 });
    expect(other.diff).toEqual([{ op: "delete", text: "无。" }]);
  });

  it("diffs each part's text so that both sides can be rebuilt", () => {
    const previous = report2024();
    const current = report2025();
    for (const comparison of compareReports(previous, current)) {
      const before = previous.sections.find((part) => part.id === comparison.previousSectionId);
      const after = current.sections.find((part) => part.id === comparison.currentSectionId);
      expect(joinSide(comparison.diff, "insert")).toBe(before ? sectionText(before) : "");
      expect(joinSide(comparison.diff, "delete")).toBe(after ? sectionText(after) : "");
      expect(comparison.similarity).toBeGreaterThanOrEqual(0);
      expect(comparison.similarity).toBeLessThan(1);
    }
    expect(comparisons[0]!.similarity).toBeGreaterThan(0.1);
    expect(comparisons[3]!.similarity).toBe(0);
  });

  it("pairs items by heading similarity and keeps unmatched items where they stood", () => {
    const measures = comparisons[0]!;
    expect(measures.items.map((entry) => [entry.previousHeading, entry.currentHeading])).toEqual([
      ["严格规范公正文明执法", ""],
      ["加强普法宣传教育", "加强普法宣传教育工作"],
      ["深化“放管服”改革", "深化“放管服”改革"],
      ["", "推进智慧监管"],
    ]);
    expect(measures.items[2]!.headingSimilarity).toBe(1);
    expect(measures.items[1]!.headingSimilarity).toBeGreaterThan(0.5);
    expect(measures.items[0]!.bodySimilarity).toBe(0);
  });

  it("reports indicator changes against last year", () => {
    expect(comparisons[0]!.indicatorChanges).toEqual([
      { id: "chufa_cases", before: 286, after: null },
      { id: "chufa_fines", before: 426.5, after: null },
    ]);
  });

  it("sees a rolled-forward draft as nearly unchanged text", () => {
    const previous = report2024();
    const next = rollForwardReport(previous).report;
    const [measures] = compareReports(previous, next);
    expect(measures!.similarity).toBe(1);
    expect(measures!.items.every((entry) => entry.headingSimilarity === 1 && entry.bodySimilarity === 1)).toBe(true);
  });
});

describe("compareRevisions", () => {
  it("finds no change between identical revisions", () => {
    const revision = report2024();
    const result = compareRevisions(revision, structuredClone(revision));
    expect(result.isChanged).toBe(false);
    expect(result.meta).toEqual([]);
    expect(result.sections.every((part) => part.similarity === 1)).toBe(true);
  });

  it("lists metadata, text, indicator and commitment changes", () => {
    const older = rollForwardReport(report2024()).report;
    const newer = structuredClone(older);
    newer.meta.title = "云溪县市场监督管理局2025年度法治政府建设情况报告";
    newer.meta.date = "2026-03-08";
    newer.meta.isPublic = false;
    newer.sections[0]!.items[1]!.body = textToDoc("全面落实行政执法三项制度，全年办理行政处罚案件312件。");
    newer.sections[0]!.indicators.chufa_cases = 312;
    const [measuresBefore] = older.sections;
    newer.sections[0]!.items.reverse();
    const changed = setCommitmentStatus(newer, newer.commitments[0]!.id, "done");

    const result = compareRevisions(older, changed);
    expect(result.isChanged).toBe(true);
    expect(result.meta).toEqual([
      {
        field: "title",
        label: "标题",
        before: "云溪县市场监督管理局关于2025年法治政府建设情况的报告",
        after: "云溪县市场监督管理局2025年度法治政府建设情况报告",
      },
      { field: "date", label: "成文日期", before: "", after: "2026年3月8日" },
      { field: "isPublic", label: "公开属性", before: "主动公开", after: "不公开" },
    ]);
    const measures = result.sections[0]!;
    expect(measures.previousSectionId).toBe(measuresBefore!.id);
    expect(measures.indicatorChanges).toEqual([{ id: "chufa_cases", before: null, after: 312 }]);
    expect(measures.items.map((entry) => entry.previousItemId === entry.currentItemId)).toEqual([true, true, true]);
    expect(measures.diff.some((op) => op.op === "insert" && op.text.includes("312"))).toBe(true);
    expect(result.sections.slice(1).every((part) => part.diff.every((op) => op.op === "equal"))).toBe(true);
    expect(result.commitments).toEqual([
      { commitmentId: older.commitments[0]!.id, text: older.commitments[0]!.text, change: "changed", detail: "状态：待落实 → 已完成" },
    ]);
  });

  it("reports added and removed commitments", () => {
    const older = rollForwardReport(report2024()).report;
    const newer = structuredClone(older);
    const removed = newer.commitments.shift()!;
    newer.commitments.push({ id: "c-new", text: "补充承诺：完善执法监督平台。", status: "open", linkedItemIds: [], reason: "" });
    expect(compareRevisions(older, newer).commitments.map((change) => [change.change, change.text])).toEqual([
      ["added", "补充承诺：完善执法监督平台。"],
      ["removed", removed.text],
    ]);
  });
});
