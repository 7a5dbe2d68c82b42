import { describe, expect, it } from "vitest";

import { metaCompleteRule } from "@/lib/validation/rules/meta-complete";
import { problemCausesRule } from "@/lib/validation/rules/problem-causes";
import { requiredIndicatorsRule } from "@/lib/validation/rules/required-indicators";
import { requiredPartsRule } from "@/lib/validation/rules/required-parts";
import { getTemplate } from "@/templates";

import { buildReport, cleanReportSpec, runRule, type SectionSpec } from "../helpers";

function withoutKind(kind: SectionSpec["kind"]): SectionSpec[] {
  return cleanReportSpec().sections!.filter((section) => section.kind !== kind);
}

describe("required-parts", () => {
  it("accepts the complete report", () => {
    expect(runRule(requiredPartsRule, buildReport(cleanReportSpec()))).toEqual([]);
  });

  it.each([
    ["problems", "报告缺少“存在的不足和原因”部分"],
    ["next_year", "报告缺少“下一年度主要安排”部分"],
    ["leader_duty", "报告缺少“党政主要负责人履行推进法治建设第一责任人职责情况”部分"],
  ] as const)("a missing %s part is an error", (kind, message) => {
    const findings = runRule(requiredPartsRule, buildReport({ sections: withoutKind(kind) }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", location: { field: "meta", key: "sections" } });
    expect(findings[0]!.message).toContain(message);
  });

  it("the optional 其他 part may be left out", () => {
    expect(runRule(requiredPartsRule, buildReport({ sections: withoutKind("other") }))).toEqual([]);
  });

  it.each([
    ["heading", { heading: "严格落实党政主要负责人履行推进法治建设第一责任人职责", body: "主要负责人亲自部署法治工作。" }],
    ["body", { heading: "强化组织领导", body: "局长认真履行推进法治建设第一责任人职责，年内主持专题研究法治工作4次。" }],
  ])("leader's duty written inside 举措 (%s) is pointed at, asking for its own part", (_where, item) => {
    const sections = withoutKind("leader_duty");
    sections[0] = { ...sections[0]!, items: [item, ...sections[0]!.items!] };
    const findings = runRule(requiredPartsRule, buildReport({ sections }));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.location).toMatchObject({ field: "itemHeading", sectionKind: "measures", itemIndex: 0 });
    expect(findings[0]!.message).toContain("报告未单列");
    expect(findings[0]!.message).toContain("独立的一部分");
  });

  it("an empty required part, an item without heading, and a heading without body", () => {
    const sections = cleanReportSpec().sections!;
    sections[1] = { kind: "problems", items: [{ body: "" }] };
    sections[0] = { ...sections[0]!, items: [{ heading: "", body: "开展执法培训。" }, { heading: "深化“放管服”改革", body: "" }, ...sections[0]!.items!] };
    const messages = runRule(requiredPartsRule, buildReport({ sections })).map((finding) => finding.message);
    expect(messages).toEqual(["第1项缺少小标题。", "“（二）深化‘放管服’改革”下还没有正文。", "“存在的不足和原因”部分尚未填写。"]);
  });

  it("minimum lengths come from the template: a thin part is a warning (a reviewer asks), never an error", () => {
    const template = getTemplate("county-government");
    const findings = runRule(requiredPartsRule, buildReport(cleanReportSpec()), { template });
    const measures = findings.find((finding) => finding.location.sectionKind === "measures");
    expect(measures?.severity).toBe("warning");
    expect(measures?.message).toMatch(/现有约\d+字，少于模板要求的3000字/);
    const longEnough = cleanReportSpec();
    longEnough.sections![2]!.items![0]!.body += "县长带头学法用法。".repeat(45);
    const leader = runRule(requiredPartsRule, buildReport(longEnough), { template }).find((finding) => finding.location.sectionKind === "leader_duty");
    expect(leader?.severity).toBe("warning");
  });
});

describe("meta-complete", () => {
  const cases: Array<{ name: string; meta: Record<string, string | number>; expected: Array<[string, string]> }> = [
    { name: "complete", meta: {}, expected: [] },
    { name: "no agency", meta: { agency: " " }, expected: [["error", "未填写机关名称"]] },
    { name: "no title", meta: { title: "" }, expected: [["error", "未填写报告标题"]] },
    { name: "no date", meta: { date: "" }, expected: [["error", "未填写成文日期"]] },
    { name: "date inside the report year", meta: { date: "2024-12-20" }, expected: [["error", "成文日期为2024年12月20日，早于报告年度（2024年）结束"]] },
    { name: "date two years later", meta: { date: "2026-02-01" }, expected: [["warning", "相隔一年以上"]] },
    {
      name: "no signature or recipient",
      meta: { signature: "", mainRecipient: "" },
      expected: [
        ["warning", "未填写主送机关"],
        ["warning", "未填写署名"],
      ],
    },
  ];
  it.each(cases)("$name", ({ meta, expected }) => {
    const findings = runRule(metaCompleteRule, buildReport({ ...cleanReportSpec(), meta }));
    expect(findings.map((finding) => finding.severity)).toEqual(expected.map(([severity]) => severity));
    findings.forEach((finding, index) => expect(finding.message).toContain(expected[index]![1]));
  });
});

describe("required-indicators", () => {
  it("asks for each required figure the template lists, and accepts 0", () => {
    const template = getTemplate("county-government");
    const spec = cleanReportSpec();
    spec.sections![0]!.indicators = { fuyi_received: 0, fuyi_closed: 0, susong_cases: 3, susong_lost: null };
    const findings = runRule(requiredIndicatorsRule, buildReport(spec), { template });
    expect(findings.map((finding) => finding.location.key)).toEqual(["susong_lost", "susong_heads_appear"]);
    expect(findings[0]!.message).toContain("必填指标“行政诉讼败诉”（单位：件）；没有发生的，填0");
  });
});

describe("problem-causes", () => {
  const cases: Array<{ body: string; isFlagged: boolean }> = [
    { body: "一是执法力量不足。二是宣传力度不够。究其原因，主要是认识不到位。", isFlagged: false },
    { body: "执法队伍专业化水平不高，根源在于培训机制不健全。", isFlagged: false },
    { body: "这些问题的存在，反映出部分干部法治意识不强。", isFlagged: false },
    { body: "一是执法力量不足。二是宣传力度不够。三是基层法治建设存在短板。", isFlagged: true },
  ];
  it.each(cases)("“$body”", ({ body, isFlagged }) => {
    const report = buildReport({ sections: [{ kind: "problems", items: [{ body }] }] });
    const findings = runRule(problemCausesRule, report);
    expect(findings).toHaveLength(isFlagged ? 1 : 0);
    if (isFlagged) expect(findings[0]!.message).toContain("没有分析原因");
  });
});
