import { describe, expect, it } from "vitest";

import { paragraphNumberingRule } from "@/lib/validation/rules/paragraph-numbering";

import { buildReport, rangeText, reportWithBody, runRule, textAfterFix } from "../helpers";

const cases: Array<{ name: string; body: string; expected: Array<{ range: string; message: string; severity?: string }> }> = [
  { name: "1. 2. 3. in order", body: "1. 推进简政放权。\n2. 创新社会治理。\n3. 优化政务服务。", expected: [] },
  { name: "（1）（2） under 1.", body: "1.推进执法规范化建设。\n（1）全面推行执法公示。\n（2）全面推行全过程记录。\n2.创新执法方式。", expected: [] },
  { name: "decimals are not numbering", body: "2.5万元罚款已全部执行到位。", expected: [] },
  { name: "gap", body: "1. 推进简政放权。\n3. 优化政务服务。", expected: [{ range: "3.", message: "缺少“2.”" }] },
  { name: "repeat", body: "1. 推进简政放权。\n2. 创新社会治理。\n2. 优化政务服务。", expected: [{ range: "2.", message: "重复" }] },
  { name: "does not start at 1", body: "2. 创新社会治理。\n3. 优化政务服务。", expected: [{ range: "2.", message: "应从“1.”开始" }] },
  { name: "（1）（3）", body: "1. 推进执法规范化建设。\n（1）执法公示。\n（3）法制审核。", expected: [{ range: "（3）", message: "缺少“（2）”" }] },
  { name: "skipped level", body: "（1）全面推行执法公示。\n（2）全面推行全过程记录。", expected: [{ range: "（1）", message: "跳过了一个层级" }] },
  { name: "lost numeral in a paragraph", body: "1. 推进简政放权。\n、创新社会治理。", expected: [{ range: "、", message: "序号可能在编辑中丢失" }] },
];

describe("paragraph-numbering", () => {
  it.each(cases)("$name", ({ body, expected }) => {
    const findings = runRule(paragraphNumberingRule, reportWithBody(body));
    expect(findings.map((finding) => rangeText(body, finding))).toEqual(expected.map((entry) => entry.range));
    findings.forEach((finding, index) => expect(finding.message).toContain(expected[index]!.message));
  });

  it("mixed 1、 and 1. forms: the 、 form gets a warning with a fix", () => {
    const report = buildReport({
      sections: [
        {
          kind: "measures",
          items: [
            { heading: "推进执法", body: "1. 推进简政放权。\n2. 创新社会治理。" },
            { heading: "化解纠纷", body: "1、健全调解机制。\n2、加强信访工作。" },
          ],
        },
      ],
    });
    const findings = runRule(paragraphNumberingRule, report);
    expect(findings).toHaveLength(2);
    expect(findings.every((finding) => finding.severity === "warning" && finding.message.includes("混用"))).toBe(true);
    expect(textAfterFix(report, findings[0]!)).toBe("1.健全调解机制。\n2、加强信访工作。");
  });

  it("only the 1、 form: an info suggesting 1.", () => {
    const findings = runRule(paragraphNumberingRule, reportWithBody("1、健全调解机制。\n2、加强信访工作。"));
    expect(findings.map((finding) => finding.severity)).toEqual(["info", "info"]);
  });
});
