import { Document, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, it } from "vitest";

import { importReport } from "@/lib/import";
import { applyFix, validateReport, type Finding } from "@/lib/validation";
import { findTemplate } from "@/templates";

import { fieldText, rangeText } from "./helpers";

// An official's own file, written for this test: the half-width comma, the skipped 三是, the stray space, the
// doubled word, "(三)" after （一） and the part heading that lost its numeral are the official's own slips.
const LINES = [
  "青山县司法局关于2024年度法治政府建设情况的报告",
  "青山县人民政府：",
  "2024年,我局坚持以习近平法治思想为指导，认真落实县委、县政府决策部署。现将有关情况报告如下：",
  "一、2024年推进法治政府建设的主要举措和成效",
  "（一）加强组织领导",
  "局党组全年专题研究法治工作4次，一是健全学法制度，二是落实述法制度，四是完善考核办法。",
  "(三)推进严格规范公正文明执法",
  "全年办理行政处罚案件 126件，组织执法执法案卷评查2次，截止目前已全部整改。全年未发生行政诉讼案件。",
  "、存在的不足和原因",
  "一是基层执法力量不足；二是培训不够系统。究其原因，主要是经费保障不足。",
  "三、党政主要负责人履行推进法治建设第一责任人职责情况",
  "局长认真履行推进法治建设第一责任人职责，主持专题会议4次，带头学法述法。",
  "四、2025年工作安排",
  "一是加强执法培训；二是推进案卷评查。",
  "青山县司法局",
  "2025年3月8日",
];

async function docxBytes(lines: string[]): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe("validate on the official's own .docx and .txt", () => {
  it.each(["docx", "txt"] as const)("reports what the .%s really contains, each with a fix", async (format) => {
    const bytes = format === "docx" ? await docxBytes(LINES) : new TextEncoder().encode(LINES.join("\n"));
    const { report, sourceHeadings } = await importReport({ bytes, fileName: `报告.${format}` });
    const findings = validateReport(report, { template: findTemplate(report.templateId) ?? undefined, sourceHeadings });
    const quote = (finding: Finding) => rangeText(fieldText(report, finding.location), finding);
    const byRule = (ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId);

    const comma = byRule("punctuation-width").find((finding) => finding.location.field === "opening");
    expect(comma && quote(comma)).toBe(",");
    expect(fieldText(applyFix(report, comma!.fix!), comma!.location).startsWith("2024年，我局")).toBe(true);

    const runIn = byRule("run-in-sequence");
    expect(runIn.map(quote)).toEqual(["四是"]);
    expect(runIn[0]!.message).toContain("缺少“三是”");
    expect(runIn[0]!.fix).toBeDefined();

    for (const [ruleId, text] of [
      ["stray-spaces", " "],
      ["doubled-words", "执法执法"],
      ["confusion-words", "截止目前"],
    ] as const) {
      const found = byRule(ruleId);
      expect(found.map(quote), ruleId).toEqual([text]);
      expect(found[0]!.fix, ruleId).toBeDefined();
    }
    const numbering = byRule("source-numbering");
    expect(numbering.map((finding) => finding.location.field)).toEqual(["itemHeading", "sectionHeading"]);
    expect(numbering[0]!.message).toContain("跳过了“（二）”");
    expect(numbering[0]!.message).toContain("半角");
    expect(numbering[1]!.message).toContain("缺少序号，应为“二、”");
    expect(findings.filter((finding) => finding.severity === "error")).toEqual([]);
  });
});
