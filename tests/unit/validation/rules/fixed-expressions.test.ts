import { describe, expect, it } from "vitest";

import { FIXED_EXPRESSIONS } from "@/lib/validation/data/fixed-expressions";
import { fixedExpressionsRule } from "@/lib/validation/rules/fixed-expressions";

import { rangeText, reportWithBody, runRule, textAfterFix } from "../helpers";

describe("fixed-expressions data", () => {
  it("no correct expression is itself flagged", () => {
    for (const expression of FIXED_EXPRESSIONS) {
      expect(runRule(fixedExpressionsRule, reportWithBody(`坚持${expression.correct}。`)), expression.correct).toEqual([]);
    }
  });

  it("every wrong form is flagged and its fix yields the correct form", () => {
    for (const expression of FIXED_EXPRESSIONS) {
      for (const wrong of expression.wrong) {
        const body = `坚持${wrong}。`;
        const report = reportWithBody(body);
        const findings = runRule(fixedExpressionsRule, report);
        expect(
          findings.map((finding) => rangeText(body, finding)),
          wrong,
        ).toEqual([wrong]);
        expect(textAfterFix(report, findings[0]!)).toBe(`坚持${expression.correct}。`);
      }
    }
  });
});

describe("fixed-expressions", () => {
  const cases: Array<{ body: string; expected: Array<[string, string]> }> = [
    { body: "深入学习贯彻习近平法治思想，深化“放管服”改革，推行“双随机、一公开”监管。", expected: [] },
    { body: "深入学习贯彻习近平法制思想。", expected: [["习近平法制思想", "“习近平法制思想”应写作“习近平法治思想”"]] },
    {
      body: "深化放管服改革，落实行政执法三项制度。",
      expected: [
        ["放管服改革", "“放管服改革”应写作“‘放管服’改革”"],
        ["行政执法三项制度", "应写作“行政执法‘三项制度’”"],
      ],
    },
    { body: "以“双随机一公开”为抓手。", expected: [["“双随机一公开”", "应写作“‘双随机、一公开’”"]] },
    { body: "对照《法治政府建设实施纲要(2021-2025年)》。", expected: [["法治政府建设实施纲要(2021-2025年)", "应写作“法治政府建设实施纲要（2021－2025年）”"]] },
    { body: "做好行政复议、行政应讼工作。", expected: [["行政应讼", "“应讼”是错别字"]] },
  ];
  it.each(cases)("“$body”", ({ body, expected }) => {
    const findings = runRule(fixedExpressionsRule, reportWithBody(body));
    expect(findings.map((finding) => rangeText(body, finding))).toEqual(expected.map(([range]) => range));
    findings.forEach((finding, index) => expect(finding.message).toContain(expected[index]![1]));
  });
});
