import { describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { buildPrintableReport, fitStartCandidates, fittedBlocks, fitStarts, plainInline, type PrintableBlock } from "@/lib/export/layout";

import { EXPORT_FIXTURES, loadExportFixture } from "../helpers/side-by-side";
import { paragraphsOf, unzipDocx } from "./helpers/docx-xml";

// GB/T 9704 7.3.5's remedy, "调整行距、字距": a last page set tighter so that the 署名 and 成文日期 stand with the text.
// Which blocks, here; the pages, in tests/unit/export/pdf/signature-page.test.ts and
// tests/integration/libreoffice-signature-fit.test.ts (the DOCX through LibreOffice and the PDF, line for line).

const paragraph = (text: string): PrintableBlock => ({ kind: "paragraph", prefix: "", inlines: [plainInline(text)], headingLength: 0, indentLevel: 0 });
const heading: PrintableBlock = { kind: "heading", role: "h1", prefix: "四、", text: "2026年推进法治政府建设的主要安排" };
const table: PrintableBlock = { kind: "table", source: "indicators", rows: [], columnWidths: [] };
const signature: PrintableBlock = { kind: "signature", text: "青禾县人民政府", startFromRightChars: 9 };
const date: PrintableBlock = { kind: "date", text: "2026年2月12日", startFromRightChars: 7.5 };

describe("[EXPORT] the blocks of a tighter last page", () => {
  const blocks: PrintableBlock[] = [
    { kind: "title", lines: ["青禾县人民政府关于2025年法治政府建设情况的报告"] },
    paragraph("导语。"),
    table,
    paragraph("表后第一段。"),
    heading,
    paragraph("第一段。"),
    paragraph("末段。"),
    { kind: "blank" },
    signature,
    date,
    { kind: "blank" },
    { kind: "copyTo", text: "抄送：市司法局。" },
  ];

  it("may start at any text block after the last table, title or 版头, never at the 版记", () => {
    expect(fitStartCandidates(blocks)).toEqual([3, 4, 5, 6, 7]);
    expect(fitStartCandidates([paragraph("正文。"), table, { kind: "blank" }, signature])).toEqual([2]);
    expect(fitStartCandidates([paragraph("正文。"), { kind: "blank" }, { kind: "copyTo", text: "抄送：市司法局。" }])).toEqual([]);
  });

  it("start with the first block on the text's last page, then one and two blocks further back", () => {
    // Blocks 5 and 6 start on page 4, the text's last page.
    const starts = new Map([
      [3, 3],
      [4, 3],
      [5, 4],
      [6, 4],
      [7, 5],
    ]);
    expect(fitStarts(blocks, starts, 4)).toEqual([5, 4, 3]);
    // The last paragraph begins on page 3 and ends on page 4: it is the least that is set tighter.
    expect(fitStarts(blocks, new Map([...starts, [5, 3], [6, 3]]), 4)).toEqual([6, 5, 4]);
    // A table ends the text: nothing to set tighter that could make room.
    expect(fitStarts([paragraph("正文。"), table, { kind: "blank" }, signature, date], new Map([[2, 5]]), 4)).toEqual([]);
  });

  it("run from the fit's first block through the 成文日期, the 版记 and its empty line left on the grid", () => {
    expect([...fittedBlocks(blocks, { fromBlock: 5, linePitch: 500 })]).toEqual([5, 6, 7, 8, 9]);
    expect(fittedBlocks(blocks, undefined).size).toBe(0);
  });

  it("are written in the DOCX at the fit's exact pitch, off the grid, every other paragraph untouched", async () => {
    const county = loadExportFixture(EXPORT_FIXTURES.county);
    const printable = buildPrintableReport(county, { isFinal: true });
    const fromBlock = printable.findIndex((block) => block.kind === "heading" && block.prefix === "四、");
    const xml = unzipDocx(await exportReportDocx(county, { isDraft: false, signatureFit: { fromBlock, linePitch: 520 } }))["word/document.xml"]!;
    const paragraphs = paragraphsOf(xml);
    const first = paragraphs.findIndex((entry) => entry.text === "四、2026年推进法治政府建设的主要安排");
    const last = paragraphs.findIndex((entry) => entry.text === "2026年2月12日");
    expect(last - first).toBeGreaterThan(4);
    const tight = /<w:snapToGrid w:val="(?:0|false)"\/><w:spacing w:line="520" w:lineRule="exact"\/>/;
    for (const entry of paragraphs.slice(first, last + 1)) expect(entry.xml, entry.text).toMatch(tight);
    // Schema order: w:snapToGrid and w:spacing before w:ind, w:jc and w:outlineLvl (Word refuses them out of order).
    const heading = paragraphs[first]!.xml;
    expect(heading.indexOf("<w:spacing")).toBeLessThan(heading.search(/<w:(ind|jc|outlineLvl)\b/) >>> 0);
    for (const entry of [...paragraphs.slice(0, first), ...paragraphs.slice(last + 1)]) expect(entry.xml).not.toMatch(/w:line="520"/);
    // Without a fit, nothing set tighter.
    const plain = unzipDocx(await exportReportDocx(county, { isDraft: false }))["word/document.xml"]!;
    expect(plain).not.toMatch(/w:line="520"/);
    expect(paragraphsOf(plain).find((entry) => entry.text === "2026年2月12日")!.xml).not.toMatch(/<w:spacing/);
  });
});
