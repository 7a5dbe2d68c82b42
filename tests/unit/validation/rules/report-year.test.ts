import { describe, expect, it } from "vitest";

import { reportYearRule } from "@/lib/validation/rules/report-year";

import { buildReport, rangeText, reportWithBody, runRule, textAfterFix } from "../helpers";

describe("report-year", () => {
  const titles: Array<{ title: string; severity?: string; fixed?: string; message?: string }> = [
    { title: "青山县人民政府关于2024年度法治政府建设情况的报告" },
    { title: "青山县人民政府关于2023年度法治政府建设情况的报告", severity: "error", fixed: "青山县人民政府关于2024年度法治政府建设情况的报告" },
    { title: "青山县人民政府法治政府建设情况的报告", severity: "warning", message: "标题中没有写明年度" },
  ];
  it.each(titles)("title “$title”", ({ title, severity, fixed, message }) => {
    const report = buildReport({ meta: { title }, sections: [] });
    const findings = runRule(reportYearRule, report);
    expect(findings.map((finding) => finding.severity)).toEqual(severity ? [severity] : []);
    if (fixed) expect(textAfterFix(report, findings[0]!)).toBe(fixed);
    if (message) expect(findings[0]!.message).toContain(message);
  });

  const headings: Array<{ kind: "measures" | "next_year" | "problems"; heading: string; fixed?: string; message?: string }> = [
    { kind: "measures", heading: "2024年推进法治政府建设的主要举措和成效" },
    {
      kind: "measures",
      heading: "2023年推进法治政府建设的主要举措和成效",
      fixed: "2024年推进法治政府建设的主要举措和成效",
      message: "与报告年度（2024年）不一致",
    },
    { kind: "measures", heading: "2025年推进法治政府建设的主要举措和成效", fixed: "2024年推进法治政府建设的主要举措和成效" },
    { kind: "next_year", heading: "2025年推进法治政府建设的主要安排" },
    { kind: "next_year", heading: "2024年推进法治政府建设的主要安排", fixed: "2025年推进法治政府建设的主要安排", message: "应写2025年的安排" },
    { kind: "next_year", heading: "2023年工作计划", fixed: "2025年工作计划" },
    { kind: "problems", heading: "存在问题及2025年整改措施" },
    { kind: "measures", heading: "贯彻《法治政府建设实施纲要（2021－2025年）》情况" },
  ];
  it.each(headings)("$kind heading “$heading”", ({ kind, heading, fixed, message }) => {
    const report = buildReport({ sections: [{ kind, heading, items: [{ body: "正文。" }] }] });
    const findings = runRule(reportYearRule, report);
    expect(findings).toHaveLength(fixed ? 1 : 0);
    if (!fixed) return;
    expect(findings[0]!.severity).toBe("error");
    expect(textAfterFix(report, findings[0]!)).toBe(fixed);
    if (message) expect(findings[0]!.message).toContain(message);
  });

  it("checks item headings of the plan part against the next year", () => {
    const report = buildReport({ sections: [{ kind: "next_year", items: [{ heading: "2024年重点推进综合执法改革", body: "正文。" }] }] });
    const [finding] = runRule(reportYearRule, report);
    expect(finding?.location.field).toBe("itemHeading");
    expect(textAfterFix(report, finding!)).toBe("2025年重点推进综合执法改革");
  });

  const bodies: Array<{ body: string; expected: Array<[string, string]> }> = [
    { body: "2024年共办理行政复议案件46件，2025年1月起施行新规定。", expected: [] },
    { body: "印发《青山县2023年普法工作要点》（青府办〔2023〕5号）。", expected: [] },
    { body: "对照《法治政府建设实施纲要（2021－2025年）》，完成2021—2025年规划中期评估，2021年至2025年持续推进。", expected: [] },
    { body: "2023年共办理行政复议案件46件。", expected: [["2023", "warning"]] },
    { body: "自2019年以来累计培训执法人员3000余人次。", expected: [] },
    { body: "截至2023 年底，全县共有执法人员300名。", expected: [["2023", "warning"]] },
  ];
  it.each(bodies)("body “$body”", ({ body, expected }) => {
    const findings = runRule(reportYearRule, reportWithBody(body));
    expect(findings.map((finding) => [rangeText(body, finding), finding.severity])).toEqual(expected);
    for (const finding of findings) expect(finding.message).toContain("请");
  });
});
