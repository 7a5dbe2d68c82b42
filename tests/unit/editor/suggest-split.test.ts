// @vitest-environment jsdom
import { Editor } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";

import { SuggestMode } from "@/components/editor/suggest/suggest-mode";
import { assertSuggestionsOnly } from "@/lib/reports/suggestion-rules";
import { acceptedView, acceptSuggestion, docToText, listDocSuggestions, rejectedView, rejectSuggestion, type Report, type RichDoc } from "@/lib/report-model";
import { assertBodyMatchesSchema, createBodyExtensions } from "@/lib/report-model/extensions";

import { buildCompleteReport } from "../../fixtures/complete-report";

const REVIEWER = { id: "0b6e3f0c-5a43-4c1e-9a55-1d2f9a2d7c11", name: "王审核" };
const APPROVER = { id: "7f1c1b7a-2d9e-4a55-8c11-3e6a0d5b9f22", name: "李签发" };
const FIRST = "全年开展专题学习六次，邀请专家解读新修订的行政复议法。";
const START: RichDoc = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: FIRST }] },
    { type: "paragraph", content: [{ type: "text", text: "组织旁听庭审两次。" }] },
  ],
};
/** Just after "全年开展专题学习六次，" (11 characters, after the paragraph's opening at 0). */
const AFTER_COMMA = 12;

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

function makeEditor(content: RichDoc = START, author = REVIEWER): Editor {
  const editor = new Editor({
    element: document.createElement("div"),
    extensions: [...createBodyExtensions(), SuggestMode.configure({ author })],
    content,
  });
  editors.push(editor);
  return editor;
}
const json = (editor: Editor) => editor.getJSON() as RichDoc;
function press(editor: Editor, key: string): void {
  const handled = editor.view.someProp("handleKeyDown", (handle) => handle(editor.view, new KeyboardEvent("keydown", { key })));
  expect(handled).toBe(true);
}
const BASE_REPORT = buildCompleteReport({ agency: "青溪市水务局" });
function reportWith(opening: RichDoc): Report {
  return { ...BASE_REPORT, opening };
}

describe("[SUGGEST] Enter inside a paragraph in suggestion mode", () => {
  it("splits it, the break a suggestion by the reviewer: listed, accepted into two paragraphs, rejected back into one", () => {
    const editor = makeEditor();
    editor.commands.setTextSelection(AFTER_COMMA);
    press(editor, "Enter");
    const body = json(editor);
    expect(docToText(body)).toBe("全年开展专题学习六次，\n邀请专家解读新修订的行政复议法。\n组织旁听庭审两次。");
    expect(editor.state.selection.from).toBe(AFTER_COMMA + 2);
    assertBodyMatchesSchema(body);
    const [split, ...others] = listDocSuggestions(body, { field: "opening" });
    expect(others).toEqual([]);
    expect(split).toMatchObject({ kind: "split", text: "", before: "全年开展专题学习六次，", authorName: "王审核", authorId: REVIEWER.id });

    const report = reportWith(body);
    expect(rejectSuggestion(report, split!.id).opening).toEqual(START);
    expect(rejectedView(report).opening).toEqual(START);
    const accepted = acceptSuggestion(report, split!.id).opening;
    expect(accepted).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "全年开展专题学习六次，" }] },
        { type: "paragraph", content: [{ type: "text", text: "邀请专家解读新修订的行政复议法。" }] },
        START.content[1],
      ],
    });
    expect(acceptedView(report).opening).toEqual(accepted);
  });

  it("the server takes the split as a suggestion-only change, and refuses the same split without its mark", () => {
    const editor = makeEditor();
    const before = reportWith(START);
    editor.commands.setTextSelection(AFTER_COMMA);
    press(editor, "Enter");
    expect(() => assertSuggestionsOnly({ before, after: reportWith(json(editor)), user: { id: REVIEWER.id } })).not.toThrow();
    const plainSplit = reportWith(acceptedView(reportWith(json(editor))).opening);
    expect(() => assertSuggestionsOnly({ before, after: plainSplit, user: { id: REVIEWER.id } })).toThrow(/plain edit/);
  });

  it("text typed after the break is a suggested insertion; rejecting all gives the original back", () => {
    const editor = makeEditor();
    editor.commands.setTextSelection(AFTER_COMMA);
    press(editor, "Enter");
    editor.commands.insertContent("同时");
    const body = json(editor);
    expect(docToText(body)).toBe("全年开展专题学习六次，\n同时邀请专家解读新修订的行政复议法。\n组织旁听庭审两次。");
    expect(listDocSuggestions(body, { field: "opening" }).map((suggestion) => suggestion.kind)).toEqual(["split", "insert"]);
    expect(rejectedView(reportWith(body)).opening).toEqual(START);
    expect(docToText(acceptedView(reportWith(body)).opening)).toBe("全年开展专题学习六次，\n同时邀请专家解读新修订的行政复议法。\n组织旁听庭审两次。");
  });

  it("splitting a paragraph twice gives two breaks, each decided on its own", () => {
    const editor = makeEditor();
    editor.commands.setTextSelection(AFTER_COMMA);
    press(editor, "Enter");
    // After "邀请专家解读" in the second part.
    editor.commands.setTextSelection(AFTER_COMMA + 2 + 6);
    press(editor, "Enter");
    const report = reportWith(json(editor));
    expect(docToText(report.opening)).toBe("全年开展专题学习六次，\n邀请专家解读\n新修订的行政复议法。\n组织旁听庭审两次。");
    const [first, second] = listDocSuggestions(report.opening, { field: "opening" });
    expect([first?.kind, second?.kind, first?.before, second?.before]).toEqual(["split", "split", "全年开展专题学习六次，", "邀请专家解读"]);
    expect(first!.id).not.toBe(second!.id);
    expect(docToText(rejectSuggestion(report, first!.id).opening)).toBe("全年开展专题学习六次，邀请专家解读\n新修订的行政复议法。\n组织旁听庭审两次。");
    expect(docToText(rejectSuggestion(report, second!.id).opening)).toBe("全年开展专题学习六次，\n邀请专家解读新修订的行政复议法。\n组织旁听庭审两次。");
    expect(rejectedView(report).opening).toEqual(START);
  });

  it("Backspace at the start of the second part takes one's own break back; another reviewer's stays", () => {
    const editor = makeEditor();
    editor.commands.setTextSelection(AFTER_COMMA);
    press(editor, "Enter");
    const split = json(editor);
    press(editor, "Backspace");
    expect(json(editor)).toEqual(START);
    expect(editor.state.selection.from).toBe(AFTER_COMMA);

    const other = makeEditor(split, APPROVER);
    other.commands.setTextSelection(AFTER_COMMA + 2);
    press(other, "Backspace");
    expect(json(other)).toEqual(split);
  });

  it("deleting one's own typed character that carries the break marks it deleted rather than losing the break", () => {
    const editor = makeEditor();
    editor.commands.setTextSelection(AFTER_COMMA);
    editor.commands.insertContent("并");
    press(editor, "Enter");
    press(editor, "Backspace"); // at the start of the second part: takes the own break back
    expect(docToText(json(editor))).toBe("全年开展专题学习六次，并邀请专家解读新修订的行政复议法。\n组织旁听庭审两次。");
    press(editor, "Enter");
    editor.commands.setTextSelection(AFTER_COMMA + 1);
    press(editor, "Backspace");
    const report = reportWith(json(editor));
    expect(docToText(report.opening)).toBe("全年开展专题学习六次，并\n邀请专家解读新修订的行政复议法。\n组织旁听庭审两次。");
    expect(listDocSuggestions(report.opening, { field: "opening" }).map((suggestion) => [suggestion.kind, suggestion.text])).toEqual([
      ["insert", "并"],
      ["delete", "并"],
      ["split", ""],
    ]);
    expect(rejectedView(report).opening).toEqual(START);
    expect(docToText(acceptedView(report).opening)).toBe("全年开展专题学习六次，\n邀请专家解读新修订的行政复议法。\n组织旁听庭审两次。");
  });

  it("rejecting only the inserted character that carries an open break keeps the break on the character before", () => {
    const editor = makeEditor();
    editor.commands.setTextSelection(AFTER_COMMA);
    editor.commands.insertContent("并");
    press(editor, "Enter");
    const report = reportWith(json(editor));
    const insert = listDocSuggestions(report.opening, { field: "opening" }).find((suggestion) => suggestion.kind === "insert")!;
    const decided = rejectSuggestion(report, insert.id);
    expect(docToText(decided.opening)).toBe("全年开展专题学习六次，\n邀请专家解读新修订的行政复议法。\n组织旁听庭审两次。");
    const [split, ...rest] = listDocSuggestions(decided.opening, { field: "opening" });
    expect(rest).toEqual([]);
    expect(split).toMatchObject({ kind: "split", before: "全年开展专题学习六次，" });
    expect(rejectedView(decided).opening).toEqual(START);
  });

  it("a reviewer's deletion of the break's character keeps the break (the character stays, marked deleted)", () => {
    const editor = makeEditor();
    editor.commands.setTextSelection(AFTER_COMMA);
    press(editor, "Enter");
    editor.commands.setTextSelection(AFTER_COMMA);
    press(editor, "Backspace");
    const report = reportWith(json(editor));
    expect(listDocSuggestions(report.opening, { field: "opening" }).map((suggestion) => [suggestion.kind, suggestion.text])).toEqual([
      ["delete", "，"],
      ["split", ""],
    ]);
    expect(rejectedView(report).opening).toEqual(START);
    expect(docToText(acceptedView(report).opening)).toBe("全年开展专题学习六次\n邀请专家解读新修订的行政复议法。\n组织旁听庭审两次。");
  });
});
