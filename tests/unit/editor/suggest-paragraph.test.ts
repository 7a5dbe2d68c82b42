// @vitest-environment jsdom
import { Editor } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";

import { SuggestMode } from "@/components/editor/suggest/suggest-mode";
import { acceptedView, docToText, listDocSuggestions, rejectedView, type Report, type RichDoc } from "@/lib/report-model";
import { createBodyExtensions } from "@/lib/report-model/extensions";

const REVIEWER = { id: "0b6e3f0c-5a43-4c1e-9a55-1d2f9a2d7c11", name: "王审核" };
const START: RichDoc = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "全年开展专题学习六次。" }] },
    { type: "paragraph", content: [{ type: "text", text: "邀请专家解读行政法律制度。" }] },
  ],
};

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

function makeEditor(content: RichDoc = START): Editor {
  editor = new Editor({
    element: document.createElement("div"),
    extensions: [...createBodyExtensions(), SuggestMode.configure({ author: REVIEWER })],
    content,
  });
  return editor;
}
const json = (current: Editor) => current.getJSON() as RichDoc;
const asReport = (body: RichDoc) => ({ opening: body, sections: [] }) as unknown as Report;
function press(current: Editor, key: string): void {
  const handled = current.view.someProp("handleKeyDown", (handle) => handle(current.view, new KeyboardEvent("keydown", { key })));
  expect(handled).toBe(true);
}
/** End of the first paragraph ("全年开展专题学习六次。" is 11 characters, after the paragraph's opening at 0). */
const END_OF_FIRST = 12;

describe("a suggested new paragraph", () => {
  it("Enter at a paragraph's end adds a paragraph whose typed text is one suggested insertion", () => {
    const current = makeEditor();
    current.commands.setTextSelection(END_OF_FIRST);
    press(current, "Enter");
    current.commands.insertContent("组织旁听庭审两次。");
    const body = json(current);
    expect(docToText(body)).toBe("全年开展专题学习六次。\n组织旁听庭审两次。\n邀请专家解读行政法律制度。");
    expect(listDocSuggestions(body, { field: "opening" })).toEqual([
      expect.objectContaining({ kind: "insert", text: "组织旁听庭审两次。", authorName: "王审核" }),
    ]);
    // Rejecting takes the paragraph away with its text; accepting keeps it as plain text.
    expect(rejectedView(asReport(body)).opening).toEqual(START);
    expect(docToText(acceptedView(asReport(body)).opening)).toBe("全年开展专题学习六次。\n组织旁听庭审两次。\n邀请专家解读行政法律制度。");
    expect(listDocSuggestions(acceptedView(asReport(body)).opening, { field: "opening" })).toEqual([]);
  });

  it("Enter at a paragraph's start adds the new paragraph before it", () => {
    const current = makeEditor();
    current.commands.setTextSelection(END_OF_FIRST + 2);
    press(current, "Enter");
    current.commands.insertContent("新增一段。");
    expect(docToText(json(current))).toBe("全年开展专题学习六次。\n新增一段。\n邀请专家解读行政法律制度。");
    expect(rejectedView(asReport(json(current))).opening).toEqual(START);
  });

  it("Backspace in an empty new paragraph removes it and puts the caret back at the end of the paragraph before", () => {
    const current = makeEditor();
    current.commands.setTextSelection(END_OF_FIRST);
    press(current, "Enter");
    current.commands.insertContent("两");
    press(current, "Backspace"); // one's own suggested text goes
    expect(json(current).content).toHaveLength(3);
    press(current, "Backspace"); // then the empty paragraph
    expect(json(current)).toEqual(START);
    expect(current.state.selection.from).toBe(END_OF_FIRST);
  });
});
