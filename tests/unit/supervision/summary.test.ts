import { describe, expect, it } from "vitest";

import { createReportFromTemplate } from "@/lib/report-model";
import { findCommonGaps, readIndicator, summarizeIndicators, summaryGrid, summaryToCsv } from "@/lib/supervision";
import { getTemplate } from "@/templates";

import { buildCompleteReport } from "../../fixtures/complete-report";

function withFigures(agency: string, year: number, figures: Record<string, number | null>) {
  const report = buildCompleteReport({ agency, year });
  const measures = report.sections.find((section) => section.kind === "measures")!;
  measures.indicators = { ...figures };
  report.sections.find((section) => section.kind === "leader_duty")!.indicators = {};
  return report;
}

describe("[SUPERVISION] indicator summary", () => {
  const alpha = withFigures("甲局", 2025, { fuyi_received: 12, fuyi_closed: 10, susong_cases: 4, susong_heads_appear: 4, chufa_fines: 1.25 });
  const alphaLast = withFigures("甲局", 2024, { fuyi_received: 9, susong_cases: 5, susong_heads_appear: 3 });
  const beta = withFigures("乙局", 2025, { fuyi_received: 3, fuyi_closed: null, susong_cases: 0, chufa_fines: 2.5 });
  const summary = summarizeIndicators(2025, [
    { agencyId: "a", agencyName: "甲局", report: alpha, previous: alphaLast },
    { agencyId: "b", agencyName: "乙局", report: beta, previous: null },
    { agencyId: "c", agencyName: "丙镇", report: null, previous: null },
  ]);

  it("reads each agency's figure against last year; an empty figure stays empty, never 0", () => {
    expect(summary.rows[0]!.figures.fuyi_received).toEqual({ current: 12, previous: 9 });
    expect(summary.rows[1]!.figures.fuyi_closed).toEqual({ current: null, previous: null });
    expect(summary.rows[1]!.figures.susong_cases).toEqual({ current: 0, previous: null });
    expect(summary.rows[2]).toMatchObject({ hasReport: false });
    expect(summary.rows[2]!.figures.fuyi_received).toEqual({ current: null, previous: null });
    expect(readIndicator(beta, "xuefa_sessions")).toBeNull();
  });

  it("totals only the figures given, and leaves a total empty when nobody gave the figure", () => {
    expect(summary.totals.fuyi_received).toEqual({ current: 15, previous: 9, reportedCount: 2 });
    expect(summary.totals.fuyi_closed).toEqual({ current: 10, previous: null, reportedCount: 1 });
    expect(summary.totals.chufa_fines.current).toBe(3.75);
    expect(summary.totals.xinfang_received).toEqual({ current: null, previous: null, reportedCount: 0 });
  });

  it("derives the 负责人出庭应诉率, empty when there were no cases", () => {
    expect(summary.rows[0]!.rates["负责人出庭应诉率"]).toEqual({ current: 100, previous: 60 });
    expect(summary.rows[1]!.rates["负责人出庭应诉率"]).toEqual({ current: null, previous: null });
    expect(summary.totalRates["负责人出庭应诉率"]!.current).toBe(100);
  });

  it("falls back to the figures roll-forward left beside the inputs", () => {
    const rolled = withFigures("丁局", 2025, { guwen_count: 3 });
    rolled.sections[0]!.previousIndicators = { guwen_count: 2 };
    expect(summarizeIndicators(2025, [{ agencyId: "d", agencyName: "丁局", report: rolled, previous: null }]).rows[0]!.figures.guwen_count).toEqual({
      current: 3,
      previous: 2,
    });
  });

  it("flattens to a grid and a CSV with empty cells for empty figures", () => {
    const grid = summaryGrid(summary);
    expect(grid.header.slice(0, 3)).toEqual(["机关", "行政复议收案（件）2025年", "行政复议收案（件）2024年"]);
    expect(grid.rows.map((row) => row[0])).toEqual(["甲局", "乙局", "丙镇（未报）", "合计"]);
    expect(grid.rows[3]!.slice(1, 5)).toEqual([15, 9, 10, null]);
    const lines = summaryToCsv(summary).replace("\uFEFF", "").trim().split("\r\n");
    expect(lines[2]!.startsWith("乙局,3,,,,0,,")).toBe(true);
    expect(lines[4]!.startsWith("合计,15,9,10,,4,5")).toBe(true);
  });
});

describe("[SUPERVISION] common gaps", () => {
  it("counts empty statutory parts and uncovered 纲要 areas, most frequent first", () => {
    const complete = buildCompleteReport({ agency: "甲局", year: 2025 });
    const empty = createReportFromTemplate(getTemplate("department"), { agency: "乙局", year: 2025 });
    const noProblems = buildCompleteReport({ agency: "丙局", year: 2025 });
    noProblems.sections.find((section) => section.kind === "problems")!.items = [];
    const gaps = findCommonGaps([
      { agencyName: "甲局", report: complete, template: getTemplate("department") },
      { agencyName: "乙局", report: empty, template: getTemplate("department") },
      { agencyName: "丙局", report: noProblems, template: getTemplate("department") },
    ]);
    expect(gaps.reportCount).toBe(3);
    expect(gaps.gaps[0]).toEqual({ kind: "part", label: "存在的不足和原因", agencyNames: ["乙局", "丙局"] });
    expect(gaps.gaps.find((gap) => gap.label === "下一年度主要安排")).toEqual({ kind: "part", label: "下一年度主要安排", agencyNames: ["乙局"] });
    const areaGaps = gaps.gaps.filter((gap) => gap.kind === "area");
    expect(areaGaps.length).toBeGreaterThan(0);
    for (const gap of areaGaps) expect(gap.agencyNames).toContain("乙局");
  });
});
