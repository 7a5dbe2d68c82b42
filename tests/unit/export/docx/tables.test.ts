import { describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { buildPrintableReport } from "@/lib/export/layout";
import type { Report, RichNode } from "@/lib/report-model";

import { FULL_FIXTURE, loadFixture, paragraphsOf, unzipDocx } from "./helpers/docx-xml";

const text = (value: string): RichNode => ({ type: "paragraph", content: [{ type: "text", text: value }] });
const cell = (value: string | RichNode[], attrs?: RichNode["attrs"]): RichNode => ({
  type: "tableCell",
  ...(attrs ? { attrs } : {}),
  content: typeof value === "string" ? [text(value)] : value,
});

function reportWithBody(nodes: RichNode[]): Report {
  const report = loadFixture(FULL_FIXTURE);
  report.sections[0]!.items[0]!.body = { type: "doc", content: nodes };
  return report;
}

describe("tables in report bodies", () => {
  it("merges cells across columns and rows and keeps every cell's text", async () => {
    const table: RichNode = {
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [
            { type: "tableHeader", content: [text("领域")] },
            { type: "tableHeader", attrs: { colspan: 2 }, content: [text("案件数（件）")] },
          ],
        },
        { type: "tableRow", content: [cell("市场监管", { rowspan: 2 }), cell("立案214"), cell("结案209")] },
        { type: "tableRow", content: [cell("立案31"), cell("结案30")] },
      ],
    };
    const xml = unzipDocx(await exportReportDocx(reportWithBody([table])))["word/document.xml"]!;
    const tableXml = /<w:tbl>.*?<\/w:tbl>/s.exec(xml)![0];
    expect(tableXml).toContain('<w:gridSpan w:val="2"/>');
    expect(tableXml).toContain('<w:vMerge w:val="restart"/>');
    expect(tableXml).toMatch(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/);
    const texts = paragraphsOf(tableXml)
      .map((paragraph) => paragraph.text)
      .filter(Boolean);
    expect(texts).toEqual(["领域", "案件数（件）", "市场监管", "立案214", "结案209", "立案31", "结案30"]);
    expect(tableXml).toContain("<w:tblHeader/>");
  });

  it("fits a nested table into its cell", async () => {
    const inner: RichNode = { type: "table", content: [{ type: "tableRow", content: [cell("甲"), cell("乙")] }] };
    const outer: RichNode = { type: "table", content: [{ type: "tableRow", content: [cell("说明"), cell([text("明细："), inner])] }] };
    const xml = unzipDocx(await exportReportDocx(reportWithBody([outer])))["word/document.xml"]!;
    const widths = [...xml.matchAll(/<w:tblW w:type="dxa" w:w="(\d+)"\/>|<w:tblW w:w="(\d+)" w:type="dxa"\/>/g)].map((match) => Number(match[1] ?? match[2]));
    expect(widths[0]).toBe(8844);
    expect(widths[1]).toBeLessThanOrEqual(8844 / 2);
    expect(paragraphsOf(xml).some((paragraph) => paragraph.text === "乙")).toBe(true);
  });

  it("drops empty editor paragraphs from the running text but not from tables", () => {
    const blocks = buildPrintableReport(
      reportWithBody([
        { type: "paragraph" },
        text("正文。"),
        { type: "paragraph", content: [{ type: "text", text: "  " }] },
        { type: "table", content: [{ type: "tableRow", content: [cell([{ type: "paragraph" }])] }] },
      ]),
    );
    const start = blocks.findIndex((block) => block.kind === "heading" && block.role === "h2");
    expect(blocks.slice(start + 1, start + 3).map((block) => block.kind)).toEqual(["paragraph", "table"]);
  });
});
