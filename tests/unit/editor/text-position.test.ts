// @vitest-environment jsdom
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { docToText, type RichDoc, type RichNode } from "@/lib/report-model";
import { getBodySchema } from "@/lib/report-model/extensions";
import { buildTextMap, posToTextOffset, textOffsetToPos, textRangeToPosRange } from "@/components/editor/text-position";

const text = (value: string, bold = false): RichNode => (bold ? { type: "text", text: value, marks: [{ type: "bold" }] } : { type: "text", text: value });
const para = (...content: RichNode[]): RichNode => (content.length ? { type: "paragraph", content } : { type: "paragraph" });
const item = (...content: RichNode[]): RichNode => ({ type: "listItem", content });
const cell = (...content: RichNode[]): RichNode => ({ type: "tableCell", content });
const header = (...content: RichNode[]): RichNode => ({ type: "tableHeader", content });
const row = (...content: RichNode[]): RichNode => ({ type: "tableRow", content });
const doc = (...content: RichNode[]): RichDoc => ({ type: "doc", content });

const FIXTURES: Record<string, RichDoc> = {
  "one paragraph": doc(para(text("全年共办理行政复议案件35件。"))),
  "empty body": doc(para()),
  "bold lead-in and plain text": doc(para(text("一是加强组织领导。", true), text("成立以主要负责同志为组长的领导小组。"))),
  "paragraphs with an empty one between": doc(para(text("2024年，我局坚持依法行政。")), para(), para(text("二是完善制度。"))),
  "hard break inside a paragraph": doc(para(text("第一行"), { type: "hardBreak" }, text("第二行"))),
  "bullet and ordered lists": doc(
    para(text("主要做法如下：")),
    { type: "bulletList", content: [item(para(text("健全合法性审核机制"))), item(para(text("推行柔性执法")))] },
    { type: "orderedList", attrs: { start: 1 }, content: [item(para(text("清理规范性文件12件")), para(text("废止3件")))] },
    para(text("完成全部任务。")),
  ),
  "nested list": doc({
    type: "bulletList",
    content: [item(para(text("外层")), { type: "bulletList", content: [item(para(text("内层一"))), item(para(text("内层二")))] })],
  }),
  "table with header, empty cell and two-paragraph cell": doc(
    para(text("主要指标见下表：")),
    {
      type: "table",
      content: [
        row(header(para(text("指标"))), header(para(text("数量")))),
        row(cell(para(text("行政复议收案"))), cell(para(text("35件")))),
        row(cell(para()), cell(para(text("上半年12件")), para(text("下半年23件")))),
      ],
    },
    para(text("表后说明。")),
  ),
  "table cell with a hard break and a list": doc({
    type: "table",
    content: [
      row(
        cell(para(text("甲"), { type: "hardBreak" }, text("乙"))),
        cell({ type: "bulletList", content: [item(para(text("子项一"))), item(para(text("子项二")))] }),
      ),
    ],
  }),
};

const schema = getBodySchema();

describe("buildTextMap mirrors docToText", () => {
  it.each(Object.entries(FIXTURES))("%s: same text, every real character maps onto itself", (_name, json) => {
    const node = schema.nodeFromJSON(json);
    const map = buildTextMap(node);
    expect(map.text).toBe(docToText(json));
    expect(map.positions).toHaveLength(map.text.length + 1);
    expect(map.ends).toHaveLength(map.text.length);
    for (let index = 0; index < map.text.length; index += 1) {
      const from = map.positions[index]!;
      const to = map.ends[index]!;
      if (to === from + 1) {
        const char = map.text[index]!;
        // A hard break inside a table cell reads as " " in docToText (cells are one line).
        const between = node.textBetween(from, to, "", "\n");
        expect(char === " " ? between.replace("\n", " ") : between, `char ${index} «${char}»`).toBe(char);
      } else {
        // Block separators: "\n" between blocks, "\t" between cells, " " between blocks of one cell.
        expect(["\n", "\t", " "]).toContain(map.text[index]);
        expect(to).toBeGreaterThan(from);
      }
    }
    expect(map.positions.at(-1)).toBeLessThanOrEqual(node.content.size);
  });
});

describe("textRangeToPosRange", () => {
  const CASES: Array<{ fixture: string; needle: string; separator?: string }> = [
    { fixture: "one paragraph", needle: "35件" },
    { fixture: "bold lead-in and plain text", needle: "领导。成立" },
    { fixture: "paragraphs with an empty one between", needle: "2024年" },
    { fixture: "paragraphs with an empty one between", needle: "依法行政。\n\n二是", separator: "\n" },
    { fixture: "hard break inside a paragraph", needle: "行\n第二" },
    { fixture: "bullet and ordered lists", needle: "柔性执法" },
    { fixture: "bullet and ordered lists", needle: "12件\n废止", separator: "\n" },
    { fixture: "bullet and ordered lists", needle: "完成全部任务" },
    { fixture: "nested list", needle: "内层二" },
    { fixture: "table with header, empty cell and two-paragraph cell", needle: "行政复议收案\t35件", separator: "\t" },
    { fixture: "table with header, empty cell and two-paragraph cell", needle: "23件" },
    { fixture: "table with header, empty cell and two-paragraph cell", needle: "表后说明" },
    { fixture: "table cell with a hard break and a list", needle: "子项二" },
  ];

  it.each(CASES)("$fixture: «$needle»", ({ fixture, needle, separator }) => {
    const json = FIXTURES[fixture]!;
    const plain = docToText(json);
    const from = plain.indexOf(needle);
    expect(from).toBeGreaterThanOrEqual(0);
    const node = schema.nodeFromJSON(json);
    const range = textRangeToPosRange(node, from, from + needle.length);
    expect(node.textBetween(range.from, range.to, separator ?? "", "\n")).toBe(needle);
  });

  it("an empty range is a caret before the character", () => {
    const node = schema.nodeFromJSON(FIXTURES["one paragraph"]!);
    const range = textRangeToPosRange(node, 3, 3);
    expect(range.from).toBe(range.to);
    expect(range.from).toBe(textOffsetToPos(node, 3));
  });

  it("clamps offsets beyond the text to its ends", () => {
    const json = FIXTURES["bullet and ordered lists"]!;
    const node = schema.nodeFromJSON(json);
    expect(textOffsetToPos(node, -5)).toBe(textOffsetToPos(node, 0));
    const length = docToText(json).length;
    expect(textOffsetToPos(node, length + 40)).toBe(textOffsetToPos(node, length));
    const range = textRangeToPosRange(node, length - 3, length + 10);
    expect(node.textBetween(range.from, range.to)).toBe("任务。");
  });

  it("the end of each block is where typing at the end of its text goes", () => {
    const json = FIXTURES["paragraphs with an empty one between"]!;
    const node = schema.nodeFromJSON(json);
    const firstEnd = docToText(json).indexOf("\n");
    const pos = textOffsetToPos(node, firstEnd);
    expect(node.resolve(pos).parent.textContent).toBe("2024年，我局坚持依法行政。");
    expect(node.resolve(pos).parentOffset).toBe("2024年，我局坚持依法行政。".length);
  });

  it("any range inside one block selects exactly that text (property)", () => {
    const entries = Object.values(FIXTURES).map((json) => ({ json, node: schema.nodeFromJSON(json), plain: docToText(json) }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: entries.length - 1 }), fc.nat(), fc.nat(), (which, a, b) => {
        const { node, plain } = entries[which]!;
        if (plain.length === 0) return;
        const from = a % plain.length;
        const to = from + (b % (plain.length - from + 1));
        const slice = plain.slice(from, to);
        if (/[\n\t]/.test(slice)) return;
        const range = textRangeToPosRange(node, from, to);
        const between = node.textBetween(range.from, range.to, " ", "\n");
        expect(between.replace(/\n/g, " ")).toBe(slice);
      }),
      { numRuns: 400 },
    );
  });
});

describe("posToTextOffset inverts textRangeToPosRange (selections quoted in review comments)", () => {
  it.each(Object.entries(FIXTURES))("every character of %s maps back to its own offset", (_name, json) => {
    const node = schema.nodeFromJSON(json);
    const map = buildTextMap(node);
    for (let offset = 0; offset < map.text.length; offset += 1) {
      if (map.text[offset] === "\n" || map.text[offset] === "\t") continue;
      const range = textRangeToPosRange(node, offset, offset + 1, map);
      expect(posToTextOffset(range.from, map)).toBe(offset);
      expect(posToTextOffset(range.to, map)).toBe(offset + 1);
    }
  });

  it("a selection across two paragraphs quotes the text with its line break", () => {
    const node = schema.nodeFromJSON(FIXTURES["paragraphs with an empty one between"]!);
    const map = buildTextMap(node);
    const start = map.text.indexOf("依法行政");
    const end = map.text.indexOf("完善") + 2;
    const range = textRangeToPosRange(node, start, end, map);
    const from = posToTextOffset(range.from, map);
    const to = posToTextOffset(range.to, map);
    expect(map.text.slice(from, to)).toBe("依法行政。\n\n二是完善");
  });
});
