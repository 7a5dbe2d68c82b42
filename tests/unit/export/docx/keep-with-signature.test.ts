import { describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { buildPrintableReport, keptWithSignature, plainInline, type PrintableBlock } from "@/lib/export/layout";
import { MAX_KEPT_LINES } from "@/lib/export/layout/keep-with-signature";

import { EXPORT_FIXTURES, loadExportFixture } from "../helpers/side-by-side";
import { paragraphsOf, unzipDocx } from "./helpers/docx-xml";

// GB/T 9704 7.3.5: the text's last paragraph goes to the next page with the 署名 rather than leave it alone there.
// The pages themselves: tests/integration/libreoffice-signature-page.test.ts and tests/unit/export/pdf/signature-page.test.ts.

const paragraph = (text: string): PrintableBlock => ({ kind: "paragraph", prefix: "", inlines: [plainInline(text)], headingLength: 0, indentLevel: 0 });
const signature: PrintableBlock = { kind: "signature", text: "青禾县人民政府", startFromRightChars: 9 };
const date: PrintableBlock = { kind: "date", text: "2026年2月12日", startFromRightChars: 7.5 };

describe("[EXPORT] what stays on the 署名's page", () => {
  it("is the last paragraph, the empty lines and the 附件说明 above the 署名", () => {
    const blocks: PrintableBlock[] = [
      paragraph("全年办理行政复议案件152件。"),
      paragraph("特此报告。"),
      { kind: "blank" },
      { kind: "attachment", label: "附件：", text: "青禾县2025年度法治政府建设重点任务完成情况表", numberChars: 0 },
      { kind: "blank" },
      signature,
      date,
    ];
    expect(keptWithSignature(blocks)).toEqual([1, 2, 3, 4]);
    expect(
      keptWithSignature([{ kind: "runIn", prefix: "（一）", heading: "带头学法。", inlines: [plainInline("全年学法12次。")] }, { kind: "blank" }, date]),
    ).toEqual([0, 1]);
  });

  it("is nothing without a 署名 or date, or when a table or heading ends the text", () => {
    expect(keptWithSignature([paragraph("特此报告。"), { kind: "blank" }, { kind: "copyTo", text: "抄送：市司法局。" }])).toEqual([]);
    const table: PrintableBlock = { kind: "table", source: "indicators", rows: [], columnWidths: [] };
    expect(keptWithSignature([paragraph("正文。"), table, { kind: "blank" }, signature, date])).toEqual([]);
    expect(keptWithSignature([{ kind: "heading", role: "h1", prefix: "五、", text: "其他需要报告的情况" }, { kind: "blank" }, signature])).toEqual([]);
  });

  it("leaves a last paragraph longer than MAX_KEPT_LINES where it is (never a paragraph longer than a page)", () => {
    // Eight lines: 2 + 222 characters (26 + 7 × 28).
    const eightLines = "全".repeat(222);
    expect(keptWithSignature([paragraph(eightLines), { kind: "blank" }, signature, date])).toEqual([0, 1]);
    expect(keptWithSignature([paragraph(eightLines + "。"), { kind: "blank" }, signature, date])).toEqual([]);
    expect(keptWithSignature([paragraph("全".repeat(700)), { kind: "blank" }, signature, date])).toEqual([]);
    expect(MAX_KEPT_LINES).toBe(8);
  });

  it("is kept with the next paragraph and together in the DOCX: the 结束语 and the empty line, nothing before", async () => {
    const county = loadExportFixture(EXPORT_FIXTURES.county);
    expect(keptWithSignature(buildPrintableReport(county, { isFinal: true }))).toHaveLength(2);
    const paragraphs = paragraphsOf(unzipDocx(await exportReportDocx(county, { isDraft: false }))["word/document.xml"]!);
    const closing = paragraphs.findIndex((entry) => entry.text === "特此报告。");
    const keeps = (index: number) => /<w:keepNext\/>/.test(paragraphs[index]!.xml) && /<w:keepLines\/>/.test(paragraphs[index]!.xml);
    expect(keeps(closing)).toBe(true);
    expect(paragraphs[closing + 1]!.text).toBe("");
    expect(keeps(closing + 1)).toBe(true);
    expect(paragraphs[closing + 2]!.text).toBe("青禾县人民政府");
    expect(/<w:keepNext\/>|<w:keepLines\/>/.test(paragraphs[closing - 1]!.xml)).toBe(false);
  });
});
