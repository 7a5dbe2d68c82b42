import { describe, expect, it } from "vitest";

import { isChineseIdNumber, personalDataRule } from "@/lib/validation/rules/personal-data";

import { rangeText, reportWithBody, runRule, textAfterFix } from "../helpers";

// 11010519491231002X is the checksum example of GB 11643; 110105194912310021 differs only in the check digit.
describe("personal-data", () => {
  it.each([
    ["11010519491231002X", true],
    ["110105194912310021", false],
    ["115001100093009823", false],
    ["110105194913310029", false],
  ])("isChineseIdNumber(%s) = %s", (value, expected) => expect(isChineseIdNumber(value)).toBe(expected));

  const cases: Array<{ body: string; ranges: string[]; fixed?: string }> = [
    { body: "举报电话12345，环保热线12369，索引号115001100093009823。", ranges: [] },
    {
      body: "当事人张某（身份证号11010519491231002X）已缴纳罚款。",
      ranges: ["11010519491231002X"],
      fixed: "当事人张某（身份证号110105********002X）已缴纳罚款。",
    },
    { body: "联系人：李某，13812345678。", ranges: ["13812345678"], fixed: "联系人：李某，138****5678。" },
    { body: "联系电话138-1234-5678。", ranges: ["138-1234-5678"], fixed: "联系电话138-****-5678。" },
  ];
  it.each(cases)("“$body”", ({ body, ranges, fixed }) => {
    const report = reportWithBody(body);
    const findings = runRule(personalDataRule, report);
    expect(findings.map((finding) => rangeText(body, finding))).toEqual(ranges);
    for (const finding of findings) expect(finding.severity).toBe("error");
    if (fixed) expect(textAfterFix(report, findings[0]!)).toBe(fixed);
  });

  it("does not apply to a report that will not be published", () => {
    expect(runRule(personalDataRule, reportWithBody("联系人：李某，13812345678。", { meta: { isPublic: false } }))).toEqual([]);
  });
});
