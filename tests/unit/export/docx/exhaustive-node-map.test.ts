import { describe, expect, it } from "vitest";

import { BLOCK_RENDERERS, exportReportDocx } from "@/lib/export/docx";
import { BODY_NODE_MAP } from "@/lib/export/layout";
import { ExportError } from "@/lib/export/options";
import { BODY_NODE_TYPES, type Report, type RichNode } from "@/lib/report-model";

import { FULL_FIXTURE, loadFixture } from "./helpers/docx-xml";

/** The fixture with its first item's body replaced by nodes the schema would reject (as a future editor might send). */
function reportWithBody(nodes: unknown[]): Report {
  const report = loadFixture(FULL_FIXTURE);
  report.sections[0]!.items[0]!.body = { type: "doc", content: nodes as RichNode[] };
  return report;
}

async function exportError(report: Report): Promise<ExportError> {
  const error = await exportReportDocx(report).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ExportError);
  return error as ExportError;
}

describe("exhaustive node maps", () => {
  it("map every body node type and nothing else", () => {
    expect(Object.keys(BODY_NODE_MAP).sort()).toEqual(BODY_NODE_TYPES.filter((type) => type !== "doc").sort());
  });

  it("render every printable block kind", () => {
    expect(Object.keys(BLOCK_RENDERERS).sort()).toEqual(
      ["attachment", "blank", "copyTo", "date", "docNumber", "heading", "mainRecipient", "paragraph", "runIn", "signature", "table", "title"].sort(),
    );
  });

  it.each([
    ["an unknown block node", [{ type: "image", attrs: { src: "a.png" } }], "image"],
    [
      "an unknown node inside a list item",
      [{ type: "bulletList", content: [{ type: "listItem", content: [{ type: "codeBlock", content: [{ type: "text", text: "x" }] }] }] }],
      "codeBlock",
    ],
    [
      "an unknown inline node",
      [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "见" },
            { type: "mention", attrs: { id: "u1" } },
          ],
        },
      ],
      "mention",
    ],
    ["an unknown mark", [{ type: "paragraph", content: [{ type: "text", text: "重点", marks: [{ type: "underline" }] }] }], "underline"],
    ["a table cell outside a table", [{ type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "孤立单元格" }] }] }], "tableCell"],
    ["a table inside a paragraph", [{ type: "paragraph", content: [{ type: "table", content: [] }] }], "table"],
  ])("throws UNSUPPORTED_NODE for %s instead of dropping it", async (_name, nodes, type) => {
    const error = await exportError(reportWithBody(nodes));
    expect(error.code).toBe("UNSUPPORTED_NODE");
    expect(error.message).toContain(type);
  });

  it("keeps a stray text node at block level as its own paragraph", async () => {
    const { unzipDocx, paragraphsOf } = await import("./helpers/docx-xml");
    const docx = unzipDocx(await exportReportDocx(reportWithBody([{ type: "text", text: "未包在段落中的文字" }])));
    expect(paragraphsOf(docx["word/document.xml"]!).some((paragraph) => paragraph.text === "未包在段落中的文字")).toBe(true);
  });
});
