import { describe, expect, it } from "vitest";

import { CONFUSION_LEXICON } from "@/lib/validation/data/confusion-lexicon";
import { confusionWordsRule } from "@/lib/validation/rules/confusion-words";
import { dotFormsRule } from "@/lib/validation/rules/dot-forms";
import { doubledWordsRule } from "@/lib/validation/rules/doubled-words";
import { duplicateTextRule } from "@/lib/validation/rules/duplicate-text";
import { straySpacesRule } from "@/lib/validation/rules/stray-spaces";

import { buildReport, rangeText, reportWithBody, runRule, textAfterFix } from "../helpers";

/** Running text written for these tests in the shape of a county bureau's report: none of it may be flagged. */
const CLEAN_PROSE = [
  "全年共办理行政处罚案件126件，其中适用简易程序48件，罚没款金额合计35.6万元。截至目前，已全部执行到位。",
  "严格落实重大执法决定法制审核制度，法制机构全年完成法制审核45件，提出修改意见17条。",
  "各部门常常深入企业走访，人人参与普法，处处体现为民服务。我们要再研究研究群众反映的问题，实实在在解决难题。",
  "持续优化法治化营商环境，推动形成法治政府建设的良好氛围，为了解决群众急难愁盼问题，针对对象分类施策。",
  "认真开展“12·4”国家宪法日和“宪法宣传周”活动，组织“六五”环境日主题宣传，发放资料3000余份。",
  "本学期中小学法治副校长全部到岗，期中评估结果良好。县人民检察院派驻检察室与我局建立联络机制。",
  "一个一个企业上门服务，一步一步推进整改，确保问题见底清零。",
  "全年受理行政复议申请21件，审结19件，纠错率9.5%，增长12.4个百分点。",
  "依法依规开展执法检查，对执法违法行为零容忍，坚决杜绝执法违规问题。",
];

describe("confusion-words", () => {
  it("ships a curated lexicon: every entry has a reason and a source, none is its own correction", () => {
    expect(CONFUSION_LEXICON.length).toBeGreaterThanOrEqual(300);
    for (const entry of CONFUSION_LEXICON) {
      expect(entry.reason.length, entry.wrong).toBeGreaterThan(3);
      expect(entry.source.length, entry.wrong).toBeGreaterThan(3);
      expect(entry.correct, entry.wrong).not.toBe(entry.wrong);
    }
    const wrongForms = CONFUSION_LEXICON.map((entry) => `${entry.wrong}|${entry.fromYear ?? ""}|${entry.after ?? ""}`);
    expect(new Set(wrongForms).size).toBe(wrongForms.length);
  });

  it("no correct form is itself flagged by the lexicon", () => {
    const report = reportWithBody(CONFUSION_LEXICON.map((entry) => `他们${entry.correct}。`).join("\n"), { meta: { year: 2024 } });
    const findings = runRule(confusionWordsRule, report);
    expect(findings.map((finding) => finding.message)).toEqual([]);
  });

  it.each(CLEAN_PROSE)("passes real-shaped prose: %s", (body) => {
    expect(runRule(confusionWordsRule, reportWithBody(body))).toEqual([]);
  });

  const hits: Array<{ body: string; wrong: string; fixed: string; severity?: string; year?: number }> = [
    { body: "年初即召开专题会议布署全年法治工作。", wrong: "布署", fixed: "年初即召开专题会议部署全年法治工作。" },
    { body: "截止目前，已办结行政复议案件18件。", wrong: "截止目前", fixed: "截至目前，已办结行政复议案件18件。" },
    { body: "截止2024年底，累计培训执法人员860人次。", wrong: "截止", fixed: "截至2024年底，累计培训执法人员860人次。" },
    { body: "全年办理行政处罚案件86件，期中简易程序32件。", wrong: "期中", fixed: "全年办理行政处罚案件86件，其中简易程序32件。" },
    { body: "与镇检查室联合开展法治宣传。", wrong: "检查室", fixed: "与镇检察室联合开展法治宣传。" },
    { body: "严厉查处法违行为，维护市场秩序。", wrong: "法违", fixed: "严厉查处违法行为，维护市场秩序。" },
    { body: "着力打造法制化营商环境。", wrong: "法制化营商环境", fixed: "着力打造法治化营商环境。", severity: "error" },
    { body: "深入开展法制宣传进企业活动。", wrong: "法制宣传", fixed: "深入开展法治宣传进企业活动。" },
    { body: "充分发挥人民调节的基础作用。", wrong: "人民调节", fixed: "充分发挥人民调解的基础作用。", severity: "error" },
    { body: "建立健全行政执法台帐，做到一案一档。", wrong: "台帐", fixed: "建立健全行政执法台账，做到一案一档。", severity: "info" },
    { body: "原环保局的职责已整合，环保局负责人出席会议。", wrong: "环保局", fixed: "原环保局的职责已整合，生态环境局负责人出席会议。" },
  ];

  it.each(hits)("flags “$wrong” in context and fixes it", ({ body, wrong, fixed, severity, year }) => {
    const report = reportWithBody(body, { meta: { year: year ?? 2024 } });
    const findings = runRule(confusionWordsRule, report);
    expect(findings.map((finding) => rangeText(body, finding))).toEqual([wrong]);
    if (severity) expect(findings[0]!.severity).toBe(severity);
    expect(findings[0]!.message).toContain("依据");
    expect(textAfterFix(report, findings[0]!)).toBe(fixed);
  });

  it("a term renamed in a given year is wrong only from that year: 法制宣传 in a 2015 report passes", () => {
    expect(runRule(confusionWordsRule, reportWithBody("深入开展法制宣传进企业活动。", { meta: { year: 2015 } }))).toEqual([]);
  });

  it("an old name inside a document title 《》 is kept as issued", () => {
    expect(runRule(confusionWordsRule, reportWithBody("学习《关于加强法制宣传教育的决议》精神。"))).toEqual([]);
  });
});

describe("doubled-words", () => {
  it.each(CLEAN_PROSE)("passes real-shaped prose: %s", (body) => {
    expect(runRule(doubledWordsRule, reportWithBody(body))).toEqual([]);
  });

  it.each([
    ["全年执法执法检查126次。", "执法执法", "全年执法检查126次。"],
    ["推进的的法治建设工作。", "的的", "推进的法治建设工作。"],
    ["全面推进全面推进依法行政。", "全面推进全面推进", "全面推进依法行政。"],
    ["县政府研究研究部署法治工作。", "研究研究", "县政府研究部署法治工作。"],
  ])("flags %s", (body, range, fixed) => {
    const report = reportWithBody(body);
    const findings = runRule(doubledWordsRule, report);
    expect(findings.map((finding) => rangeText(body, finding))).toEqual([range]);
    expect(textAfterFix(report, findings[0]!)).toBe(fixed);
  });

  it("word + word across a boundary is not a slip: 为了了解, 目的的, 认为为", () => {
    const body = "为了了解企业诉求，达到目的的手段要合法，被认为为民办实事的好做法。";
    expect(runRule(doubledWordsRule, reportWithBody(body))).toEqual([]);
  });
});

describe("duplicate-text", () => {
  it("a paragraph pasted twice in another item is reported at the second copy and the fix removes it", () => {
    const paragraph = "全面落实行政执法公示制度，通过政府网站公示执法信息1260条，接受社会监督。";
    const report = buildReport({
      sections: [
        {
          kind: "measures",
          items: [
            { heading: "推进严格规范公正文明执法", body: paragraph },
            { heading: "强化行政权力制约和监督", body: `主动接受人大监督和政协民主监督。\n${paragraph}\n办理建议提案65件。` },
          ],
        },
      ],
    });
    const findings = runRule(duplicateTextRule, report);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.location).toMatchObject({ field: "body", itemIndex: 1 });
    expect(findings[0]!.message).toContain("（一）推进严格规范公正文明执法");
    expect(textAfterFix(report, findings[0]!)).toBe("主动接受人大监督和政协民主监督。\n办理建议提案65件。");
  });

  it("a sentence typed twice in one paragraph", () => {
    const body = "组织开展执法案卷评查，评查案卷320卷。组织开展执法案卷评查，评查案卷320卷。发现问题41个。";
    const report = reportWithBody(body);
    const findings = runRule(duplicateTextRule, report);
    expect(findings.map((finding) => rangeText(body, finding))).toEqual(["组织开展执法案卷评查，评查案卷320卷。"]);
    expect(textAfterFix(report, findings[0]!)).toBe("组织开展执法案卷评查，评查案卷320卷。发现问题41个。");
  });

  it("short lines that legitimately repeat (无。) and different parts saying the same short slogan pass", () => {
    const report = buildReport({
      sections: [
        { kind: "measures", items: [{ heading: "学习", body: "深入学习贯彻习近平法治思想。" }] },
        { kind: "next_year", items: [{ body: "深入学习贯彻习近平法治思想。" }] },
        { kind: "other", items: [{ body: "无。" }] },
      ],
    });
    expect(runRule(duplicateTextRule, report)).toEqual([]);
  });
});

describe("stray-spaces", () => {
  it.each([
    ["2020 年，全县办理行政复议案件18件。", "2020 年", "2020年，全县办理行政复议案件18件。"],
    ["共办理案件 35 件。", "案件 35", "共办理案件35 件。"],
    ["推进法治 政府建设。", "法治 政府", "推进法治政府建设。"],
  ])("flags “%s”", (body, shown, fixed) => {
    const report = reportWithBody(body);
    const findings = runRule(straySpacesRule, report);
    expect(findings[0]!.message).toContain(`“${shown}”`);
    expect(textAfterFix(report, findings[0]!)).toBe(fixed);
  });

  it("indentation, Latin words and table cells pass", () => {
    const body = "　　全年上线APP 服务事项80项，Windows 系统全部国产化替代。";
    expect(runRule(straySpacesRule, reportWithBody(body))).toEqual([]);
  });
});

describe("dot-forms", () => {
  it.each([
    ["开展“12.4”国家宪法日宣传活动。", "“12·4”"],
    ["组织“5˙22”国际生物多样性日宣传。", "“5·22”"],
    ["开展“六.五”环境日宣传。", "“六五”"],
    ["“七·五”普法顺利通过验收。", "“七五”"],
  ])("fixes %s", (body, right) => {
    const report = reportWithBody(body);
    const findings = runRule(dotFormsRule, report);
    expect(findings).toHaveLength(1);
    expect(textAfterFix(report, findings[0]!)).toContain(right);
  });

  it("decimals and correct forms pass", () => {
    const body = "纠错率下降12.4个百分点，罚款5.22万元；开展“12·4”国家宪法日、“六五”环境日活动。";
    expect(runRule(dotFormsRule, reportWithBody(body))).toEqual([]);
  });
});

describe("stray-spaces in quoted headlines", () => {
  it("spaces between the phrases of a quoted headline are deliberate; a figure's space inside quotes is not", () => {
    const body = "《法治日报》以“制度行之有效 方法推陈出新 流程井然有序”为题报道；“2024 年度”要点和“首违 不罚”清单已印发。";
    const findings = runRule(straySpacesRule, reportWithBody(body));
    expect(findings.map((finding) => rangeText(body, finding))).toEqual([" ", " "]);
    expect(findings[0]!.message).toContain("“2024 年”");
    expect(findings[1]!.message).toContain("“首违 不罚”");
  });
});

describe("confusion-words: fixed names and former bodies", () => {
  it.each([
    "县司法局法制科负责重大执法决定法制审核，法制员全部持证上岗。",
    "原县工商局、原质监局的执法职责已划入县市场监督管理局。",
    "公安局法制大队完成案件法制审核312件。",
    "学习《中华人民共和国法制宣传教育条例》相关规定。",
  ])("passes: %s", (body) => {
    expect(runRule(confusionWordsRule, reportWithBody(body, { meta: { year: 2023 } }))).toEqual([]);
  });

  it("a body renamed in 2018 is flagged in a 2023 report but not in a 2017 one", () => {
    const body = "联合县环保局开展执法检查。";
    expect(runRule(confusionWordsRule, reportWithBody(body, { meta: { year: 2023 } })).map((finding) => rangeText(body, finding))).toEqual(["环保局"]);
    expect(runRule(confusionWordsRule, reportWithBody(body, { meta: { year: 2017 } }))).toEqual([]);
  });
});
