import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, it } from "vitest";

import { importReport } from "@/lib/import";
import { formatNumber, readNumberedParagraphs } from "@/lib/import/docx-numbering";
import { docToText } from "@/lib/report-model";

/** A report whose every numeral is Word automatic numbering (numPr), as an office template would make it. */
async function buildNumberedDocx(): Promise<Uint8Array> {
  const numbered = (text: string, level: number, reference = "report-outline") =>
    new Paragraph({ numbering: { reference, level }, children: [new TextRun(text)] });
  const body = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const document = new Document({
    numbering: {
      config: [
        {
          reference: "report-outline",
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: "（%2）", alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.DECIMAL, text: "%3.", alignment: AlignmentType.LEFT },
            { level: 3, format: LevelFormat.DECIMAL, text: "（%4）", alignment: AlignmentType.LEFT },
          ],
        },
        { reference: "circled", levels: [{ level: 0, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: "%1", alignment: AlignmentType.LEFT }] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun("柳河县司法局2024年法治政府建设年度报告")] }),
          body("2024年，柳河县司法局坚持以习近平法治思想为指导，统筹推进法治政府建设各项工作，现将有关情况报告如下："),
          numbered("主要举措和成效", 0),
          numbered("加强执法监督", 1),
          body("全年开展行政执法案卷评查2次，评查案卷186卷。"),
          numbered("完善制度", 2),
          numbered("修订执法案卷评查办法。", 3),
          numbered("制定执法过错责任追究细则。", 3),
          numbered("强化培训", 2),
          numbered("推进普法宣传", 1),
          body("开展“八五”普法主题活动58场。"),
          numbered("存在的不足和原因", 0),
          body("基层司法所人员力量不足。"),
          numbered("2025年主要安排", 0),
          numbered("完善乡镇合法性审查机制", 1),
          body("年内实现乡镇合法性审查全覆盖。"),
          numbered("开展执法人员轮训", 1),
          body("重点内容："),
          numbered("行政处罚法", 0, "circled"),
          numbered("行政复议法", 0, "circled"),
          body("柳河县司法局"),
          body("2025年1月15日"),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe("[IMPORT] Word automatic numbering becomes the numeral the text shows", () => {
  it.each([
    [3, "chineseCounting", "三"],
    [12, "chineseCounting", "十二"],
    [4, "decimal", "4"],
    [2, "decimalEnclosedCircle", "②"],
    [3, "ideographTraditional", "丙"],
    [5, "lowerLetter", "e"],
    [4, "upperRoman", "IV"],
    [7, "decimalFullWidth", "７"],
  ])("%i as %s is %s", (value, format, text) => {
    expect(formatNumber(value, format)).toBe(text);
  });

  it("reads parts, items and deeper levels from numPr, restarting each level under its parent", async () => {
    const { report } = await importReport({ bytes: await buildNumberedDocx(), fileName: "柳河.docx" });
    expect(docToText(report.opening)).toMatch(/^2024年，柳河县司法局/);
    expect(report.sections.map((section) => [section.kind, section.heading])).toEqual([
      ["measures", "主要举措和成效"],
      ["problems", "存在的不足和原因"],
      ["next_year", "2025年主要安排"],
    ]);
    expect(report.sections[0]!.items.map((item) => item.heading)).toEqual(["加强执法监督", "推进普法宣传"]);
    expect(docToText(report.sections[0]!.items[0]!.body)).toBe(
      ["全年开展行政执法案卷评查2次，评查案卷186卷。", "1.完善制度", "（1）修订执法案卷评查办法。", "（2）制定执法过错责任追究细则。", "2.强化培训"].join("\n"),
    );
    expect(report.sections[2]!.items.map((item) => item.heading)).toEqual(["完善乡镇合法性审查机制", "开展执法人员轮训"]);
    expect(docToText(report.sections[2]!.items[1]!.body)).toBe("重点内容：\n①行政处罚法\n②行政复议法");
    expect([report.meta.signature, report.meta.date]).toEqual(["柳河县司法局", "2025-01-15"]);
  });
});

describe("[IMPORT] numbering.xml read directly: styles, overrides, legal numbering", () => {
  const numbering = `<w:numbering>
    <w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl></w:abstractNum>
    <w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="8"/></w:num>
  </w:numbering>`;
  const styles = `<w:styles><w:style w:type="paragraph" w:styleId="PartHeading"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="PartHeading2"><w:basedOn w:val="PartHeading"/></w:style></w:styles>`;
  const paragraph = (text: string, properties = "") => `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ""}<w:r><w:t>${text}</w:t></w:r></w:p>`;
  const documentXml = `<w:document><w:body>
    ${paragraph("主要举措", '<w:pStyle w:val="PartHeading"/>')}
    ${paragraph("执法监督", '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>')}
    ${paragraph("普法宣传", '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>')}
    ${paragraph("正文段落")}
    ${paragraph("存在问题", '<w:pStyle w:val="PartHeading2"/>')}
    ${paragraph("要点", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>')}
    ${paragraph("重新编号", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>')}
    ${paragraph("没有编号", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>')}
  </w:body></w:document>`;

  it("gives each numbered paragraph the numeral Word shows", () => {
    expect(readNumberedParagraphs(documentXml, numbering, styles)).toEqual([
      { text: "主要举措", numeral: "一、" },
      { text: "执法监督", numeral: "1.1" },
      { text: "普法宣传", numeral: "1.2" },
      { text: "存在问题", numeral: "二、" },
      { text: "要点", numeral: "" },
      { text: "重新编号", numeral: "五、" },
    ]);
  });
});
