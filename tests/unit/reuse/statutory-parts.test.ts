import { describe, expect, it } from "vitest";

import { reportSchema, type Report } from "@/lib/report-model";
import {
  addMissingStatutoryParts,
  canonicalIndex,
  canRemoveSection,
  describeAddedParts,
  findMissingStatutorySections,
  isStatutoryKind,
  rollForwardReport,
} from "@/lib/reuse";
import { getTemplate } from "@/templates";

import { item, report, section } from "./fixtures";

const department = getTemplate("department");
const county = getTemplate("county-government");

/** Last year's report as many agencies publish it: three parts, the leader's duty folded into the measures. */
function threePartReport(year = 2024, templateId = "department"): Report {
  return {
    ...report(year, [
      section("measures", `${year}年推进法治政府建设的主要举措和成效`, [
        item("坚持党的领导，统筹推进法治政府建设", "局党组把法治政府建设列入年度工作要点，全年专题研究法治工作三次。"),
        item("严格规范公正文明执法", "全面落实行政执法“三项制度”，全年办理行政处罚案件一百二十件。"),
      ]),
      section("problems", "存在的不足和原因", [item("", "一是执法力量不足。原因在于编制有限。")]),
      section("next_year", `${year + 1}年推进法治政府建设的主要安排`, [item("", "一是完善执法制度。二是加强培训。")]),
    ]),
    templateId,
  };
}

describe("statutory parts of a template", () => {
  it("counts the template's required parts as statutory and 其他 as optional", () => {
    expect(isStatutoryKind("leader_duty", department)).toBe(true);
    expect(isStatutoryKind("other", department)).toBe(false);
    // Without a template the statutory five apply.
    expect(isStatutoryKind("problems", null)).toBe(true);
    expect(isStatutoryKind("other", null)).toBe(false);
  });

  it("finds the parts a three-part report lacks, in template order", () => {
    expect(findMissingStatutorySections(threePartReport(), department).map((part) => part.kind)).toEqual(["leader_duty"]);
    const onlyMeasures = { ...threePartReport(), sections: threePartReport().sections.slice(0, 1) };
    expect(findMissingStatutorySections(onlyMeasures, county).map((part) => part.kind)).toEqual(["problems", "leader_duty", "next_year"]);
  });

  it("lets the official remove only optional parts, or a statutory kind that appears twice", () => {
    const base = threePartReport();
    const other = section("other", "上级交办事项办理情况", [item("", "无。")]);
    const extraMeasures = section("measures", "法治宣传教育", [item("", "开展宪法宣传周活动。")]);
    const withExtras = { ...base, sections: [...base.sections, other, extraMeasures] };
    expect(canRemoveSection(withExtras, other.id, department)).toBe(true);
    expect(canRemoveSection(withExtras, base.sections[1]!.id, department)).toBe(false);
    expect(canRemoveSection(withExtras, extraMeasures.id, department)).toBe(true);
    expect(canRemoveSection(withExtras, "no-such-part", department)).toBe(false);
  });
});

describe("addMissingStatutoryParts", () => {
  it("adds the leader-duty part empty, at its template position, with the template's heading", () => {
    const previous = threePartReport();
    const snapshot = structuredClone(previous);
    const { report: next, added } = addMissingStatutoryParts(previous, department);
    expect(previous).toEqual(snapshot);
    expect(next.sections.map((part) => part.kind)).toEqual(["measures", "problems", "leader_duty", "next_year"]);
    const leader = next.sections[2]!;
    expect(leader.heading).toBe("党政主要负责人履行推进法治建设第一责任人职责情况");
    expect(leader.lead).toBe("");
    expect(leader.items).toHaveLength(1);
    expect(leader.items[0]!.heading).toBe("");
    expect(leader.items[0]!.body).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(added).toEqual([{ kind: "leader_duty", heading: leader.heading, index: 2 }]);
    // The other parts are the very same objects: nothing the official wrote is touched.
    expect(next.sections[0]).toBe(previous.sections[0]);
    expect(() => reportSchema.parse(next)).not.toThrow();
  });

  it("fills year placeholders and suggested items of a missing part, and the template's indicators", () => {
    const onlyPlans = { ...threePartReport(2025, "county-government"), sections: threePartReport(2025).sections.slice(2) };
    const { report: next, added } = addMissingStatutoryParts(onlyPlans, county);
    expect(next.sections.map((part) => part.kind)).toEqual(["measures", "problems", "leader_duty", "next_year"]);
    expect(added.map((part) => part.index)).toEqual([0, 1, 2]);
    const measures = next.sections[0]!;
    expect(measures.heading).toBe("2025年推进法治政府建设的主要举措和成效");
    expect(measures.items.length).toBe(county.sections[0]!.suggestedItems.length);
    expect(measures.items[1]!.area).toBe("zhineng");
    expect(measures.indicators).toHaveProperty("fuyi_received", null);
  });

  it("changes nothing when every statutory part is there", () => {
    const complete = addMissingStatutoryParts(threePartReport(), department).report;
    const again = addMissingStatutoryParts(complete, department);
    expect(again.report).toBe(complete);
    expect(again.added).toEqual([]);
  });

  it("puts a missing part before a later part, after an earlier one, and at the end when none follows", () => {
    const sections = threePartReport().sections;
    expect(canonicalIndex(sections, "leader_duty", department)).toBe(2);
    // A second 主要举措 part goes after the first; a report without one gets it first.
    expect(canonicalIndex(sections, "measures", department)).toBe(1);
    expect(canonicalIndex(sections.slice(1), "measures", department)).toBe(0);
    expect(canonicalIndex(sections, "other", department)).toBe(3);
    // An official who put next_year first: problems still goes before it.
    const reordered = [sections[2]!, sections[0]!];
    expect(canonicalIndex(reordered, "problems", department)).toBe(0);
  });

  it("tells the user what was added, in Chinese", () => {
    const { added } = addMissingStatutoryParts(threePartReport(), department);
    expect(describeAddedParts(added)).toEqual([
      "原报告缺少法定部分“党政主要负责人履行推进法治建设第一责任人职责情况”，已按模板补充为第三部分“党政主要负责人履行推进法治建设第一责任人职责情况”（空白，请按填写指引补写）。",
    ]);
  });
});

describe("roll-forward adds the missing statutory parts", () => {
  const NOW = new Date("2026-01-15T08:00:00+08:00");

  it("adds leader_duty from the report's own template and logs it", () => {
    const { report: next, log, stats } = rollForwardReport(threePartReport(2024, "department"), { now: NOW });
    expect(next.sections.map((part) => part.kind)).toEqual(["measures", "problems", "leader_duty", "next_year"]);
    expect(stats.addedParts).toBe(1);
    expect(log.at(-1)).toContain("已按模板补充为第三部分“党政主要负责人履行推进法治建设第一责任人职责情况”");
    // Next year's plans heading still moves on a year; the added part has no year in it.
    expect(next.sections[3]!.heading).toBe("2026年推进法治政府建设的主要安排");
    expect(() => reportSchema.parse(next)).not.toThrow();
  });

  it("uses the statutory five when the template is unknown, and the given template when one is passed", () => {
    const unknown = rollForwardReport(threePartReport(2024, "no-such-template"), { now: NOW });
    expect(unknown.report.sections[2]).toMatchObject({ kind: "leader_duty", heading: "党政主要负责人履行推进法治建设第一责任人职责情况" });
    const withTemplate = rollForwardReport({ ...threePartReport(), sections: threePartReport().sections.slice(0, 1) }, { now: NOW, template: county });
    expect(withTemplate.report.sections.map((part) => part.kind)).toEqual(["measures", "problems", "leader_duty", "next_year"]);
    expect(withTemplate.report.sections[3]!.heading).toBe("2026年推进法治政府建设的主要安排");
  });

  it("adds nothing to a complete report", () => {
    const complete = addMissingStatutoryParts(threePartReport(), department).report;
    const { report: next, stats, log } = rollForwardReport(complete, { now: NOW });
    expect(stats.addedParts).toBe(0);
    expect(next.sections).toHaveLength(4);
    expect(log.join("")).not.toContain("已按模板补充");
  });
});
