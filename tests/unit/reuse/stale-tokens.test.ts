import { describe, expect, it } from "vitest";

import { findStaleTokens, shiftHeadingYears } from "@/lib/reuse";

describe("shiftHeadingYears", () => {
  it.each([
    ["云溪县市场监督管理局关于2024年法治政府建设情况的报告", "云溪县市场监督管理局关于2025年法治政府建设情况的报告", 1],
    ["2025年工作计划", "2026年工作计划", 1],
    ["2024年工作情况及2025年工作安排", "2025年工作情况及2026年工作安排", 2],
    ["二〇二四年法治政府建设情况", "二〇二五年法治政府建设情况", 1],
    ["落实《法治政府建设实施纲要（2021－2025年）》情况", "落实《法治政府建设实施纲要（2021－2025年）》情况", 0],
    ["贯彻云府发〔2024〕12号文件情况", "贯彻云府发〔2024〕12号文件情况", 0],
    ["2024年度执行《云溪县2024年普法计划》情况", "2025年度执行《云溪县2024年普法计划》情况", 1],
    ["2023年遗留问题整改情况", "2023年遗留问题整改情况", 0],
    ["存在的不足和原因", "存在的不足和原因", 0],
    ["“十四五”规划（2021—2025）中期评估", "“十四五”规划（2021—2025）中期评估", 0],
    ["2024至2025年度重点任务", "2024至2025年度重点任务", 0],
  ])("%s", (input, expected, count) => {
    expect(shiftHeadingYears(input, 2024)).toEqual({ text: expected, count });
  });
});

describe("findStaleTokens", () => {
  const cases: Array<[string, string, Array<[string, "year" | "figure"]>]> = [
    [
      "counts with units",
      "全年办理行政处罚案件286件，罚没款426.5万元。",
      [
        ["286件", "figure"],
        ["426.5万元", "figure"],
      ],
    ],
    [
      "approximate counts",
      "开展执法检查2820余次，出动执法人员8460人次。",
      [
        ["2820余次", "figure"],
        ["8460人次", "figure"],
      ],
    ],
    [
      "percent in digits and words",
      "优良率达95%，备案率达到百分之百。",
      [
        ["95%", "figure"],
        ["百分之百", "figure"],
      ],
    ],
    [
      "Chinese numerals",
      "组织主题宣传活动十二场，培训三期。",
      [
        ["十二场", "figure"],
        ["三期", "figure"],
      ],
    ],
    [
      "ten-thousands",
      "覆盖群众2.3万人次，发放资料万余份。",
      [
        ["2.3万人次", "figure"],
        ["万余份", "figure"],
      ],
    ],
    [
      "years",
      "2023年以来，尤其是2024年度，以及二〇二二年。",
      [
        ["2023年", "year"],
        ["2024年度", "year"],
        ["二〇二二年", "year"],
      ],
    ],
    ["year range", "2023—2024年连续两年获评先进。", [["2023—2024年", "year"]]],
    ["citations are left alone", "依据《云溪县2023年执法工作要点》（云市监〔2024〕3号）开展检查15次。", [["15次", "figure"]]],
    ["set phrases and idioms are not figures", "落实行政执法三项制度，开展一次集中整治，把法律送进千家万户、进万家。", []],
    ["words ending in 一 are not figures", "全市唯一一个获评单位，逐一个别谈话，统一部署。", []],
    ["set phrases with 两个", "压实“两个责任”，开展专项检查两次。", [["两次", "figure"]]],
    ["ordinals are not figures", "召开第3次局务会议和第十二次党组会议。", []],
    ["dates and plan names are not figures", "在“12·4”国家宪法日前后，落实“八五”普法规划。", []],
    [
      "a figure right after a year",
      "2024年3件复议案件全部审结。",
      [
        ["2024年", "year"],
        ["3件", "figure"],
      ],
    ],
  ];
  it.each(cases)("%s", (_name, text, expected) => {
    const tokens = findStaleTokens(text);
    expect(tokens.map((token) => [token.text, token.kind])).toEqual(expected);
    for (const token of tokens) expect(text.slice(token.from, token.to)).toBe(token.text);
  });
});
