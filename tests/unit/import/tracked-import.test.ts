import { describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { applyTrackedChanges, readTrackedDocx } from "@/lib/import/tracked";
import { readDocumentXml } from "@/lib/import/tracked/read-tracked-docx";
import { acceptedView, docToText, listSuggestions, rejectedView, type RichDoc } from "@/lib/report-model";

import { buildCompleteReport } from "../../fixtures/complete-report";
import { buildLeaderDocx, LEADER, NEW_PARAGRAPH } from "../../fixtures/tracked-leader-docx";
import { buildReportUnderReview } from "../../fixtures/tracked-report";

const options = () => {
  let counter = 0;
  return { now: "2026-11-29T00:00:00.000Z", newId: () => `imp${++counter}` };
};

describe("[IMPORT]: DOCX changed in 修订模式 (written by the docx package)", () => {
  it("reads w:ins / w:del by author and date, and the comment with its range", async () => {
    const docx = readTrackedDocx(await buildLeaderDocx(buildCompleteReport()));
    const changed = docx.paragraphs.filter((paragraph) => paragraph.chars.some((char) => char.kind !== "normal"));
    expect(changed.length).toBe(5);
    const first = changed[0]!.chars;
    expect(
      first
        .filter((char) => char.kind === "delete")
        .map((char) => char.char)
        .join(""),
    ).toBe("六次");
    expect(
      first
        .filter((char) => char.kind === "insert")
        .map((char) => char.char)
        .join(""),
    ).toBe("八次");
    expect(first.find((char) => char.kind === "insert")).toMatchObject({ author: LEADER, date: "2026-11-25T09:30:00Z" });
    expect(docx.comments).toEqual([{ id: "7", author: LEADER, date: expect.stringMatching(/^2026-11-25T09:30/), text: "办件数量要核实。" }]);
    expect(docx.commentStarts).toHaveLength(1);
    expect(docx.commentEnds).toHaveLength(1);
  });

  it("places the changes as suggestions in their items, the comment on its text, and logs what it could not place", async () => {
    const report = buildCompleteReport();
    const measures = report.sections.find((section) => section.kind === "measures")!;
    const result = applyTrackedChanges(report, readTrackedDocx(await buildLeaderDocx(report)), options());
    const suggestions = listSuggestions(result.report);
    expect(suggestions.map(({ kind, text, authorName, at, location }) => ({ kind, text, authorName, at, location }))).toEqual([
      {
        kind: "delete",
        text: "六次",
        authorName: LEADER,
        at: "2026-11-25T09:30:00.000Z",
        location: { field: "body", sectionId: measures.id, itemId: measures.items[0]!.id },
      },
      {
        kind: "insert",
        text: "八次",
        authorName: LEADER,
        at: "2026-11-25T09:30:00.000Z",
        location: { field: "body", sectionId: measures.id, itemId: measures.items[0]!.id },
      },
      {
        kind: "insert",
        text: NEW_PARAGRAPH,
        authorName: LEADER,
        at: "2026-11-25T09:30:00.000Z",
        location: { field: "body", sectionId: measures.id, itemId: measures.items[2]!.id },
      },
      expect.objectContaining({ kind: "delete", text: "逐项", location: expect.objectContaining({ sectionId: report.sections[1]!.id }) }),
      {
        kind: "replace",
        text: "依法全面履行部门职能，优化法治化营商环境",
        authorName: LEADER,
        at: "2026-11-25T09:30:00.000Z",
        location: { field: "itemHeading", sectionId: measures.id, itemId: measures.items[1]!.id },
      },
    ]);
    expect(new Set(suggestions.map((suggestion) => suggestion.id)).size).toBe(5);
    expect(suggestions[0]!.authorId).toMatch(/^word:[0-9a-f]{8}$/);
    expect(result).toMatchObject({ insertions: 2, deletions: 2, fieldChanges: 1 });
    // The heading keeps its text until someone accepts.
    expect(result.report.sections[0]!.items[1]!.heading).toBe(measures.items[1]!.heading);
    // The text itself is unchanged until someone accepts: only marks were added (and the new paragraph).
    expect(docToText(result.report.sections[0]!.items[0]!.body)).toBe(docToText(measures.items[0]!.body).replace("六次", "六次八次"));
    expect(result.comments).toEqual([
      {
        author: LEADER,
        date: expect.stringMatching(/^2026-11-25/),
        text: "办件数量要核实。",
        anchor: { sectionId: measures.id, itemId: measures.items[1]!.id, field: "body", from: expect.any(Number), to: expect.any(Number), quote: "一窗受理" },
      },
    ]);
    const anchor = result.comments[0]!.anchor;
    expect(docToText(result.report.sections[0]!.items[1]!.body).slice(anchor.from!, anchor.to!)).toBe("一窗受理");
    expect(result.fieldEdits.map(({ ref, from, to, authorName }) => ({ ref, from, to, authorName }))).toEqual([
      {
        ref: { field: "itemHeading", sectionId: measures.id, itemId: measures.items[1]!.id },
        from: "依法全面履行部门职能，持续优化法治化营商环境",
        to: "依法全面履行部门职能，优化法治化营商环境",
        authorName: LEADER,
      },
    ]);
    expect(result.log).toEqual([
      expect.stringMatching(/^新增段落“全年共办理涉水行政许可一百二十件。”已作为插入修订放在/),
      expect.stringMatching(/^找不到与“本段为领导另起草的说明，”对应的正文段落，其中的修订未导入（插入“报告中没有这段话。”）/),
    ]);
  });

  it("keeps the report's own suggestions that the DOCX no longer shows, and never changes text outside the marks", async () => {
    const report = buildCompleteReport();
    const result = applyTrackedChanges(report, readTrackedDocx(await buildLeaderDocx(report)), options());
    const untouched = report.sections[2]!.items[0]!;
    expect(result.report.sections[2]!.items[0]!).toEqual(untouched);
    expect(report.sections[0]!.items[0]!.body.content[0]!.content).toHaveLength(1);
  });
});

describe("[IMPORT]: Word's own 修订 markup", () => {
  const W = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="x"><w:body>${body}</w:body></w:document>`;

  it("reads moves, entities, tabs, an inserted paragraph mark and a text box's own paragraph, and skips field codes", () => {
    const xml = W(
      `<w:p><w:pPr><w:rPr><w:ins w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr>` +
        `<w:r><w:t>甲&amp;乙</w:t></w:r><w:moveFrom w:id="2" w:author="A" w:date="d"><w:r><w:t>丙</w:t></w:r></w:moveFrom>` +
        `<w:r><w:tab/><w:instrText>PAGE</w:instrText></w:r><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p>` +
        `<w:p><w:moveTo w:id="3" w:author="B" w:date="d"><w:r><w:t>丙</w:t></w:r></w:moveTo></w:p>`,
    );
    const read = readDocumentXml(xml);
    expect(read.paragraphs).toHaveLength(3);
    expect(read.paragraphs[0]!.markChange).toBe("insert");
    expect(read.paragraphs[0]!.chars.map((char) => `${char.char}:${char.kind}`).join(" ")).toBe("甲:normal &:normal 乙:normal 丙:delete \t:normal");
    expect(read.paragraphs[0]!.chars[3]).toMatchObject({ move: "" });
    // The text box's paragraph stands after the paragraph that anchors it, not inside its text.
    expect(read.paragraphs[1]).toMatchObject({ container: "textBox", chars: [{ char: "框", kind: "normal" }] });
    expect(read.paragraphs[2]!.chars).toMatchObject([{ char: "丙", kind: "insert", author: "B", move: "" }]);
  });

  it("reads a change to the title across its printed lines, and anchors a comment on 主送 to the report as a whole", () => {
    const report = buildCompleteReport();
    const title = report.meta.title;
    const xml = W(
      `<w:p><w:r><w:t>${title.slice(0, 4)}</w:t></w:r><w:del w:id="1" w:author="王局长" w:date="2026-11-25T09:30:00Z"><w:r><w:delText>${title.slice(4, 6)}</w:delText></w:r></w:del><w:r><w:br/><w:t>${title.slice(6)}</w:t></w:r></w:p>` +
        `<w:p><w:commentRangeStart w:id="3"/><w:r><w:t>青溪市人民政府：</w:t></w:r><w:commentRangeEnd w:id="3"/></w:p>`,
    );
    const comments = [{ id: "3", author: "王局长", date: "2026-11-25T09:30:00Z", text: "主送机关是否准确？" }];
    const result = applyTrackedChanges(report, { ...readDocumentXml(xml), comments }, options());
    expect(result.log).toEqual([]);
    expect(result.fieldEdits.map(({ ref, from, to }) => ({ ref, from, to }))).toEqual([
      { ref: { field: "meta", key: "title" }, from: title, to: title.slice(0, 4) + title.slice(6) },
    ]);
    expect(result.comments.map((comment) => comment.anchor)).toEqual([
      { sectionId: null, itemId: null, field: null, from: null, to: null, quote: "青溪市人民政府" },
    ]);
    expect(result.report).toEqual({
      ...report,
      fieldSuggestions: [
        {
          id: "imp1",
          authorId: expect.stringMatching(/^word:/),
          authorName: "王局长",
          at: "2026-11-25T09:30:00.000Z",
          target: { field: "meta", key: "title" },
          from: title,
          to: title.slice(0, 4) + title.slice(6),
        },
      ],
    });
  });

  it("refuses a document with far more text than any report before building its characters", () => {
    const run = `<w:r><w:t>${"字".repeat(100_000)}</w:t></w:r>`;
    expect(() => readDocumentXml(W(`<w:p>${run.repeat(31)}</w:p>`))).toThrow(/文档文字数量远超正常报告/);
  });

  it("keeps a reviewer's insertion that the leader deleted again in Word, and says so", () => {
    const report = buildReportUnderReview();
    const paragraph = report.sections[0]!.items[0]!.body.content[0]!.content!;
    const [before, , , after] = paragraph.map((node) => node.text ?? "");
    const change = (name: string, author: string, inner: string) =>
      `<w:${name} w:id="9" w:author="${author}" w:date="2026-11-25T09:30:00Z">${inner}</w:${name}>`;
    const xml = W(
      `<w:p><w:r><w:t>${before}</w:t></w:r>${change("del", "李审核", "<w:r><w:delText>六次</w:delText></w:r>")}` +
        `${change("ins", "李审核", change("del", "王局长", "<w:r><w:delText>八次</w:delText></w:r>"))}<w:r><w:t>${after}</w:t></w:r></w:p>`,
    );
    const read = readDocumentXml(xml);
    expect(read.paragraphs[0]!.chars.filter((char) => char.kind === "insertDeleted").map((char) => char.char)).toEqual(["八", "次"]);
    const result = applyTrackedChanges(report, { ...read, comments: [] }, options());
    expect(result.report).toEqual(report);
    expect(result.insertions + result.deletions).toBe(0);
    expect(result.log).toEqual([expect.stringContaining("有已提出的插入修订在 Word 中被删去（2 字），报告仍保留该修订，请在修订列表中拒绝。")]);
  });

  it("takes a paragraph the leader split (an inserted paragraph mark) as a split suggestion after the text before the break", () => {
    const report = buildCompleteReport();
    const text = docToText(report.sections[0]!.items[0]!.body);
    const cut = text.indexOf("，") + 1;
    const escape = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    const xml = W(
      `<w:p><w:pPr><w:rPr><w:ins w:id="1" w:author="王局长" w:date="2026-11-25T09:30:00Z"/></w:rPr></w:pPr><w:r><w:t>${escape(text.slice(0, cut))}</w:t></w:r>` +
        `<w:ins w:id="2" w:author="王局长" w:date="2026-11-25T09:30:00Z"><w:r><w:t>（补充）</w:t></w:r></w:ins></w:p>` +
        `<w:p><w:r><w:t>${escape(text.slice(cut))}</w:t></w:r></w:p>`,
    );
    const result = applyTrackedChanges(report, { ...readDocumentXml(xml), comments: [] }, options());
    expect(result).toMatchObject({ insertions: 1, splits: 1, log: [] });
    // The report holds the split as two paragraphs, the first ending in the split's mark.
    expect(docToText(result.report.sections[0]!.items[0]!.body)).toBe(`${text.slice(0, cut)}（补充）\n${text.slice(cut)}`);
    expect(listSuggestions(result.report).map(({ kind, authorName }) => [kind, authorName])).toEqual([
      ["insert", "王局长"],
      ["split", "王局长"],
    ]);
    // Accepted: two paragraphs, the break after the leader's words; rejected: the paragraph as it was.
    const paragraphs = (doc: RichDoc) => doc.content.map((paragraph) => docToText({ type: "doc", content: [paragraph] }));
    expect(paragraphs(acceptedView(result.report).sections[0]!.items[0]!.body)).toEqual([text.slice(0, cut) + "（补充）", text.slice(cut)]);
    expect(rejectedView(result.report).sections[0]!.items[0]!.body).toEqual(report.sections[0]!.items[0]!.body);
    // The file read again (its split now the report's own) adds nothing.
    expect(applyTrackedChanges(result.report, { ...readDocumentXml(xml), comments: [] }, options())).toMatchObject({ insertions: 0, splits: 0, log: [] });
  });

  it("reads the review DOCX's split suggestion (an inserted paragraph mark) back as the same split", async () => {
    const report = buildCompleteReport();
    const text = docToText(report.sections[0]!.items[0]!.body);
    const cut = text.indexOf("，") + 1;
    const split = { id: "s-split", authorId: "u-li", authorName: "李审核", at: "2026-11-20T02:30:00.000Z" };
    report.sections[0]!.items[0]!.body = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: text.slice(0, cut - 1) },
            { type: "text", text: "，", marks: [{ type: "suggestSplit", attrs: split }] },
          ],
        },
        { type: "paragraph", content: [{ type: "text", text: text.slice(cut) }] },
      ],
    };
    const docx = readTrackedDocx(await exportReportDocx(report, { isDraft: true }));
    const fresh = applyTrackedChanges(rejectedView(report), docx, options());
    expect(fresh).toMatchObject({ splits: 1, insertions: 0, deletions: 0, log: [] });
    expect(listSuggestions(fresh.report).map(({ kind, authorName, at }) => [kind, authorName, at])).toEqual([["split", "李审核", split.at]]);
    expect(acceptedView(fresh.report)).toEqual(acceptedView(report));
    expect(applyTrackedChanges(report, docx, options())).toMatchObject({ splits: 0, insertions: 0, log: [] });
  });
});
