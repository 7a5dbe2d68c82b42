import { describe, expect, it } from "vitest";

import { importReport, importText } from "@/lib/import";
import { classifyKind } from "@/lib/import/classify-kind";
import { isCaptureBreak, joinCaptureBreaks } from "@/lib/import/join-lines";
import { textToBlocks } from "@/lib/import/source-blocks";
import { docToText } from "@/lib/report-model";

import { itemTexts } from "./helpers";

describe("[IMPORT] line joining undoes capture breaks", () => {
  it.each([
    ["2024年，我局坚持以习近平法治思想为指", "导，深入推进依法行政。"],
    ["全年查处环境违法案件203件，罚没款", "1286万元，移送公安机关案件7件。"],
    ["全面推行行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度", "。"],
    ["开展“八五”普法中期评估", "，全县126个单位参加。"],
  ])("joins “%s” + “%s”", (last, next) => {
    expect(isCaptureBreak(last, next)).toBe(true);
  });

  it.each([
    ["全年办结行政复议案件12件。", "（二）加强执法监督"],
    ["（一）加强组织领导", "局党组定期研究法治建设工作，全年专题研究4次。"],
    ["一、主要举措和成效", "全年取消行政许可事项17项。"],
    ["全年开展执法检查86次，发现问题", "（二）推进政务公开"],
    ["全年开展执法检查86次，发现问题", "2. 推进政务公开"],
    ["全年开展执法检查86次，发现问题", "二是推进政务公开。"],
    ["某某县司法局2024年法治政府建设年度报告", "2024年，我局坚持依法行政。"],
    ["青崖县人民政府", "2025年2月18日"],
    ["存在的不足和原因", "基层执法力量薄弱。"],
  ])("keeps “%s” and “%s” apart", (last, next) => {
    expect(isCaptureBreak(last, next)).toBe(false);
  });

  it("does not join across a blank line", () => {
    const { blocks, joined } = joinCaptureBreaks(textToBlocks("全年开展执法检查86次，发现问题\n\n整改到位率100%。"));
    expect(joined).toBe(0);
    expect(blocks.filter((block) => block.text).map((block) => block.text)).toEqual(["全年开展执法检查86次，发现问题", "整改到位率100%。"]);
  });

  it("is linear: 200,000 broken lines join in one pass", () => {
    const lines = Array.from({ length: 200_000 }, (_, index) => (index % 2 === 0 ? "全年开展执法检查86次，发现并整改问题" : "41个，整改率100%。"));
    const { blocks, joined } = joinCaptureBreaks(textToBlocks(lines.join("\n")));
    expect(joined).toBe(100_000);
    expect(blocks).toHaveLength(100_000);
    expect(blocks[0]!.text).toBe("全年开展执法检查86次，发现并整改问题41个，整改率100%。");
  });

  it("joins a pasted web copy and logs the repair as one undoable step", () => {
    const text = [
      "某县司法局2024年法治政府建设年度报告",
      "2024年，我局坚持以习近平法治思想为指",
      "导，全面推进法治政府建设，现将有关情况报告如下：",
      "一、主要举措和成效",
      "（一）加强执法监督。全年开展执法检查86次，发现",
      "问题41个,全部整改到位。",
    ].join("\n");
    const result = importText(text);
    expect(docToText(result.report.opening)).toBe("2024年，我局坚持以习近平法治思想为指导，全面推进法治政府建设，现将有关情况报告如下：");
    expect(itemTexts(result.report, 0)[0]).toBe("全年开展执法检查86次，发现问题41个，全部整改到位。");
    expect(result.repairCount).toBe(3);
    expect(result.log.filter((entry) => entry.message.startsWith("网页副本修复"))).toHaveLength(1);
    const undone = result.alternatives?.unrepaired;
    expect(undone && docToText(undone.sections[0]!.items[0]!.body)).toBe("全年开展执法检查86次，发现\n问题41个,全部整改到位。");
  });
});

describe("[IMPORT] the official's own file is reported on, not repaired", () => {
  const text = [
    "某县司法局2024年法治政府建设年度报告",
    "2024年,我局坚持依法行政,现将有关情况报告如下：",
    "一、主要举措和成效",
    "(一)加强执法监督。全年开展执法检查86次,整改问题41个。",
    "(三)推进政务公开。全年主动公开信息1200条。",
  ].join("\n");

  it("keeps half-width punctuation in a .txt and logs no repair", async () => {
    const result = await importReport({ bytes: new TextEncoder().encode(text), fileName: "报告.txt" });
    expect(docToText(result.report.opening)).toBe("2024年,我局坚持依法行政,现将有关情况报告如下：");
    expect(itemTexts(result.report, 0)[0]).toBe("全年开展执法检查86次,整改问题41个。");
    expect(result.repairCount).toBe(0);
    expect(result.alternatives).toBeUndefined();
    expect(result.log.some((entry) => entry.message.includes("全角"))).toBe(false);
  });

  it("the same text pasted is a web copy and is repaired, with the undo kept", () => {
    const result = importText(text);
    expect(docToText(result.report.opening)).toBe("2024年，我局坚持依法行政，现将有关情况报告如下：");
    expect(result.alternatives?.unrepaired && docToText(result.alternatives.unrepaired.opening)).toBe("2024年,我局坚持依法行政,现将有关情况报告如下：");
  });
});

describe("[IMPORT] one-sentence items keep their full text", () => {
  const text = [
    "某市统计局2024年法治政府建设年度报告",
    "一、主要举措和成效",
    "（一）全年办理行政复议案件12件，均在法定期限内办结。",
    "（二）加强执法监督",
    "全年开展执法检查86次。",
    "（三）推进政务公开。",
    "全年主动公开信息1200条。",
  ].join("\n");
  const { report } = importText(text);
  const items = report.sections[0]!.items;

  it("a numbered sentence is kept whole, 。 included, printed run-in", () => {
    expect(items[0]).toMatchObject({ heading: "全年办理行政复议案件12件，均在法定期限内办结。", isRunIn: true });
    expect(docToText(items[0]!.body)).toBe("");
  });

  it("headings followed by a body stay headings", () => {
    expect(items.slice(1).map((item) => [item.heading, docToText(item.body)])).toEqual([
      ["加强执法监督", "全年开展执法检查86次。"],
      ["推进政务公开", "全年主动公开信息1200条。"],
    ]);
  });
});

describe("[IMPORT] leader duty is the principal leader's own duty, not leadership in general", () => {
  it.each([
    ["党政主要负责人履行推进法治建设第一责任人职责情况", "leader_duty"],
    ["主要负责人履行法治建设职责情况", "leader_duty"],
    ["局主要领导履行推进法治建设第一责任人职责", "leader_duty"],
    ["加强组织领导，完善法治建设工作机制", "measures"],
    ["坚持党的领导，全面推进法治政府建设", "measures"],
    ["强化组织领导，有力推进整体工作", "measures"],
    ["加强党对法治政府建设的领导", "measures"],
  ])("%s → %s", (heading, kind) => {
    expect(classifyKind(heading, "").kind).toBe(kind);
  });

  it("content naming the leader once in a measures part stays measures", () => {
    const content =
      "局党组始终把法治政府建设摆在重要位置，成立法治建设领导小组。党政主要负责人履行推进法治建设第一责任人职责。全年修订内部管理制度12项。开展执法案卷评查2次。组织执法人员培训4期。";
    expect(classifyKind("夯实基础，推动工作落地见效", content).kind).toBe("measures");
  });

  it("content about the principal leader's own duty is leader duty", () => {
    const content =
      "局党组书记、局长认真履行推进法治建设第一责任人职责，带头学法用法。主要负责人全年主持专题学法4次。主要负责人亲自部署法治督察，听取法治建设汇报3次。";
    expect(classifyKind("以上率下，压实责任", content).kind).toBe("leader_duty");
  });
});

describe("[IMPORT] a repeated part numeral does not swallow the next part", () => {
  it("二、存在的不足 … 二、下一步打算 gives both parts and says the numeral repeats", () => {
    const text = [
      "某县林业局2024年法治政府建设年度报告",
      "一、主要举措和成效",
      "全年查处涉林案件41件。",
      "二、存在的不足",
      "执法力量不足。",
      "二、下一步打算",
      "（一）加强执法队伍建设。",
      "（二）开展普法宣传。",
    ].join("\n");
    const { report, log } = importText(text);
    expect(report.sections.map((section) => [section.kind, section.heading])).toEqual([
      ["measures", "主要举措和成效"],
      ["problems", "存在的不足"],
      ["next_year", "下一步打算"],
    ]);
    expect(log.some((entry) => entry.kind === "warning" && entry.message.includes("序号重复"))).toBe(true);
  });
});

describe("[IMPORT] a title printed on two lines (agency, then 关于…的报告) is one title", () => {
  it("joins the agency line to a title line that starts with 关于", () => {
    const text =
      "明江市望川区人民政府\n关于2024年度法治政府建设情况的报告\n\n2024年，区政府坚持依法行政，现将有关情况报告如下：\n一、主要举措和成效\n全年办结案件12件。";
    const { report } = importText(text, { repair: "file" });
    expect(report.meta.title).toBe("明江市望川区人民政府关于2024年度法治政府建设情况的报告");
    expect(report.meta.agency).toBe("明江市望川区人民政府");
  });
});
