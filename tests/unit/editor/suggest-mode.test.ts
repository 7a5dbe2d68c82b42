// @vitest-environment jsdom
import { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { afterEach, describe, expect, it } from "vitest";

import { SuggestMode } from "@/components/editor/suggest/suggest-mode";
import { docToText, listDocSuggestions, rejectedView, acceptedView, type Report, type RichDoc } from "@/lib/report-model";
import { createBodyExtensions } from "@/lib/report-model/extensions";

const REVIEWER = { id: "0b6e3f0c-5a43-4c1e-9a55-1d2f9a2d7c11", name: "王审核" };
const START: RichDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "全年开展专题学习六次。" }] }] };

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
/** Position of the character at plain-text offset `offset` in the one-paragraph body. */
const pos = (offset: number) => offset + 1;
const asReport = (body: RichDoc) => ({ opening: body, sections: [] }) as unknown as Report;

/** A Backspace as the keyboard sends it (the plugin handles it; nothing reaches the DOM). */
function backspace(current: Editor): void {
  press(current, "Backspace");
}
function press(current: Editor, key: string): void {
  const handled = current.view.someProp("handleKeyDown", (handle) => handle(current.view, new KeyboardEvent("keydown", { key })));
  expect(handled).toBe(true);
}

describe("suggestion mode in the editor", () => {
  it("Backspace right after a composition removes the composed character instead of marking it", () => {
    const current = makeEditor();
    current.commands.setTextSelection(pos(4));
    (current.view as unknown as { input: { composing: boolean } }).input.composing = true;
    current.view.dispatch(current.state.tr.insertText("集中", pos(4)));
    (current.view as unknown as { input: { composing: boolean } }).input.composing = false;
    backspace(current);
    expect(docToText(json(current))).toBe("全年开展集专题学习六次。");
    expect(listDocSuggestions(json(current), { field: "opening" }).filter((s) => s.kind === "delete")).toEqual([]);
  });

  it("typed text becomes one suggestInsert by the reviewer; the original text is unchanged underneath", () => {
    const current = makeEditor();
    current.commands.setTextSelection(pos(4));
    current.commands.insertContent("集");
    current.commands.insertContent("中");
    const body = json(current);
    expect(docToText(body)).toBe("全年开展集中专题学习六次。");
    const [suggestion, ...others] = listDocSuggestions(body, { field: "opening" });
    expect(others).toEqual([]);
    expect(suggestion).toMatchObject({ kind: "insert", text: "集中", authorId: REVIEWER.id, authorName: "王审核" });
    expect(Date.parse(suggestion!.at)).not.toBeNaN();
    expect(docToText(rejectedView(asReport(body)).opening)).toBe("全年开展专题学习六次。");
  });

  it("backspace keeps the text as a suggestDelete and moves left over it", () => {
    const current = makeEditor();
    current.commands.setTextSelection(pos(10));
    backspace(current);
    backspace(current);
    const body = json(current);
    expect(docToText(body)).toBe("全年开展专题学习六次。");
    expect(listDocSuggestions(body, { field: "opening" })).toEqual([expect.objectContaining({ kind: "delete", text: "六次" })]);
    expect(current.state.selection.from).toBe(pos(8));
    expect(docToText(acceptedView(asReport(body)).opening)).toBe("全年开展专题学习。");
  });

  it("typing over a selection suggests a deletion followed by an insertion", () => {
    const current = makeEditor();
    current.view.dispatch(current.state.tr.setSelection(TextSelection.create(current.state.doc, pos(8), pos(10))));
    current.commands.insertContent("八次");
    const body = json(current);
    expect(docToText(body)).toBe("全年开展专题学习六次八次。");
    expect(listDocSuggestions(body, { field: "opening" }).map((s) => [s.kind, s.text])).toEqual([
      ["delete", "六次"],
      ["insert", "八次"],
    ]);
    expect(docToText(acceptedView(asReport(body)).opening)).toBe("全年开展专题学习八次。");
    expect(docToText(rejectedView(asReport(body)).opening)).toBe("全年开展专题学习六次。");
  });

  it("a deletion made by the browser itself (cut, drag) is put back as a suggestDelete, caret before it on Backspace", () => {
    const current = makeEditor();
    current.commands.setTextSelection(pos(10));
    current.view.dispatch(current.state.tr.delete(pos(9), pos(10)));
    expect(docToText(json(current))).toBe("全年开展专题学习六次。");
    expect(listDocSuggestions(json(current), { field: "opening" })).toEqual([expect.objectContaining({ kind: "delete", text: "次" })]);
    expect(current.state.selection.from).toBe(pos(9));
  });

  it("Delete marks the next character and moves past it; Backspace at a paragraph start joins nothing", () => {
    const current = makeEditor();
    current.commands.setTextSelection(pos(0));
    backspace(current);
    press(current, "Delete");
    press(current, "Delete");
    const body = json(current);
    expect(body.content).toHaveLength(1);
    expect(listDocSuggestions(body, { field: "opening" })).toEqual([expect.objectContaining({ kind: "delete", text: "全年" })]);
    expect(current.state.selection.from).toBe(pos(2));
  });

  it("deleting one's own suggested text removes it instead of marking it", () => {
    const current = makeEditor();
    current.commands.setTextSelection(pos(4));
    current.commands.insertContent("集中");
    backspace(current);
    const body = json(current);
    expect(docToText(body)).toBe("全年开展集专题学习六次。");
    expect(listDocSuggestions(body, { field: "opening" })).toEqual([expect.objectContaining({ kind: "insert", text: "集" })]);
  });

  it("a deletion across two paragraphs keeps both paragraphs", () => {
    const current = makeEditor({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "第一段末尾" }] },
        { type: "paragraph", content: [{ type: "text", text: "第二段开头" }] },
      ],
    });
    current.view.dispatch(current.state.tr.delete(4, 10));
    const body = json(current);
    expect(docToText(body)).toBe("第一段末尾\n第二段开头");
    expect(listDocSuggestions(body, { field: "opening" })).toEqual([expect.objectContaining({ kind: "delete", text: "末尾\n第二" })]);
    expect(docToText(acceptedView(asReport(body)).opening)).toBe("第一段\n段开头");
  });

  it("refuses untrackable changes: a new paragraph and formatting", () => {
    const current = makeEditor();
    current.commands.setTextSelection(pos(4));
    current.commands.splitBlock();
    current.commands.setTextSelection({ from: pos(0), to: pos(2) });
    current.commands.toggleBold();
    expect(json(current)).toEqual(START);
  });

  it("text typed during an IME composition is marked once the composition ends", async () => {
    const current = makeEditor();
    current.commands.setTextSelection(pos(4));
    (current.view as unknown as { input: { composing: boolean } }).input.composing = true;
    current.view.dispatch(current.state.tr.insertText("zhong", pos(4)));
    expect(listDocSuggestions(json(current), { field: "opening" })).toEqual([]);
    current.view.dispatch(current.state.tr.insertText("中", pos(4), pos(9)));
    expect(docToText(json(current))).toBe("全年开展中专题学习六次。");
    (current.view as unknown as { input: { composing: boolean } }).input.composing = false;
    current.view.dom.dispatchEvent(new Event("compositionend"));
    await new Promise((resolve) => setTimeout(resolve, 400));
    const body = json(current);
    expect(docToText(body)).toBe("全年开展中专题学习六次。");
    expect(listDocSuggestions(body, { field: "opening" })).toEqual([expect.objectContaining({ kind: "insert", text: "中" })]);
  });
});
