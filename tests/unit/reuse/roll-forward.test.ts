import { describe, expect, it } from "vitest";

import { docToText, reportSchema, type Report } from "@/lib/report-model";
import { rollForwardReport } from "@/lib/reuse";

import { report, report2024, runInPlanReport, section, item } from "./fixtures";

const NOW = new Date("2026-01-15T08:00:00+08:00");

function roll(previous: Report = report2024()) {
  return rollForwardReport(previous, { now: NOW });
}

function bySection(next: Report, kind: string) {
  const found = next.sections.find((candidate) => candidate.kind === kind);
  if (!found) throw new Error(`no ${kind} section`);
  return found;
}

describe("rollForwardReport", () => {
  it("produces a valid report and leaves the previous one untouched", () => {
    const previous = report2024();
    const snapshot = structuredClone(previous);
    const { report: next } = roll(previous);
    expect(() => reportSchema.parse(next)).not.toThrow();
    expect(previous).toEqual(snapshot);
  });

  it("moves the meta on a year and clears date and document number", () => {
    const { report: next } = roll();
    expect(next.meta).toEqual({
      agency: "云溪县市场监督管理局",
      year: 2025,
      title: "云溪县市场监督管理局关于2025年法治政府建设情况的报告",
      mainRecipient: "中共云溪县委全面依法治县委员会办公室",
      copyTo: "县司法局",
      signature: "云溪县市场监督管理局",
      date: "",
      docNumber: "",
      isPublic: true,
    });
  });

  it("carries structure and text with new ids", () => {
    const previous = report2024();
    const { report: next } = roll(previous);
    expect(next.sections.map((part) => part.kind)).toEqual(previous.sections.map((part) => part.kind));
    const oldIds = new Set(previous.sections.flatMap((part) => [part.id, ...part.items.map((entry) => entry.id)]));
    for (const part of next.sections) {
      expect(oldIds.has(part.id)).toBe(false);
      for (const entry of part.items) expect(oldIds.has(entry.id)).toBe(false);
    }
    const measures = bySection(next, "measures");
    expect(measures.items.map((entry) => entry.heading)).toEqual(["深化“放管服”改革", "严格规范公正文明执法", "加强普法宣传教育"]);
    expect(docToText(measures.items[0]!.body)).toBe(docToText(previous.sections[0]!.items[0]!.body));
    expect(measures.lead).toBe(previous.sections[0]!.lead);
  });

  it.each([
    ["measures", "2025年法治政府建设主要举措和成效"],
    ["problems", "存在的不足和原因"],
    ["next_year", "2026年工作安排"],
  ])("shifts the years of the %s heading", (kind, heading) => {
    expect(bySection(roll().report, kind).heading).toBe(heading);
  });

  it("marks every figure and year of carried bodies, once per text, but not citations", () => {
    const measures = bySection(roll().report, "measures");
    const marks = measures.items.map((entry) => entry.pendingUpdates.map((pending) => `${pending.kind}:${pending.text}`));
    expect(marks).toEqual([
      ["figure:3265户", "figure:1.2万件", "figure:1天", "figure:12项"],
      ["figure:286件", "figure:426.5万元", "figure:百分之八", "figure:2次", "figure:60份", "figure:95%"],
      ["figure:十二场", "figure:5000余份", "figure:2.3万人次"],
    ]);
    expect(measures.leadPendingUpdates?.map((pending) => pending.text)).toEqual(["2024年"]);
    const problems = bySection(roll().report, "problems").items[0]!;
    expect(problems.pendingUpdates.map((pending) => pending.text)).toEqual(["48名", "5人", "2023年"]);
    expect(docToText(problems.body)).toContain("一是执法人员力量不足");
  });

  it("dedupes marks within an item", () => {
    const previous = report(2024, [section("measures", "工作情况", [item("复议", "收案12件，审结12件，其中2024年新收12件。2024年底全部办结。")])]);
    const marks = roll(previous).report.sections[0]!.items[0]!.pendingUpdates;
    expect(marks.map((pending) => pending.text)).toEqual(["12件", "2024年"]);
    expect(new Set(marks.map((pending) => pending.id)).size).toBe(2);
  });

  it("empties indicators and keeps last year's values beside them", () => {
    const measures = bySection(roll().report, "measures");
    expect(measures.indicators).toEqual({ chufa_cases: null, chufa_fines: null, fuyi_received: null });
    expect(measures.previousIndicators).toEqual({ chufa_cases: 286, chufa_fines: 426.5, fuyi_received: null });
  });

  it("empties next year's plans to a single blank item", () => {
    const plans = bySection(roll().report, "next_year");
    expect(plans.items).toHaveLength(1);
    expect(plans.items[0]).toMatchObject({ heading: "", pendingUpdates: [] });
    expect(docToText(plans.items[0]!.body)).toBe("");
    expect(plans.lead).toBe("");
  });

  it("turns last year's headed plans into open commitments", () => {
    const { report: next } = roll();
    expect(next.commitments.map((commitment) => [commitment.text, commitment.status, commitment.linkedItemIds])).toEqual([
      ["持续优化法治化营商环境：推行包容审慎监管，扩大“免罚清单”适用范围。", "open", []],
      ["提升行政执法质效：开展执法人员轮训，全年培训不少于40学时。", "open", []],
      ["抓好“八五”普法收官", "open", []],
    ]);
  });

  it("splits a single run-in plan paragraph into commitments and drops its introduction", () => {
    const { report: next } = roll(runInPlanReport());
    expect(next.commitments.map((commitment) => commitment.text)).toEqual([
      "进一步完善重大行政决策程序，严格落实合法性审查制度。",
      "加大规范性文件备案审查力度，确保应备尽备。",
      "推进信访工作法治化，及时就地化解矛盾纠纷。",
    ]);
  });

  it("reports what it did in Chinese", () => {
    const { log, stats } = roll();
    expect(stats).toMatchObject({ shiftedYears: 3, commitments: 3, previousIndicatorValues: 2 });
    expect(log.join("\n")).toContain("已由2024年度报告生成2025年度报告草稿");
    expect(log.join("\n")).toContain("承诺事项清单，共3项");
    expect(log.join("\n")).not.toContain("尚未开始");
    expect(rollForwardReport(report2024(), { now: new Date("2024-06-01") }).log.join("\n")).toContain("2025年尚未开始");
  });

  it("refuses to roll past the last supported year", () => {
    expect(() => roll(report(2100, []))).toThrow("年度不能晚于2100年");
  });
});
