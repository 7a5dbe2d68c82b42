import { describe, expect, it } from "vitest";

import { indicatorBoundsRule } from "@/lib/validation/rules/indicator-bounds";
import { indicatorRatesRule } from "@/lib/validation/rules/indicator-rates";
import { percentagesRule } from "@/lib/validation/rules/percentages";

import { buildReport, rangeText, reportWithBody, runRule } from "../helpers";

describe("percentages", () => {
  const cases: Array<{ body: string; ranges: string[] }> = [
    { body: "行政机关负责人出庭应诉率达到100%。", ranges: [] },
    { body: "罚没收入同比增长150%，办案数量提高了120%。", ranges: [] },
    { body: "行政复议纠错率为12.5%，执法人员持证率105%。", ranges: ["105%"] },
    { body: "规范性文件报备率达到110％。", ranges: ["110％"] },
    { body: "村（社区）法律顾问覆盖面达120%。", ranges: ["120%"] },
  ];
  it.each(cases)("“$body”", ({ body, ranges }) => {
    const findings = runRule(percentagesRule, reportWithBody(body));
    expect(findings.map((finding) => rangeText(body, finding))).toEqual(ranges);
    for (const finding of findings) expect(finding.severity).toBe("error");
  });
});

describe("indicator-bounds", () => {
  const cases: Array<{ name: string; indicators: Record<string, number | null>; messages: string[] }> = [
    { name: "consistent figures", indicators: { fuyi_received: 46, fuyi_closed: 44, susong_cases: 31, susong_heads_appear: 31 }, messages: [] },
    { name: "empty figures", indicators: { fuyi_received: null, fuyi_closed: 3 }, messages: [] },
    {
      name: "closed above received",
      indicators: { fuyi_received: 40, fuyi_closed: 44 },
      messages: ["行政复议审结数不能大于收案数：行政复议审结44，行政复议收案40。"],
    },
    { name: "heads appear above cases", indicators: { susong_cases: 10, susong_heads_appear: 12 }, messages: ["负责人出庭应诉数不能大于行政诉讼案件数"] },
    { name: "fractional count", indicators: { chufa_cases: 12.5, chufa_fines: 3.75 }, messages: ["指标“行政处罚案件”应为整数（单位：件），现填写为12.5。"] },
  ];
  it.each(cases)("$name", ({ indicators, messages }) => {
    const report = buildReport({ sections: [{ kind: "measures", items: [{ heading: "执法", body: "正文。" }], indicators }] });
    const findings = runRule(indicatorBoundsRule, report);
    expect(findings).toHaveLength(messages.length);
    findings.forEach((finding, index) => {
      expect(finding.message).toContain(messages[index]);
      expect(finding.location.field).toBe("indicators");
    });
  });

  it("compares figures entered in different parts", () => {
    const report = buildReport({
      sections: [
        { kind: "measures", items: [{ heading: "执法", body: "正文。" }], indicators: { xinfang_received: 20 } },
        { kind: "other", items: [{ body: "无。" }], indicators: { xinfang_closed: 25 } },
      ],
    });
    const [finding] = runRule(indicatorBoundsRule, report);
    expect(finding?.location).toMatchObject({ field: "indicators", key: "xinfang_closed", sectionIndex: 1 });
  });
});

describe("indicator-rates", () => {
  const indicators = { susong_cases: 15, susong_heads_appear: 12, fuyi_received: 40, fuyi_closed: 40 };
  const cases: Array<{ body: string; ranges: string[]; message?: string }> = [
    { body: "行政机关负责人出庭应诉率为80%，行政复议审结率100%。", ranges: [] },
    { body: "负责人出庭应诉率80.0%。", ranges: [] },
    {
      body: "行政机关负责人出庭应诉率达到100%。",
      ranges: ["行政机关负责人出庭应诉率达到100%"],
      message: "按填报的指标（负责人出庭应诉12件、行政诉讼案件15件）计算应为80%",
    },
    { body: "复议案件审结率为百分之百，负责人出庭应诉率85%。", ranges: ["负责人出庭应诉率85%"] },
    { body: "信访事项按期办结率达到98%。", ranges: [] },
  ];
  it.each(cases)("“$body”", ({ body, ranges, message }) => {
    const report = buildReport({ sections: [{ kind: "measures", items: [{ heading: "化解纠纷", body }], indicators }] });
    const findings = runRule(indicatorRatesRule, report);
    expect(findings.map((finding) => rangeText(body, finding))).toEqual(ranges);
    if (message) expect(findings[0]!.message).toContain(message);
  });
});
