import { describe, expect, it } from "vitest";

import { validateReport } from "@/lib/validation";
import { datedTermsRule } from "@/lib/validation/rules/dated-terms";

import { buildReport, cleanReportSpec, findingsOf, rangeText, reportWithBody, runRule, textAfterFix } from "../helpers";

describe("dated-terms", () => {
  it("“七五”普法 as current work in a 2021 report is stale, with a fix to “八五”", () => {
    const body = "扎实推进“七五”普法，组织各类普法活动36场次。";
    const report = reportWithBody(body, { meta: { year: 2021 } });
    const findings = runRule(datedTermsRule, report);
    expect(findings.map((finding) => rangeText(body, finding))).toEqual(["“七五”普法"]);
    expect(findings[0]!.message).toContain("“八五”普法");
    expect(textAfterFix(report, findings[0]!)).toBe("扎实推进“八五”普法，组织各类普法活动36场次。");
  });

  it.each([
    [2020, "扎实推进“七五”普法，组织各类普法活动36场次。"],
    [2021, "年初顺利完成“七五”普法总结验收，获评先进单位。"],
    [2021, "近年来，我局以落实“七五”普法规划为主线，抓好重点对象学法。"],
    [2020, "着手谋划“八五”普法规划，广泛征求基层意见。"],
    [2023, "扎实推进“八五”普法中期评估各项工作。"],
  ])("%i: “%s” passes", (year, body) => {
    expect(runRule(datedTermsRule, reportWithBody(body, { meta: { year } }))).toEqual([]);
  });

  it("the plan part of a 2020 report may name the coming “八五” plan", () => {
    const report = buildReport({ meta: { year: 2020 }, sections: [{ kind: "next_year", items: [{ body: "全面启动“八五”普法，开展普法骨干培训。" }] }] });
    expect(runRule(datedTermsRule, report)).toEqual([]);
  });

  it("the 纲要 in force depends on the year", () => {
    const early = reportWithBody("对照《法治政府建设实施纲要（2021－2025年）》梳理任务。", { meta: { year: 2020 } });
    expect(runRule(datedTermsRule, early)[0]?.message).toContain("2021年8月才印发");
    const stale = reportWithBody("对照《法治政府建设实施纲要（2015－2020年）》推进各项工作。", { meta: { year: 2022 } });
    expect(runRule(datedTermsRule, stale)[0]?.message).toContain("（2021－2025年）");
    expect(runRule(datedTermsRule, reportWithBody("对照《法治政府建设实施纲要（2021－2025年）》梳理任务。", { meta: { year: 2023 } }))).toEqual([]);
  });

  it("习近平法治思想 before 2020 and 民法典 before 2020 are anachronisms; both are right from 2020/2021 on", () => {
    const body = "深入学习习近平法治思想，广泛宣传民法典。";
    const early = runRule(datedTermsRule, reportWithBody(body, { meta: { year: 2019 } })).filter((finding) => finding.location.field === "body");
    expect(early.map((finding) => rangeText(body, finding))).toEqual(["习近平法治思想", "民法典"]);
    expect(runRule(datedTermsRule, reportWithBody(body, { meta: { year: 2021 } }))).toEqual([]);
  });

  it("gangyao coverage (the nine 2021–2025 areas) is not applied to a 2020 report", () => {
    const spec = cleanReportSpec();
    spec.sections![0] = { kind: "measures", items: [{ heading: "推进执法", body: "组织执法培训3次，评查案卷120卷。" }] };
    expect(findingsOf(validateReport(buildReport({ ...spec, meta: { year: 2020 } })), "gangyao-coverage")).toEqual([]);
    expect(findingsOf(validateReport(buildReport({ ...spec, meta: { year: 2023 } })), "gangyao-coverage").length).toBeGreaterThan(0);
  });
});
