import { describe, expect, it } from "vitest";

import { validateReport } from "@/lib/validation";
import { headingNumeralsRule } from "@/lib/validation/rules/heading-numerals";
import { openingRule } from "@/lib/validation/rules/opening";
import { paragraphNumberingRule } from "@/lib/validation/rules/paragraph-numbering";
import { pendingUpdatesRule } from "@/lib/validation/rules/pending-updates";
import { requiredIndicatorsRule } from "@/lib/validation/rules/required-indicators";
import { requiredPartsRule } from "@/lib/validation/rules/required-parts";
import { runInSequenceRule } from "@/lib/validation/rules/run-in-sequence";
import { sourceNumberingRule } from "@/lib/validation/rules/source-numbering";
import { staleFiguresRule } from "@/lib/validation/rules/stale-figures";
import { getTemplate } from "@/templates";

import { buildReport, cleanReportSpec, fieldText, rangeText, reportWithBody, runRule, textAfterFix } from "../helpers";

describe("numbering over the whole outline", () => {
  it("item headings that kept their typed numerals: （一）（三） names the place and the expected numeral", () => {
    const report = buildReport({
      sections: [
        {
          kind: "measures",
          items: [
            { heading: "（一）加强组织领导", body: "召开专题会议4次。" },
            { heading: "（三）严格规范执法", body: "评查案卷120卷。" },
          ],
        },
      ],
    });
    const findings = runRule(headingNumeralsRule, report);
    expect(findings).toHaveLength(2);
    expect(findings[1]!.location).toMatchObject({ field: "itemHeading", itemIndex: 1, range: { from: 0, to: 3 } });
    expect(findings[1]!.message).toContain("应为“（二）”");
    expect(findings[1]!.message).toContain("跳过了");
    expect(textAfterFix(report, findings[1]!)).toBe("严格规范执法");
  });

  it("half-width (一) in a heading is named as such", () => {
    const report = buildReport({ sections: [{ kind: "measures", items: [{ heading: "(一)加强组织领导", body: "召开专题会议4次。" }] }] });
    expect(runRule(headingNumeralsRule, report)[0]!.message).toContain("半角");
  });

  it("a part heading without its numeral, a repeated part numeral", () => {
    const report = buildReport({
      sections: [
        { kind: "measures", heading: "一、主要举措和成效", items: [{ heading: "执法", body: "评查案卷120卷。" }] },
        { kind: "next_year", heading: "一、下一步工作打算", items: [{ body: "一是加强培训。" }] },
        { kind: "problems", heading: "、存在的问题", items: [{ body: "执法力量不足。" }] },
      ],
    });
    const messages = runRule(headingNumeralsRule, report).map((finding) => finding.message);
    expect(messages[1]).toContain("应为“二、”（与上一个序号重复）");
    expect(messages[2]).toContain("此处应为“三、”");
  });

  it("（一）（三） paragraphs inside a body: skipped numeral with a fix to （二）", () => {
    const body = "（一）加强组织领导。召开专题会议4次。\n（三）严格规范执法。评查案卷120卷。";
    const report = reportWithBody(body);
    const findings = runRule(paragraphNumberingRule, report);
    expect(findings.map((finding) => rangeText(body, finding))).toEqual(["（三）"]);
    expect(findings[0]!.message).toContain("缺少“（二）”");
    expect(textAfterFix(report, findings[0]!)).toBe("（一）加强组织领导。召开专题会议4次。\n（二）严格规范执法。评查案卷120卷。");
  });

  it("1. 3. paragraphs get a fix to 2.", () => {
    const body = "1.推进简政放权。\n3.优化政务服务。";
    const report = reportWithBody(body);
    const [finding] = runRule(paragraphNumberingRule, report);
    expect(textAfterFix(report, finding!)).toBe("1.推进简政放权。\n2.优化政务服务。");
  });

  it("a part heading swallowed into the body of the part before it is reported where it stands", () => {
    const body = "执法力量不足，培训不够。\n二、下一步工作打算\n一是加强执法培训。";
    const findings = runRule(paragraphNumberingRule, reportWithBody(body, { kind: "problems" }));
    expect(findings.map((finding) => rangeText(body, finding))).toEqual(["二、"]);
    expect(findings[0]!.message).toContain("没有成为单独的一部分");
  });

  it("一是 三是: a fix to 二是", () => {
    const body = "一是加强执法培训。三是开展案卷评查。";
    const report = reportWithBody(body);
    const findings = runRule(runInSequenceRule, report);
    expect(findings.map((finding) => rangeText(body, finding))).toEqual(["三是"]);
    expect(textAfterFix(report, findings[0]!)).toBe("一是加强执法培训。二是开展案卷评查。");
  });
});

describe("severity that means something", () => {
  const template = getTemplate("county-government");

  it.each(["全年未发生行政诉讼案件。", "本年度无行政复议及行政诉讼案件。", "我局行政诉讼案件数为0。"])(
    "“%s” satisfies the required litigation indicators (info, not error)",
    (sentence) => {
      const spec = cleanReportSpec();
      spec.sections![0] = { ...spec.sections![0]!, items: [...spec.sections![0]!.items!, { heading: "行政应诉", body: sentence }], indicators: {} };
      const findings = runRule(requiredIndicatorsRule, buildReport(spec), { template });
      const litigation = findings.filter((finding) => finding.location.key?.startsWith("susong"));
      expect(litigation.length).toBeGreaterThan(0);
      expect(litigation.every((finding) => finding.severity === "info")).toBe(true);
    },
  );

  it("without such a sentence, a missing required indicator stays an error; 无 inside other words does not count", () => {
    const spec = cleanReportSpec();
    spec.sections![0] = { ...spec.sections![0]!, items: [{ heading: "执法", body: "行政诉讼案件无一败诉，败诉率持续下降。" }], indicators: {} };
    const findings = runRule(requiredIndicatorsRule, buildReport(spec), { template });
    expect(findings.some((finding) => finding.severity === "error" && finding.location.key === "susong_cases")).toBe(true);
  });

  it("a one-sentence item is content, not a heading waiting for its body", () => {
    const spec = cleanReportSpec();
    spec.sections![4] = { kind: "other", items: [{ heading: "全年未发生行政诉讼案件，未收到行政复议申请" }, { heading: "依法全面履行政府职能" }] };
    const messages = runRule(requiredPartsRule, buildReport(spec)).map((finding) => finding.message);
    expect(messages).toEqual(["“（二）依法全面履行政府职能”下还没有正文。"]);
  });

  it("a generic 加强党的领导 part does not count as the leader's-duty part", () => {
    const spec = cleanReportSpec();
    spec.sections![2] = {
      kind: "leader_duty",
      heading: "加强党对法治政府建设的领导",
      items: [{ body: "充分发挥党委总揽全局、协调各方的作用，成立由一把手任组长的领导小组，把法治建设纳入年度考核。" }],
    };
    const [finding] = runRule(requiredPartsRule, buildReport(spec));
    expect(finding).toMatchObject({ severity: "error", location: { field: "sectionHeading", sectionKind: "leader_duty" } });
    expect(finding!.message).toContain("主要负责人本人");
  });

  it("the principal leader as subject counts, in the part or as an item inside 举措", () => {
    expect(runRule(requiredPartsRule, buildReport(cleanReportSpec()))).toEqual([]);
  });
});

describe("opening (导语)", () => {
  it("a missing opening is a warning", () => {
    const findings = runRule(openingRule, buildReport({ ...cleanReportSpec(), opening: "" }));
    expect(findings).toMatchObject([{ severity: "warning", location: { field: "opening" } }]);
  });

  it("its leading year must be the report year; a fix changes it", () => {
    const report = buildReport({ ...cleanReportSpec(), opening: "2023年，县政府坚持以习近平法治思想为指导，现将有关情况报告如下：" });
    const [finding] = runRule(openingRule, report);
    expect(finding).toMatchObject({ severity: "error", location: { field: "opening", range: { from: 0, to: 4 } } });
    expect(textAfterFix(report, finding!)).toBe("2024年，县政府坚持以习近平法治思想为指导，现将有关情况报告如下：");
  });

  it("a deliberate earlier year in the opening passes", () => {
    expect(
      runRule(openingRule, buildReport({ ...cleanReportSpec(), opening: "2024年，县政府巩固2021年以来法治政府示范创建成果。现将有关情况报告如下：" })),
    ).toEqual([]);
  });

  it("proofreading rules read the opening too", () => {
    const report = buildReport({ ...cleanReportSpec(), opening: "2024年，县政府认真布署法治政府建设工作。现将有关情况报告如下：" });
    const finding = validateReport(report).find((candidate) => candidate.ruleId === "confusion-words");
    expect(finding?.location.field).toBe("opening");
    expect(rangeText(fieldText(report, finding!.location), finding!)).toBe("布署");
    expect(textAfterFix(report, finding!)).toBe("2024年，县政府认真部署法治政府建设工作。现将有关情况报告如下：");
  });
});

describe("rolled-forward report: one finding per carried-over figure", () => {
  it("a figure marked 待更新 that also equals last year's is reported once, by pending-updates", () => {
    const previous = reportWithBody("全年办理行政处罚案件126件，罚没款35.6万元。", { meta: { year: 2023 } });
    const report = buildReport({
      sections: [
        {
          kind: "measures",
          items: [
            {
              heading: "推进严格规范公正文明执法",
              body: "全年办理行政处罚案件126件，罚没款35.6万元。",
              pendingUpdates: [{ id: "p1", text: "126件", kind: "figure" }],
            },
          ],
        },
      ],
    });
    const context = { previous };
    const stale = runRule(staleFiguresRule, report, context);
    const pending = runRule(pendingUpdatesRule, report, context);
    expect(pending).toHaveLength(1);
    expect(stale).toHaveLength(1);
    expect(stale[0]!.message).toContain("“罚没款35.6万元”");
    expect(stale[0]!.location.range).not.toEqual(pending[0]!.location.range);
  });
});

describe("joined-line artifacts", () => {
  it("a paragraph broken in the middle of a sentence is reported with a fix that joins it to the next", () => {
    const body = "全年办理行政处罚案件218件，罚没款\n金额146.3万元。\n1.规范涉企检查。";
    const report = reportWithBody(body);
    const findings = validateReport(report).filter((finding) => finding.ruleId === "paragraph-ending");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("换行残留");
    expect(textAfterFix(report, findings[0]!)).toBe("全年办理行政处罚案件218件，罚没款金额146.3万元。\n1.规范涉企检查。");
  });

  it("a heading-like line before a numbered paragraph is not a broken sentence", () => {
    const report = reportWithBody("主要做法\n1.规范涉企检查。");
    expect(validateReport(report).filter((finding) => finding.ruleId === "paragraph-ending")).toEqual([]);
  });
});

describe("待更新 marks in the opening", () => {
  it("a carried-over figure in the opening is reported where it stands", () => {
    const report = {
      ...buildReport({ ...cleanReportSpec(), opening: "2024年，全县办理行政复议案件46件。现将有关情况报告如下：" }),
      openingPendingUpdates: [{ id: "p1", text: "46件", kind: "figure" as const }],
    };
    const findings = runRule(pendingUpdatesRule, report);
    expect(findings).toMatchObject([{ location: { field: "opening", range: { from: 16, to: 19 } } }]);
  });
});

describe("rolled-forward years: one finding per place", () => {
  it("a year marked 待更新 is not reported a second time by report-year", () => {
    const report = buildReport({
      sections: [
        {
          kind: "measures",
          items: [{ heading: "执法", body: "2023年全县办理行政处罚案件126件。", pendingUpdates: [{ id: "p1", text: "2023年", kind: "year" }] }],
        },
      ],
    });
    const findings = validateReport(report).filter((finding) => finding.location.field === "body" && finding.location.range?.from === 0);
    expect(findings.map((finding) => finding.ruleId)).toEqual(["pending-updates"]);
  });
});

describe("locations name headings as they stand in the report", () => {
  it("a heading that kept its typed numeral is not numbered twice", async () => {
    const { describeLocation } = await import("@/lib/validation");
    const report = buildReport({
      sections: [
        {
          kind: "measures",
          items: [
            { heading: "（一）加强组织领导", body: "召开专题会议4次。" },
            { heading: "（三）严格规范执法", body: "评查案卷120卷。" },
          ],
        },
      ],
    });
    expect(describeLocation(report, { field: "body", sectionIndex: 0, itemIndex: 1 })).toBe(
      "一、2024年推进法治政府建设的主要举措和成效 › （三）严格规范执法 › 正文",
    );
  });
});

describe("source-numbering (headings as the imported file typed them)", () => {
  const report = buildReport({
    sections: [
      {
        kind: "measures",
        items: [
          { heading: "加强组织领导", body: "召开专题会议4次。" },
          { heading: "严格规范执法", body: "评查案卷120卷。" },
        ],
      },
      { kind: "problems", items: [{ body: "执法力量不足。究其原因，主要是培训不够。" }] },
      { kind: "next_year", items: [{ body: "一是加强培训。" }] },
    ],
  });

  it("reports skipped, repeated and lost numerals and half-width brackets with the numeral the report prints", () => {
    const sourceHeadings = [
      { heading: "一、主要举措和成效", items: ["（一）加强组织领导", "(三)严格规范执法"] },
      { heading: "一、存在的不足和原因", items: [undefined] },
      { heading: "、下一步工作安排", items: [undefined] },
    ];
    const messages = runRule(sourceNumberingRule, report, { sourceHeadings }).map((finding) => finding.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain("跳过了“（二）”；括号是半角");
    expect(messages[1]).toContain("与上一个序号重复，应为“二、”");
    expect(messages[2]).toContain("缺少序号，应为“三、”");
  });

  it("a file numbered in order, or a report not imported, gives nothing", () => {
    const sourceHeadings = [
      { heading: "一、主要举措和成效", items: ["（一）加强组织领导", "（二）严格规范执法"] },
      { heading: "二、存在的不足和原因", items: [undefined] },
      { heading: "三、下一步工作安排", items: [undefined] },
    ];
    expect(runRule(sourceNumberingRule, report, { sourceHeadings })).toEqual([]);
    expect(runRule(sourceNumberingRule, report)).toEqual([]);
  });
});
