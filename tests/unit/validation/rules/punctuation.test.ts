import { describe, expect, it } from "vitest";

import { docNumberBracketsRule } from "@/lib/validation/rules/doc-number-brackets";
import { paragraphEndingRule } from "@/lib/validation/rules/paragraph-ending";
import { punctuationDoubledRule } from "@/lib/validation/rules/punctuation-doubled";
import { punctuationPairsRule } from "@/lib/validation/rules/punctuation-pairs";
import { punctuationWidthRule } from "@/lib/validation/rules/punctuation-width";

import { buildReport, rangeText, reportWithBody, runRule, textAfterFix } from "../helpers";

describe("punctuation-width", () => {
  const cases: Array<{ body: string; ranges: string[]; fixed?: string }> = [
    { body: "全年办理案件46件，审结44件。", ranges: [] },
    { body: "会议于10:30召开，依据GB/T 9704-2012(党政机关公文格式)。", ranges: ["()"] },
    { body: "全年办理案件46件,审结44件;结案率95.7%。", ranges: [",", ";"], fixed: "全年办理案件46件，审结44件;结案率95.7%。" },
    { body: "主要做法:一是完善制度。", ranges: [":"], fixed: "主要做法：一是完善制度。" },
    { body: "印发《执法公示办法》(青环函〔2024〕148号)。", ranges: ["()"], fixed: "印发《执法公示办法》（青环函〔2024〕148号）。" },
    { body: "这是为什么?值得深思!", ranges: ["?", "!"] },
    { body: '推进"放管服"改革。', ranges: ['"', '"'], fixed: '推进“放管服"改革。' },
    { body: "全面完成年度任务.", ranges: ["."], fixed: "全面完成年度任务。" },
    { body: "Version 2.0, released (beta).", ranges: [] },
  ];
  it.each(cases)("“$body”", ({ body, ranges, fixed }) => {
    const report = reportWithBody(body);
    const findings = runRule(punctuationWidthRule, report);
    expect(findings.map((finding) => (rangeText(body, finding).length > 1 ? "()" : rangeText(body, finding)))).toEqual(ranges);
    if (fixed) expect(textAfterFix(report, findings[0]!)).toBe(fixed);
  });

  it("reports the eleventh and later marks of a field together, with one fix for all", () => {
    const body = Array.from({ length: 14 }, (_, index) => `第${index + 1}项任务完成,`).join("") + "全部完成。";
    const report = reportWithBody(body);
    const findings = runRule(punctuationWidthRule, report);
    expect(findings).toHaveLength(11);
    expect(findings[10]!.message).toContain("另有4处");
    expect(textAfterFix(report, findings[10]!).match(/,/g)).toHaveLength(10);
  });
});

describe("punctuation-pairs", () => {
  const cases: Array<{ body: string; ranges: string[]; message?: string }> = [
    { body: "深化“放管服”改革，落实《优化营商环境条例》（2019年）【试行】。", ranges: [] },
    { body: "以“从‘一案难寻’到‘四次第一’”为题报道。", ranges: [] },
    { body: "以“从“一案难寻”到‘四次第一，聊城这三年”进行报道。", ranges: ["‘"], message: "没有对应的“’”" },
    { body: "印发《执法公示办法的通知。", ranges: ["《"] },
    { body: "落实执法公示制度）。", ranges: ["）"], message: "前面没有对应的“（”" },
    { body: "“第一段没有闭合。\n第二段”独立。", ranges: ["“", "”"] },
  ];
  it.each(cases)("“$body”", ({ body, ranges, message }) => {
    const findings = runRule(punctuationPairsRule, reportWithBody(body));
    expect(findings.map((finding) => rangeText(body, finding)).sort()).toEqual([...ranges].sort());
    if (message) expect(findings.some((finding) => finding.message.includes(message))).toBe(true);
  });
});

describe("punctuation-doubled", () => {
  const cases: Array<{ body: string; fixed?: string }> = [
    { body: "全面完成年度任务……各项工作——稳步推进。" },
    { body: "全面完成年度任务，，各项工作稳步推进。", fixed: "全面完成年度任务，各项工作稳步推进。" },
    { body: "全面完成年度任务。。", fixed: "全面完成年度任务。" },
    { body: "全面完成年度任务，。", fixed: "全面完成年度任务。" },
    { body: "建立执法公示、、全过程记录制度。", fixed: "建立执法公示、全过程记录制度。" },
  ];
  it.each(cases)("“$body”", ({ body, fixed }) => {
    const report = reportWithBody(body);
    const findings = runRule(punctuationDoubledRule, report);
    expect(findings).toHaveLength(fixed ? 1 : 0);
    if (fixed) expect(textAfterFix(report, findings[0]!)).toBe(fixed);
  });
});

describe("paragraph-ending", () => {
  const cases: Array<{ body: string; fixed?: string; message?: string }> = [
    { body: "全年办理行政复议案件46件。" },
    { body: "主要做法如下：" },
    { body: "群众满意率达到“百分之百。”" },
    { body: "（1）全面推行行政执法公示制度\n一是公开执法主体。" },
    { body: "全年办理行政复议案件46件，审结44件", fixed: "全年办理行政复议案件46件，审结44件。", message: "缺少句号" },
    { body: "全年办理行政复议案件46件，审结44件，", fixed: "全年办理行政复议案件46件，审结44件。", message: "以“，”结尾" },
    { body: "印发《青山县行政执法公示办法》（青府办〔2024〕5号）", fixed: "印发《青山县行政执法公示办法》（青府办〔2024〕5号）。" },
  ];
  it.each(cases)("“$body”", ({ body, fixed, message }) => {
    const report = reportWithBody(body);
    const findings = runRule(paragraphEndingRule, report);
    expect(findings).toHaveLength(fixed ? 1 : 0);
    if (fixed) expect(textAfterFix(report, findings[0]!)).toBe(fixed);
    if (message) expect(findings[0]!.message).toContain(message);
  });

  it("checks each paragraph of a body and the part's lead", () => {
    const report = buildReport({
      sections: [
        { kind: "measures", lead: "2024年，全县法治政府建设取得新进展", items: [{ heading: "执法", body: "第一段完整。\n第二段缺少结尾，需要补充" }] },
      ],
    });
    const findings = runRule(paragraphEndingRule, report);
    expect(findings.map((finding) => finding.location.field)).toEqual(["lead", "body"]);
    expect(textAfterFix(report, findings[1]!)).toBe("第一段完整。\n第二段缺少结尾，需要补充。");
  });
});

describe("doc-number-brackets", () => {
  const cases: Array<{ body: string; fixed?: string }> = [
    { body: "印发《通告》（聊政通字〔2016〕14号）。" },
    { body: "印发《通告》（聊政通字[2016]14号）。", fixed: "印发《通告》（聊政通字〔2016〕14号）。" },
    { body: "印发《通告》（青府发【2023】3号）。", fixed: "印发《通告》（青府发〔2023〕3号）。" },
    { body: "印发《通告》，青府发(2023)3号。", fixed: "印发《通告》，青府发〔2023〕3号。" },
    // What imported files hold besides the brackets (GB/T 9704 7.2.4): full-width digits, 第, 虚位, spaces.
    { body: "依据青水发［２０２６］第5号文件。", fixed: "依据青水发〔2026〕5号文件。" },
    { body: "依据青水发〔2026〕第5号文件。", fixed: "依据青水发〔2026〕5号文件。" },
    { body: "依据青水发〔2026〕05号文件。", fixed: "依据青水发〔2026〕5号文件。" },
    { body: "依据青水发〔２０２６〕１２号文件。", fixed: "依据青水发〔2026〕12号文件。" },
    { body: "依据青水发〔2026〕 5号文件。" },
    { body: "依据青水发[2026] 5号文件。", fixed: "依据青水发〔2026〕5号文件。" },
    { body: "依据青水发〔2026〕120号文件，第3号令已废止。" },
    { body: "全年共办理行政复议案件2026件，审结第3号令涉及事项。" },
  ];
  it.each(cases)("“$body”", ({ body, fixed }) => {
    const report = reportWithBody(body);
    const findings = runRule(docNumberBracketsRule, report);
    expect(findings).toHaveLength(fixed ? 1 : 0);
    if (fixed) expect(textAfterFix(report, findings[0]!)).toBe(fixed);
  });
});
