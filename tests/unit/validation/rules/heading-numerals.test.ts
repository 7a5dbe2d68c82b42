import { describe, expect, it } from "vitest";

import { headingNumeralsRule } from "@/lib/validation/rules/heading-numerals";

import { buildReport, runRule, textAfterFix } from "../helpers";

const cases: Array<{ heading: string; fixed?: string; message?: string }> = [
  { heading: "推进严格规范公正文明执法" },
  { heading: "2024年推进法治政府建设的主要举措和成效" },
  { heading: "12345热线诉求办理" },
  { heading: "一、主要举措和成效", fixed: "主要举措和成效", message: "“一、”" },
  { heading: "（二）深化“放管服”改革", fixed: "深化“放管服”改革", message: "“（二）”" },
  { heading: "(三)严格规范执法", fixed: "严格规范执法" },
  { heading: "1. 推进简政放权", fixed: "推进简政放权" },
  { heading: "2、创新社会治理", fixed: "创新社会治理" },
  { heading: "（1）全面推行执法公示", fixed: "全面推行执法公示" },
  { heading: "第三部分 存在的不足和原因", fixed: "存在的不足和原因" },
  { heading: "、存在问题及整改措施", fixed: "存在问题及整改措施", message: "序号可能在编辑中丢失" },
];

describe("heading-numerals", () => {
  it.each(cases)("item heading “$heading”", ({ heading, fixed, message }) => {
    const report = buildReport({ sections: [{ kind: "measures", items: [{ heading, body: "正文。" }] }] });
    const findings = runRule(headingNumeralsRule, report);
    if (!fixed) return expect(findings).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.location).toMatchObject({ field: "itemHeading", itemIndex: 0, range: { from: 0 } });
    if (message) expect(findings[0]!.message).toContain(message);
    expect(textAfterFix(report, findings[0]!)).toBe(fixed);
  });

  it("checks part headings too", () => {
    const report = buildReport({ sections: [{ kind: "problems", heading: "二、存在的不足和原因", items: [{ body: "究其原因。" }] }] });
    const [finding] = runRule(headingNumeralsRule, report);
    expect(finding?.location.field).toBe("sectionHeading");
    expect(textAfterFix(report, finding!)).toBe("存在的不足和原因");
  });
});
