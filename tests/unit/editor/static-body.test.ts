// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { parseBodyHtml } from "@/components/editor/lazy-body/engine";
import {
  applyStaticTextEdits,
  domPointToTextOffset,
  drawnText,
  rebaseTypedEdit,
  staticBodyHtml,
  staticBodyText,
  textOffsetToDomPoint,
} from "@/components/editor/lazy-body/static-body";
import { docToText, textToDoc, type RichDoc } from "@/lib/report-model";

const SUGGESTION = { id: "s1", authorId: "u-2", authorName: "李审核", at: "2026-03-02T08:15:00.000Z" };

/** A body with every kind of node and mark the schema allows. */
const RICH: RichDoc = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "一是" },
        { type: "text", text: "健全制度", marks: [{ type: "bold" }] },
        { type: "text", text: "，", marks: [{ type: "italic" }] },
        { type: "text", text: "全年", marks: [{ type: "suggestInsert", attrs: SUGGESTION }] },
        { type: "text", text: "制定<规章>&文件", marks: [{ type: "suggestDelete", attrs: { ...SUGGESTION, id: "s2" } }] },
        { type: "hardBreak" },
        { type: "text", text: "第二行" },
      ],
    },
    {
      type: "orderedList",
      attrs: { start: 3, type: null },
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "列表项" }] }] }],
    },
    {
      type: "bulletList",
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "要点" }] }] }],
    },
    {
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [
            {
              type: "tableHeader",
              attrs: { colspan: 1, rowspan: 1, colwidth: null },
              content: [{ type: "paragraph", content: [{ type: "text", text: "指标" }] }],
            },
            {
              type: "tableHeader",
              attrs: { colspan: 1, rowspan: 1, colwidth: null },
              content: [{ type: "paragraph", content: [{ type: "text", text: "数值" }] }],
            },
          ],
        },
        {
          type: "tableRow",
          content: [
            {
              type: "tableCell",
              attrs: { colspan: 1, rowspan: 1, colwidth: null },
              content: [{ type: "paragraph", content: [{ type: "text", text: "复议" }] }],
            },
            {
              type: "tableCell",
              attrs: { colspan: 1, rowspan: 1, colwidth: null },
              content: [
                { type: "paragraph", content: [{ type: "text", text: "12件" }] },
                { type: "paragraph", content: [{ type: "text", text: "已结" }] },
              ],
            },
          ],
        },
      ],
    },
    { type: "paragraph" },
  ],
};

function drawn(html: string): HTMLElement {
  const element = document.createElement("div");
  element.innerHTML = html;
  return element;
}

describe("static body HTML", () => {
  it("reads back with the editor's schema as the same body (marks, suggestion authors, lists, tables, empty lines)", () => {
    expect(parseBodyHtml(staticBodyHtml(RICH))).toEqual(parseBodyHtml(staticBodyHtml(parseBodyHtml(staticBodyHtml(RICH)))));
    const parsed = parseBodyHtml(staticBodyHtml(RICH));
    expect(docToText(parsed)).toBe(docToText(RICH));
    const inline = parsed.content[0]!.content!;
    expect(inline.map((node) => node.type)).toEqual(["text", "text", "text", "text", "text", "hardBreak", "text"]);
    expect(inline[1]!.marks).toEqual([{ type: "bold" }]);
    expect(inline[3]!.marks).toEqual([{ type: "suggestInsert", attrs: SUGGESTION }]);
    expect(inline[4]).toMatchObject({ text: "制定<规章>&文件", marks: [{ type: "suggestDelete", attrs: { ...SUGGESTION, id: "s2" } }] });
    expect(parsed.content[1]).toMatchObject({ type: "orderedList", attrs: { start: 3 } });
    expect(parsed.content.map((node) => node.type)).toEqual(["paragraph", "orderedList", "bulletList", "table", "paragraph"]);
  });

  it("draws the suggestion as the editor does (ins/del with the author and time in the title) and escapes text", () => {
    const html = staticBodyHtml(RICH);
    expect(html).toContain('class="suggestion suggestion-insert" title="李审核插入（2026年3月2日 16:15）"');
    expect(html).toContain("制定&lt;规章&gt;&amp;文件");
    expect(html).not.toContain("<规章>");
  });

  it("has the text of docToText, offsets included", () => {
    expect(staticBodyText(RICH)).toBe(docToText(RICH));
    const element = drawn(staticBodyHtml(RICH));
    expect(drawnText(element).length).toBe(docToText(RICH).length);
    const text = docToText(RICH);
    for (const offset of [0, 3, text.indexOf("第二行"), text.indexOf("列表项") + 1, text.indexOf("已结"), text.length]) {
      const point = textOffsetToDomPoint(element, offset);
      expect(domPointToTextOffset(element, point.node, point.offset)).toBe(offset);
    }
  });

  it("paints 待更新 ranges across marks and leaves an empty body's placeholder to CSS", () => {
    const body = textToDoc("2024年全年办理复议案件4次。");
    const html = staticBodyHtml(body, [{ id: "p1", from: 0, to: 5 }]);
    expect(drawn(html).querySelector('[data-mark-id="p1"]')?.textContent).toBe("2024年");
    expect(staticBodyHtml(textToDoc(""), [], "在此撰写正文……")).toBe(
      '<p class="is-empty is-editor-empty" data-placeholder="在此撰写正文……"><br class="ProseMirror-trailingBreak"></p>',
    );
    expect(parseBodyHtml(staticBodyHtml(textToDoc(""), [], "在此撰写正文……"))).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });
});

describe("edits before the engine is loaded", () => {
  it("applies a fix inside a paragraph, keeping the marks around it, and refuses stale or cross-paragraph edits", () => {
    const fixed = applyStaticTextEdits(RICH, [{ from: 6, to: 7, insert: "；" }], docToText(RICH))!;
    expect(docToText(fixed)).toBe(docToText(RICH).replace("，", "；"));
    expect(fixed.content[0]!.content![2]).toEqual({ type: "text", text: "；", marks: [{ type: "italic" }] });
    expect(applyStaticTextEdits(RICH, [{ from: 0, to: 1, insert: "二" }], "别的文字")).toBeNull();
    const twoLines = textToDoc("第一段。\n第二段。");
    expect(applyStaticTextEdits(twoLines, [{ from: 2, to: 7, insert: "" }])).toBeNull();
    expect(
      docToText(
        applyStaticTextEdits(twoLines, [
          { from: 5, to: 5, insert: "新" },
          { from: 0, to: 0, insert: "甲" },
        ])!,
      ),
    ).toBe("甲第一段。\n新第二段。");
  });

  it("moves what was typed into the static copy onto a live body others changed meanwhile", () => {
    // Typed at the end; someone else changed the start.
    expect(rebaseTypedEdit("一二三", "一二三四", "零一二三")).toEqual({ from: 4, to: 4, insert: "四" });
    // Typed at the start; someone else appended.
    expect(rebaseTypedEdit("一二三", "甲一二三", "一二三四五")).toEqual({ from: 0, to: 0, insert: "甲" });
    // Replaced a word where someone else also wrote: no exact place.
    expect(rebaseTypedEdit("一二三", "一X三", "一Y三")).toBeNull();
    // A new paragraph is written whole by the caller.
    expect(rebaseTypedEdit("一二三", "一二\n三", "零一二三")).toBeNull();
  });
});
