import { describe, expect, it } from "vitest";

import { commitmentsRule } from "@/lib/validation/rules/commitments";
import { similarToPreviousRule } from "@/lib/validation/rules/similar-to-previous";
import { staleFiguresRule } from "@/lib/validation/rules/stale-figures";

import { buildReport, rangeText, runRule } from "../helpers";

const LAST_YEAR_PROBLEMS =
  "一是基层综合行政执法力量不足，部分乡镇执法人员持证率偏低，执法装备保障不到位。二是重大行政决策后评估开展不够，决策事项目录公布不及时。究其原因，主要是对法治政府建设的系统性认识还不到位，基层法治工作力量和经费保障不足。";

function pair(thisYear: string, lastYear: string, kind: "problems" | "measures" = "problems") {
  const previous = buildReport({ meta: { year: 2023 }, sections: [{ kind, items: [{ heading: kind === "measures" ? "化解纠纷" : "", body: lastYear }] }] });
  const report = buildReport({ sections: [{ kind, items: [{ heading: kind === "measures" ? "化解纠纷" : "", body: thisYear }] }] });
  return { report, previous };
}

describe("similar-to-previous", () => {
  it.each([
    ["copied unchanged", LAST_YEAR_PROBLEMS, true],
    ["copied with two words changed", LAST_YEAR_PROBLEMS.replace("持证率偏低", "持证率不高").replace("不及时", "不够及时"), true],
    [
      "rewritten",
      "一是行政复议案件审理周期偏长，平均审理天数为48天。二是部分部门规范性文件清理不及时。究其原因，主要是专业人员流失严重，审查工作机制不够健全。",
      false,
    ],
    ["short parts", "无。", false],
  ])("%s", (_name, thisYear, isFlagged) => {
    const { report, previous } = pair(thisYear as string, LAST_YEAR_PROBLEMS);
    const findings = runRule(similarToPreviousRule, report, { previous });
    expect(findings).toHaveLength(isFlagged ? 1 : 0);
    if (isFlagged) expect(findings[0]!.message).toMatch(/与2023年度报告的相应部分文字重合约\d+%/);
  });

  it("needs last year's report", () => {
    expect(runRule(similarToPreviousRule, pair(LAST_YEAR_PROBLEMS, LAST_YEAR_PROBLEMS).report)).toEqual([]);
  });
});

describe("stale-figures", () => {
  const lastYear = "全年受理行政复议申请46件，审结44件，行政诉讼案件31件，罚没款合计1033.74万元，负责人出庭应诉率100%。";
  it.each([
    ["全年受理行政复议申请52件，审结50件，行政诉讼案件27件，罚没款合计980.5万元，负责人出庭应诉率100%。", []],
    ["全年受理行政复议申请46件，审结50件，行政诉讼案件27件，罚没款合计1033.74万元。", ["46件", "1033.74万元"]],
    ["组织培训46件次，审结案件5件。", []],
  ])("“%s”", (thisYear, ranges) => {
    const { report, previous } = pair(thisYear, lastYear, "measures");
    const findings = runRule(staleFiguresRule, report, { previous });
    expect(findings.map((finding) => rangeText(thisYear, finding))).toEqual(ranges);
    for (const finding of findings) expect(finding.message).toContain("与2023年度报告中的同一数据完全相同");
  });
});

describe("commitments", () => {
  it("open and unexplained recorded commitments are findings", () => {
    const report = buildReport({
      sections: [{ kind: "measures", items: [{ heading: "执法", body: "正文。" }] }],
      commitments: [
        { text: "全面推行行政执法“三项制度”", status: "done", linkedItemIds: ["s0i0"] },
        { text: "开展重大行政决策后评估", status: "open" },
        { text: "建成行政执法监督平台", status: "not_done", reason: "" },
        { text: "完成规范性文件清理", status: "not_done", reason: "上级统一部署调整至次年" },
      ],
    });
    const findings = runRule(commitmentsRule, report);
    expect(findings.map((finding) => finding.location.key)).toEqual(["c1", "c2"]);
    expect(findings[0]!.message).toContain("“开展重大行政决策后评估”尚未说明落实情况");
    expect(findings[1]!.message).toContain("请说明原因");
  });

  it("without a commitment list, last year's plans are looked for in this year's measures", () => {
    const previous = buildReport({
      meta: { year: 2023 },
      sections: [{ kind: "next_year", items: [{ body: "一是推进乡镇综合行政执法队伍建设。二是开展重大行政决策后评估。三是建设智慧普法平台。" }] }],
    });
    const report = buildReport({
      sections: [
        {
          kind: "measures",
          items: [
            { heading: "推进执法", body: "加强乡镇综合行政执法队伍建设，新增持证执法人员45名。" },
            { heading: "规范决策", body: "对3项重大行政决策开展后评估，形成评估报告。" },
          ],
        },
      ],
    });
    const findings = runRule(commitmentsRule, report, { previous });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("2023年度报告在“下一年度主要安排”中提出“建设智慧普法平台”");
  });
});
