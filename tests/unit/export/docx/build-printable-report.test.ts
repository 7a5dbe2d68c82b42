import { describe, expect, it } from "vitest";

import { buildPrintableReport, closingBlocks, inlinesToText, type PrintableBlock } from "@/lib/export/layout";
import { normalizeDocNumber } from "@/lib/export/layout/build-printable-report";
import { emptyDoc, textToDoc, type Report, type ReportTemplate } from "@/lib/report-model";
import { getTemplate } from "@/templates";

import { FULL_FIXTURE, loadFixture, SMALL_FIXTURE } from "./helpers/docx-xml";

/** One line per block, as a reader would see it. */
function lines(blocks: PrintableBlock[]): string[] {
  return blocks.map((block) => {
    switch (block.kind) {
      case "title":
        return `标题:${block.lines.join("|")}`;
      case "blank":
        return "";
      case "heading":
        return `${block.role}:${block.prefix}${block.text}`;
      case "paragraph":
        return `${block.prefix}${inlinesToText(block.inlines)}`;
      case "runIn":
        return `runIn:${block.prefix}${block.heading}${inlinesToText(block.inlines)}`;
      case "table":
        return `表格:${block.rows.map((row) => row.map((cell) => cell.blocks.map((cellBlock) => (cellBlock.kind === "paragraph" ? inlinesToText(cellBlock.inlines) : "")).join("")).join(",")).join("/")}`;
      default:
        return `${block.kind}:${block.text}`;
    }
  });
}

describe("buildPrintableReport", () => {
  it("prints a small report in GB/T 9704 order: title, parts with 一、 and their bodies directly, signature and date", () => {
    expect(lines(buildPrintableReport(loadFixture(SMALL_FIXTURE)))).toEqual([
      "标题:白鹭镇2024年法治政府建设年度报告",
      "",
      "h1:一、主要举措和成效",
      "全镇组织干部学法4次，化解矛盾纠纷126件，调解成功率98%。",
      "h1:二、存在的不足",
      "村级法律顾问作用发挥不够充分。",
      "h1:三、主要负责人履职情况",
      "镇党委书记、镇长带头讲法治课2次。",
      "h1:四、下一年度工作安排",
      "推进“法律明白人”培养工程，每村培养不少于5名。",
      "h1:五、其他情况",
      "无。",
      "",
      "signature:望川区白鹭镇人民政府",
      "date:2025年1月20日",
    ]);
  });

  it("numbers items （一）（二） within each part, prints run-in items and numbered paragraphs by level", () => {
    const printed = lines(buildPrintableReport(loadFixture(FULL_FIXTURE)));
    expect(printed.slice(0, 7)).toEqual([
      "docNumber:望政〔2025〕6号",
      "",
      "标题:明江市望川区人民政府|关于2024年度法治政府建设情况的报告",
      "",
      "mainRecipient:明江市人民政府：",
      "h1:一、2024年法治政府建设的主要举措和成效",
      expect.stringMatching(/^2024年，望川区坚持/),
    ]);
    const headings = printed
      .filter((line) => /^(h[12]|runIn):/.test(line))
      .map((line) => (line.startsWith("runIn:") ? line.slice(0, line.indexOf("。") + 1) : line));
    expect(headings).toEqual([
      "h1:一、2024年法治政府建设的主要举措和成效",
      "h2:（一）坚持党的领导，统筹推进法治政府建设",
      "runIn:（二）深化“放管服”改革。",
      "h2:（三）严格规范重大行政决策程序",
      "h2:（四）推进严格规范公正文明执法",
      "runIn:（五）强化行政权力制约和监督。",
      "h1:二、存在的不足和原因",
      "h1:三、党政主要负责人履行推进法治建设第一责任人职责情况",
      "runIn:（一）带头学法用法。",
      "h2:（二）带头依法决策",
      "h1:四、2025年推进法治政府建设的主要安排",
      "h1:五、其他需要报告的情况",
    ]);
    expect(printed).toContain(
      "runIn:（二）深化“放管服”改革。全面推行政务服务事项清单管理，动态调整区级政务服务事项1126项，其中“一网通办”事项占比达到96.5%。推行“一件事一次办”集成服务，上线企业开办、不动产登记等高频事项23个，平均办理时限压缩62%。",
    );
    expect(printed).toContain("1.公众参与：通过政府网站、听证会等方式公开征求意见，共收到意见建议137条，采纳41条；");
    expect(printed).toContain("（1）委托第三方机构评估2项；");
    expect(printed).toContain("●推进政务公开标准化建设，主动公开政府信息5816条。");
    expect(printed.slice(-6)).toEqual([
      "以上报告，请审阅。",
      "",
      "signature:明江市望川区人民政府",
      "date:2025年3月8日",
      "",
      "copyTo:抄送：明江市司法局，区委全面依法治区委员会办公室。",
    ]);
  });

  it("prints the 导语 after 主送 and before 一、, and the 结束语 before the signature", () => {
    const report = reportWith([{ heading: "依法决策", body: "甲。" }]);
    report.meta = { ...report.meta, mainRecipient: "市人民政府", signature: "青川县人民政府", date: "2025-03-08" };
    report.opening = textToDoc("2024年，我县深入学习贯彻习近平法治思想。\n现将有关情况报告如下。");
    report.closing = "特此报告。";
    const blocks = buildPrintableReport(report);
    expect(lines(blocks)).toEqual([
      "标题:报告",
      "",
      "mainRecipient:市人民政府：",
      "2024年，我县深入学习贯彻习近平法治思想。",
      "现将有关情况报告如下。",
      "h1:一、主要举措",
      "h2:（一）依法决策",
      "甲。",
      "特此报告。",
      "",
      "signature:青川县人民政府",
      "date:2025年3月8日",
    ]);
    // Both print as ordinary body paragraphs (indented two characters), never as headings.
    expect(blocks[3]).toMatchObject({ kind: "paragraph", prefix: "", headingLength: 0, indentLevel: 0 });
    expect(blocks.find((block) => block.kind === "paragraph" && inlinesToText(block.inlines) === "特此报告。")).toBeDefined();
  });

  it("prints nothing for an empty 导语 (the editor's single empty paragraph) or 结束语", () => {
    const printed = lines(buildPrintableReport(reportWith([{ heading: "依法决策", body: "甲。" }])));
    expect(printed).toEqual(["标题:报告", "", "h1:一、主要举措", "h2:（一）依法决策", "甲。"]);
  });

  it.each([
    ["青政〔2026 〕5号", "青政〔2026〕5号"],
    ["青政 〔2026〕 5号", "青政〔2026〕5号"],
    ["青政[2026]5号", "青政〔2026〕5号"],
    ["青政（2026）5号", "青政〔2026〕5号"],
  ])("writes the 文号 %s as %s (六角括号, no stray space)", (input, expected) => {
    expect(normalizeDocNumber(input)).toBe(expected);
  });

  it("adds the 版头, 附件说明 and 印发 line of the document frame", () => {
    const report = reportWith([{ heading: "", body: "甲。" }]);
    report.meta = { ...report.meta, docNumber: "青政〔2026 〕5号", signature: "青川县人民政府", date: "2026-02-12", copyTo: "市司法局" };
    const blocks = buildPrintableReport(report, {
      frame: {
        agencyMark: "青川县人民政府文件",
        signer: "李明",
        attachments: ["重点任务完成情况表。", "案件统计表"],
        imprintAgency: "青川县人民政府办公室",
        imprintDate: "2026-02-13",
      },
    });
    expect(blocks.slice(0, 4)).toEqual([
      { kind: "docNumber", text: "青政〔2026〕5号", signer: "李明", agencyMark: "青川县人民政府文件" },
      { kind: "blank" },
      { kind: "blank" },
      { kind: "title", lines: ["报告"] },
    ]);
    expect(blocks.filter((block) => block.kind === "attachment")).toEqual([
      { kind: "attachment", label: "附件：", text: "1.重点任务完成情况表", numberChars: 1 },
      { kind: "attachment", label: "", text: "2.案件统计表", numberChars: 1 },
    ]);
    const attachmentIndex = blocks.findIndex((block) => block.kind === "attachment");
    expect(blocks[attachmentIndex - 1]).toEqual({ kind: "blank" });
    expect(blocks.findIndex((block) => block.kind === "signature")).toBeGreaterThan(attachmentIndex + 2);
    expect(blocks.at(-1)).toEqual({
      kind: "copyTo",
      text: "抄送：市司法局。",
      imprint: { agency: "青川县人民政府办公室", date: "2026年2月13日印发" },
    });
  });

  it("marks the run-in heading of a numbered body paragraph so exporters can bold it", () => {
    const blocks = buildPrintableReport(loadFixture(FULL_FIXTURE));
    const numbered = blocks.find((block) => block.kind === "paragraph" && inlinesToText(block.inlines).startsWith("1.健全议事协调机制"));
    expect(numbered).toMatchObject({ kind: "paragraph", headingLength: [..."1.健全议事协调机制。"].length });
  });

  it.each([
    ["standalone 1. heading", "1.加强队伍建设", { kind: "heading", role: "h3", prefix: "1.", text: "加强队伍建设" }],
    ["standalone （1） heading with full-width dot normalised", "（2）完善工作机制", { kind: "heading", role: "h4", prefix: "（2）", text: "完善工作机制" }],
    ["half-width brackets", "(3)规范执法行为", { kind: "heading", role: "h4", prefix: "（3）", text: "规范执法行为" }],
    ["decimal is not a heading", "1.5万元用于普法宣传。", { kind: "paragraph", headingLength: 0 }],
    ["sentence after the heading", "2.强化监督。全年开展专项检查6次。", { kind: "paragraph", headingLength: 7 }],
  ])("classifies %s", (_name, text, expected) => {
    const report = reportWith([{ heading: "", body: text }]);
    const body = buildPrintableReport(report).filter((block) => block.kind === "paragraph" || block.kind === "heading");
    expect(body.at(-1)).toMatchObject(expected);
  });

  it("skips the numeral of items without a heading but keeps their text", () => {
    const printed = lines(
      buildPrintableReport(
        reportWith([
          { heading: "依法决策", body: "甲。" },
          { heading: "", body: "乙。" },
          { heading: "规范执法", body: "丙。" },
        ]),
      ),
    );
    expect(printed.slice(-5)).toEqual(["h2:（一）依法决策", "甲。", "乙。", "h2:（二）规范执法", "丙。"]);
  });

  it("prints indicators only where the template asks for the table", () => {
    const report = loadFixture(FULL_FIXTURE);
    const template: ReportTemplate = getTemplate("county-government");
    const printed = lines(buildPrintableReport(report, { template }));
    const tables = printed.filter((line) => line.startsWith("表格:指标"));
    const printingKinds = template.sections.filter((section) => section.shouldPrintIndicatorTable).map((section) => section.kind);
    expect(tables).toHaveLength(report.sections.filter((section) => printingKinds.includes(section.kind)).length);
    expect(tables[0]).toContain("行政复议收案,件,156,131");
    expect(tables[0]).toContain("罚没金额,万元,996,—");
    expect(lines(buildPrintableReport(report)).some((line) => line.startsWith("表格:指标"))).toBe(false);
  });

  it.each([
    ["signature longer than the date by two or more", "明江市望川区人民政府", "2025年3月8日", 12, 10],
    ["date longer: date two in, signature moved left", "白鹭镇政府", "2025年12月18日", 11, 9],
    ["equal widths", "望川区司法局", "2025年3月8日", 10, 8],
  ])("closing starts (characters from the right edge): %s", (_name, signature, date, signatureStart, dateStart) => {
    expect(closingBlocks(signature, date)).toEqual([
      { kind: "signature", text: signature, startFromRightChars: signatureStart },
      { kind: "date", text: date, startFromRightChars: dateStart },
    ]);
  });

  it("widens the date by the engine's Chinese–digit spacing, keeping the shift of two characters exact", () => {
    // 5 boundaries in 2025年12月18日 at 0.2 character each: the date is 8 characters wide, not 7.
    const [signature, date] = closingBlocks("白鹭镇政府", "2025年12月18日", { latinGapChars: 0.2 }) as Array<{ startFromRightChars: number }>;
    expect(date!.startFromRightChars).toBeCloseTo(10, 5);
    expect(signature!.startFromRightChars - date!.startFromRightChars).toBeCloseTo(2, 5);
  });

  it("sets a sealed closing with the date four characters from the right and the signature centred over it", () => {
    expect(closingBlocks("青川县人民政府", "2025年3月8日", { isSealed: true })).toEqual([
      { kind: "signature", text: "青川县人民政府", startFromRightChars: 10.5 },
      { kind: "date", text: "2025年3月8日", startFromRightChars: 10 },
    ]);
    const report = reportWith([{ heading: "", body: "甲。" }]);
    report.meta = { ...report.meta, signature: "青川县人民政府", date: "2025-03-08" };
    expect(lines(buildPrintableReport(report, { closing: { isSealed: true } })).slice(-4)).toEqual(["", "", "signature:青川县人民政府", "date:2025年3月8日"]);
  });
});

function reportWith(items: Array<{ heading: string; body: string }>): Report {
  return {
    schemaVersion: 1,
    templateId: "county-government",
    meta: { agency: "青川县", year: 2024, title: "报告", mainRecipient: "", copyTo: "", signature: "", date: "", docNumber: "", isPublic: true },
    opening: emptyDoc(),
    closing: "",
    sections: [
      {
        id: "s1",
        kind: "measures",
        heading: "主要举措",
        lead: "",
        items: items.map((item, index) => ({
          id: `i${index}`,
          heading: item.heading,
          body: textToDoc(item.body),
          isRunIn: false,
          area: null,
          pendingUpdates: [],
        })),
        indicators: {},
        previousIndicators: {},
      },
    ],
    commitments: [],
  };
}
