import { describe, expect, it } from "vitest";

import { runInSequenceRule } from "@/lib/validation/rules/run-in-sequence";

import { rangeText, reportWithBody, runRule, textAfterFix } from "../helpers";

const cases: Array<{ name: string; body: string; expected: Array<{ range: string; message: string; fixed?: string }> }> = [
  { name: "complete 一是二是三是 in one paragraph", body: "强化执法监督。一是开展案卷评查。二是组织执法培训。三是公开执法信息。", expected: [] },
  { name: "一是二是 as separate paragraphs", body: "一是开展案卷评查。\n二是组织执法培训。\n三是公开执法信息。", expected: [] },
  { name: "a new 一是 starts a new enumeration", body: "一是建章立制。二是抓好落实。\n（1）公示制度。一是公开主体。二是公开程序。", expected: [] },
  { name: "第一、第二 in order", body: "主要做法有：第一，完善制度。第二，加强培训。第三，强化监督。", expected: [] },
  { name: "ordinary words after a numeral", body: "一是完善制度。三年来共办理案件120件，四个方面的问题全部整改。", expected: [] },
  { name: "是 after a comma is prose, not a lost numeral", body: "一是统一执法文书，是全省唯一统一全类别文书的地市。二是强化培训。", expected: [] },
  { name: "第一责任人 is not an enumeration", body: "一是压实责任。县长作为第一责任人亲自部署。二是健全机制。", expected: [] },
  {
    name: "gap: 一是 then 三是",
    body: "一是开展案卷评查。三是公开执法信息。",
    expected: [{ range: "三是", message: "中间缺少“二是”" }],
  },
  {
    name: "repeat: 二是 twice",
    body: "一是开展案卷评查。二是组织执法培训。二是公开执法信息。",
    expected: [{ range: "二是", message: "“二是”重复出现，后一个应为“三是”" }],
  },
  {
    name: "broken form 三还",
    body: "一是监管方式有待改进。二是制度落实有待加强。三还需要加强执法队伍专业化建设。",
    expected: [{ range: "三还", message: "应为“三是还”", fixed: "一是监管方式有待改进。二是制度落实有待加强。三是还需要加强执法队伍专业化建设。" }],
  },
  {
    name: "bare 是 lost its numeral twice",
    body: "一是审查涉企文件。是开展企业帮扶。是实施差异化管控。四是推行轻微违法免罚。",
    expected: [
      { range: "是", message: "应为“二是”", fixed: "一是审查涉企文件。二是开展企业帮扶。是实施差异化管控。四是推行轻微违法免罚。" },
      { range: "是", message: "应为“三是”", fixed: "一是审查涉企文件。是开展企业帮扶。三是实施差异化管控。四是推行轻微违法免罚。" },
    ],
  },
  {
    name: "第一 then 第三",
    body: "第一，完善制度。第三，强化监督。",
    expected: [{ range: "第三，", message: "中间缺少“第二”" }],
  },
  {
    name: "out of order",
    body: "一是完善制度。二是加强培训。三是强化监督。四是公开信息。二是严格考核。",
    expected: [{ range: "二是", message: "顺序错乱" }],
  },
];

describe("run-in-sequence", () => {
  it.each(cases)("$name", ({ body, expected }) => {
    const report = reportWithBody(body);
    const findings = runRule(runInSequenceRule, report);
    expect(findings.map((finding) => rangeText(body, finding))).toEqual(expected.map((entry) => entry.range));
    findings.forEach((finding, index) => {
      expect(finding.message).toContain(expected[index]!.message);
      expect(finding.location).toMatchObject({ field: "body", sectionKind: "measures", itemIndex: 0 });
      if (expected[index]!.fixed) expect(textAfterFix(report, finding)).toBe(expected[index]!.fixed);
    });
  });
});
