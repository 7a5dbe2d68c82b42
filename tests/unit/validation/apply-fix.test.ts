import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { docToText, type RichDoc, type RichNode } from "@/lib/report-model";
import { applyFix, type Fix } from "@/lib/validation";
import { mapDocOffsets } from "@/lib/validation/text/doc-offsets";

import { buildReport } from "./helpers";

const bodyLocation = { field: "body" as const, sectionId: "s0", sectionIndex: 0, itemId: "s0i0", itemIndex: 0 };

function reportWithDoc(body: RichDoc) {
  const report = buildReport({ sections: [{ kind: "measures", items: [{ heading: "（一）推进执法", body: "" }] }] });
  report.sections[0]!.items[0]!.body = body;
  return report;
}

function edit(from: number, to: number, insert: string): Fix {
  return { label: "test", edits: [{ location: bodyLocation, from, to, insert }] };
}

const markedDoc: RichDoc = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "一是", marks: [{ type: "bold" }] },
        { type: "text", text: "开展执法培训," },
        { type: "hardBreak" },
        { type: "text", text: "二是公开执法信息" },
      ],
    },
    {
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [
            {
              type: "tableCell",
              content: [
                { type: "paragraph", content: [{ type: "text", text: "收案" }] },
                { type: "paragraph", content: [{ type: "text", text: "件" }] },
              ],
            },
            { type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "46" }] }] },
          ],
        },
      ],
    },
    { type: "paragraph" },
  ],
};

describe("applyFix", () => {
  it("maps offsets exactly as docToText (hard breaks, table cells, empty paragraphs)", () => {
    expect(docToText(markedDoc)).toBe("一是开展执法培训,\n二是公开执法信息\n收案 件\t46\n");
    expect(mapDocOffsets(markedDoc).length).toBe(docToText(markedDoc).length);
  });

  it.each([
    ["inside one text node", 8, 9, "，", "一是开展执法培训，\n二是公开执法信息\n收案 件\t46\n"],
    ["across the bold node and the next", 1, 4, "是组织", "一是组织执法培训,\n二是公开执法信息\n收案 件\t46\n"],
    ["in a table cell", 24, 26, "52", "一是开展执法培训,\n二是公开执法信息\n收案 件\t52\n"],
    ["insert at the end of a paragraph", 18, 18, "。", "一是开展执法培训,\n二是公开执法信息。\n收案 件\t46\n"],
    ["insert into an empty paragraph", 27, 27, "无。", "一是开展执法培训,\n二是公开执法信息\n收案 件\t46\n无。"],
  ])("%s", (_name, from, to, insert, expected) => {
    const report = reportWithDoc(structuredClone(markedDoc));
    const fixed = applyFix(report, edit(from, to, insert));
    expect(docToText(fixed.sections[0]!.items[0]!.body)).toBe(expected);
    expect(docToText(report.sections[0]!.items[0]!.body)).toBe(docToText(markedDoc));
  });

  it("keeps marks of the edited node and drops emptied nodes", () => {
    const fixed = applyFix(reportWithDoc(structuredClone(markedDoc)), edit(0, 2, "首先"));
    const first = (fixed.sections[0]!.items[0]!.body.content[0]!.content ?? [])[0]!;
    expect(first).toEqual({ type: "text", text: "首先", marks: [{ type: "bold" }] });
    const removed = applyFix(reportWithDoc(structuredClone(markedDoc)), edit(0, 2, ""));
    expect(removed.sections[0]!.items[0]!.body.content[0]!.content!.some((node) => node.text === "")).toBe(false);
  });

  it("applies several edits of one field against the original offsets", () => {
    const report = buildReport({
      meta: { title: "青山县2023年度法治政府建设情况的报告" },
      sections: [{ kind: "measures", heading: "一、2023年主要举措", items: [] }],
    });
    const fixed = applyFix(report, {
      label: "test",
      edits: [
        { location: { field: "title" }, from: 3, to: 7, insert: "2024" },
        { location: { field: "sectionHeading", sectionId: "s0", sectionIndex: 0 }, from: 0, to: 2, insert: "" },
        { location: { field: "sectionHeading", sectionId: "s0", sectionIndex: 0 }, from: 2, to: 6, insert: "2024" },
      ],
    });
    expect(fixed.meta.title).toBe("青山县2024年度法治政府建设情况的报告");
    expect(fixed.sections[0]!.heading).toBe("2024年主要举措");
  });

  it("an edit inside one block equals the same edit on the plain text (property)", () => {
    const text = fc.string({ unit: fc.constantFrom("法", "治", "政", "府", "，", "。", "a", "1"), maxLength: 8 });
    const inline = fc.oneof(
      text.filter((value) => value.length > 0).map((value): RichNode => ({ type: "text", text: value })),
      fc.constant<RichNode>({ type: "hardBreak" }),
    );
    const paragraph = fc.array(inline, { maxLength: 5 }).map((content): RichNode => ({ type: "paragraph", content }));
    const doc = fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((content): RichDoc => ({ type: "doc", content }));
    fc.assert(
      fc.property(doc, fc.nat(), fc.nat(), text, (body, a, b, insert) => {
        const plain = docToText(body);
        const from = Math.min(a, b) % (plain.length + 1);
        const to = Math.min(from + (Math.max(a, b) % 4), plain.length);
        fc.pre(!plain.slice(from, to).includes("\n"));
        const fixed = applyFix(reportWithDoc(body), edit(from, to, insert));
        expect(docToText(fixed.sections[0]!.items[0]!.body)).toBe(plain.slice(0, from) + insert + plain.slice(to));
      }),
      { numRuns: 300 },
    );
  });
});
