// @vitest-environment jsdom
/**
 * Headless Tiptap: the report-body extension list and our HighlightRanges extension in a real editor (no React),
 * checking what the browser editor relies on — the schema it enforces, the decorations it paints, and how they
 * follow edits.
 */
import { Editor } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";

import { FOCUS_CLASS, HighlightRanges, highlightRangesKey, type HighlightMeta } from "@/components/editor/highlight-ranges";
import { assertBodyMatchesSchema, createBodyExtensions } from "@/lib/report-model/extensions";
import { textToDoc } from "@/lib/report-model";

let editor: Editor | undefined;

afterEach(() => {
  editor?.destroy();
  editor = undefined;
});

function createEditor(text: string): Editor {
  const element = document.createElement("div");
  document.body.append(element);
  editor = new Editor({ element, extensions: [...createBodyExtensions(), HighlightRanges], content: textToDoc(text) });
  return editor;
}

function paint(target: Editor, meta: HighlightMeta): void {
  target.view.dispatch(target.state.tr.setMeta(highlightRangesKey, meta));
}

const markedText = (target: Editor, selector: string) => Array.from(target.view.dom.querySelectorAll(selector)).map((node) => node.textContent);

describe("report body extensions (headless)", () => {
  it("round-trips a body with lists, bold text and a table through the editor unchanged", () => {
    const body = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "一是", marks: [{ type: "bold" }] },
            { type: "text", text: "完善制度。" },
          ],
        },
        {
          type: "orderedList",
          attrs: { start: 1, type: null },
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "复议" }] }] }],
        },
        {
          type: "table",
          content: [
            {
              type: "tableRow",
              content: [
                {
                  type: "tableCell",
                  attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null },
                  content: [{ type: "paragraph", content: [{ type: "text", text: "35件" }] }],
                },
              ],
            },
          ],
        },
      ],
    };
    const element = document.createElement("div");
    editor = new Editor({ element, extensions: createBodyExtensions(), content: body });
    expect(editor.getJSON()).toEqual(body);
    expect(() => assertBodyMatchesSchema(editor!.getJSON())).not.toThrow();
  });

  it("has no node for what does not print: headings, quotes, code and rules are not in the schema", () => {
    for (const type of ["heading", "blockquote", "codeBlock", "horizontalRule"]) {
      expect(() => assertBodyMatchesSchema({ type: "doc", content: [{ type, content: [{ type: "text", text: "x" }] }] }), type).toThrow();
    }
    expect(() => assertBodyMatchesSchema({ type: "doc", content: [{ type: "paragraph", attrs: { style: "color:red" } }] })).toThrow(
      /Unsupported attribute style/,
    );
  });
});

describe("HighlightRanges (headless)", () => {
  it("paints the finding in focus and removes it when the official types", () => {
    const target = createEditor("全年办理行政复议案件35件。");
    paint(target, { focus: { from: 7, to: 11, id: "f1" } });
    expect(markedText(target, ".nb-focus-range")).toEqual(["复议案件"]);
    expect(target.view.dom.querySelector("[data-mark-id='f1']")?.className).toBe(FOCUS_CLASS);
    target.commands.insertContentAt(1, "本年");
    expect(markedText(target, ".nb-focus-range")).toEqual([]);
  });

  it("keeps 待更新 marks on their text while the text around them changes", () => {
    const target = createEditor("2024年共办理案件35件。");
    paint(target, {
      pending: [
        { from: 1, to: 6, id: "p-year" },
        { from: 11, to: 14, id: "p-figure" },
      ],
    });
    expect(markedText(target, ".nb-pending-range")).toEqual(["2024年", "35件"]);
    target.commands.insertContentAt(1, "截至");
    target.commands.insertContentAt(target.state.doc.content.size - 1, "，同比增长");
    expect(markedText(target, ".nb-pending-range")).toEqual(["2024年", "35件"]);
  });

  it("clamps ranges past the end and drops empty ones instead of throwing", () => {
    const target = createEditor("短文。");
    paint(target, {
      pending: [
        { from: 2, to: 999 },
        { from: 3, to: 3 },
      ],
      focus: { from: 50, to: 60 },
    });
    expect(markedText(target, ".nb-pending-range")).toEqual(["文。"]);
    expect(markedText(target, ".nb-focus-range")).toEqual([]);
    paint(target, { focus: null, pending: [] });
    expect(target.view.dom.querySelectorAll(".nb-pending-range, .nb-focus-range")).toHaveLength(0);
  });
});
