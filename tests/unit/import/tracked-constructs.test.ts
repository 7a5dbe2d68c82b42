import { describe, expect, it } from "vitest";

import { applyTrackedChanges, readTrackedDocx } from "@/lib/import/tracked";
import { readCommentsXml, readDocumentXml, withThreads } from "@/lib/import/tracked/read-tracked-docx";
import { docToText, listSuggestions, textToDoc, type Report } from "@/lib/report-model";

import { buildCompleteReport } from "../../fixtures/complete-report";
import {
  BOLDED,
  buildWpsLeaderDocx,
  buildWpsReport,
  CANCELLED,
  MOVED,
  REPLY,
  SPANNING_COMMENT,
  TWO_PARAGRAPHS,
  WPS_LEADER,
} from "../../fixtures/tracked-wps-docx";

/** What else a real 修订模式 file holds besides w:ins/w:del: each is placed or logged, never dropped in silence. */
const options = () => {
  let counter = 0;
  return { now: "2026-11-29T00:00:00.000Z", newId: () => `c${++counter}` };
};
const AT = "2026-11-25T09:30:00Z";
const W = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="x"><w:body>${body}</w:body></w:document>`;
const t = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const del = (text: string, author = "王局长") => `<w:del w:id="1" w:author="${author}" w:date="${AT}"><w:r><w:delText>${text}</w:delText></w:r></w:del>`;
const ins = (text: string, author = "王局长") => `<w:ins w:id="2" w:author="${author}" w:date="${AT}"><w:r><w:t>${text}</w:t></w:r></w:ins>`;
const p = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;
const markChanged = (kind: "ins" | "del", ...runs: string[]) =>
  `<w:p><w:pPr><w:rPr><w:${kind} w:id="9" w:author="王局长" w:date="${AT}"/></w:rPr></w:pPr>${runs.join("")}</w:p>`;

function apply(report: Report, body: string, comments: Array<{ id: string; text: string }> = []) {
  const docx = { ...readDocumentXml(W(body)), comments: comments.map((comment) => ({ ...comment, author: "王局长", date: AT })) };
  return applyTrackedChanges(report, docx, options());
}

describe("[IMPORT]: a leader's WPS/Word 修订模式 file (docx package, moves and nested changes as WPS writes them)", () => {
  it("places the move as a deletion and an insertion in their items and the 文号 change in the report's writing; logs the rest", async () => {
    for (const frame of ["table", "textBox"] as const) {
      const report = buildWpsReport();
      const [measures] = report.sections;
      const result = applyTrackedChanges(report, readTrackedDocx(await buildWpsLeaderDocx(report, { frame })), options());
      const where = (index: number) => ({ field: "body", sectionId: measures!.id, itemId: measures!.items[index]!.id });
      expect(listSuggestions(result.report).map(({ kind, text, authorName, location }) => ({ kind, text, authorName, location }))).toEqual([
        { kind: "delete", text: MOVED, authorName: WPS_LEADER, location: where(0) },
        { kind: "insert", text: MOVED, authorName: WPS_LEADER, location: where(2) },
        expect.objectContaining({ kind: "split", authorName: WPS_LEADER, location: where(6) }),
        expect.objectContaining({ kind: "replace", text: "青水发〔2026〕6号", location: { field: "meta", key: "docNumber" } }),
      ]);
      expect(result.log, frame).toEqual([
        "文号在 Word 文件中写作“青水发［2026］5号”，与报告中的“青水发〔2026〕5号”是同一文号，其中的修订按报告的写法导入为“青水发〔2026〕6号”。",
        `“${docToText(measures!.items[4]!.body).slice(0, 30)}…”中的“${CANCELLED}”是李审核插入、王局长删去的文字，两处修订相抵，未导入。`,
        `王局长在 Word 中移动了“${MOVED}”：已作为原处的删除和新处的插入两条修订导入（各随所在段落），请一并接受或拒绝。`,
        `王局长在 Word 中修改了“${docToText(measures!.items[1]!.body).slice(0, 30)}…”中“${BOLDED}”的字体格式（加粗、字体、字号等），未导入：报告只导入文字修订，格式由导出时统一设置。`,
        `王局长在 Word 中修改了“${docToText(measures!.items[3]!.body).slice(0, 30)}…”的段落格式（对齐、缩进、行距等），未导入：报告只导入文字修订，格式由导出时统一设置。`,
        "页眉中的修订未导入（插入“（内部）”）：页眉由导出时自动生成。",
      ]);
      // The comment keeps its whole range over the item's two paragraphs; the reviewer's Word reply is its reply.
      const body = docToText(measures!.items[5]!.body);
      expect(result.comments).toEqual([
        {
          author: WPS_LEADER,
          date: expect.stringMatching(/^2026-11-25T09:30/),
          text: SPANNING_COMMENT,
          replies: [{ author: "李审核", date: expect.stringMatching(/^2026-11-26T01:00/), text: REPLY }],
          anchor: {
            sectionId: measures!.id,
            itemId: measures!.items[5]!.id,
            field: "body",
            from: 6,
            to: TWO_PARAGRAPHS[0]!.length + 1 + 8,
            quote: body.slice(6, TWO_PARAGRAPHS[0]!.length + 9),
          },
        },
      ]);
      // Nothing outside the suggestions changed.
      expect(result.report.meta.docNumber).toBe(report.meta.docNumber);
    }
  });
});

describe("[IMPORT]: Word markup besides plain w:ins / w:del", () => {
  it("reads w:del inside w:ins and w:ins inside w:del as text in neither reading, by both people, and logs it", () => {
    const report = buildCompleteReport();
    const text = docToText(report.sections[0]!.items[0]!.body);
    const at = text.indexOf("六次");
    for (const nested of [
      `<w:ins w:id="5" w:author="李审核" w:date="${AT}"><w:del w:id="6" w:author="王局长" w:date="${AT}"><w:r><w:delText>约</w:delText></w:r></w:del></w:ins>`,
      `<w:del w:id="6" w:author="王局长" w:date="${AT}"><w:ins w:id="5" w:author="李审核" w:date="${AT}"><w:r><w:delText>约</w:delText></w:r></w:ins></w:del>`,
    ]) {
      const read = readDocumentXml(W(p(t(text.slice(0, at)), nested, t(text.slice(at)))));
      expect(read.paragraphs[0]!.chars[at]).toMatchObject({ char: "约", kind: "insertDeleted", author: "王局长", insertedBy: "李审核" });
      const result = apply(report, p(t(text.slice(0, at)), nested, t(text.slice(at))));
      expect(result.report).toEqual(report);
      expect(result.log).toEqual([`“${text.slice(0, 30)}…”中的“约”是李审核插入、王局长删去的文字，两处修订相抵，未导入。`]);
    }
  });

  it("logs two paragraphs joined by a deleted paragraph mark, and keeps a new paragraph typed at a paragraph's start a paragraph", () => {
    const report = buildCompleteReport();
    const [first, second] = [docToText(report.sections[0]!.items[0]!.body), docToText(report.sections[0]!.items[1]!.body)];
    report.sections[0]!.items[0]!.body = textToDoc(`${first}\n${second}`);
    const joined = apply(report, markChanged("del", t(first)) + p(t(second)));
    expect(joined.log).toEqual([`“${first.slice(0, 30)}…”与下一段“${second.slice(0, 30)}…”合并为一段的修订未导入，两段仍分开。`]);
    expect(joined.report).toEqual(report);

    const added = "全年共开展法治讲座四场。";
    const heading = report.sections[0]!.items[0]!.heading;
    const result = apply(report, p(t(`（一）${heading}`)) + markChanged("ins", ins(added)) + p(t(first)) + p(t(second)));
    const body = result.report.sections[0]!.items[0]!.body.content.map((paragraph) => docToText({ type: "doc", content: [paragraph] }));
    // Its own paragraph at the start of the item's body, not glued onto the front of the paragraph after it.
    expect(body).toEqual([added, first, second]);
    expect(listSuggestions(result.report)).toEqual([expect.objectContaining({ kind: "insert", text: added })]);
    expect(result.log).toEqual([`新增段落“${added}”已作为插入修订放在“${heading}”之后。`]);
  });

  it("logs a comment that runs on from one item into the next, placed on its first paragraph", () => {
    const report = buildCompleteReport();
    const [a, b] = [docToText(report.sections[0]!.items[0]!.body), docToText(report.sections[0]!.items[1]!.body)];
    const result = apply(
      report,
      p(t(a.slice(0, 4)), `<w:commentRangeStart w:id="4"/>`, t(a.slice(4))) + p(t(b.slice(0, 5)), `<w:commentRangeEnd w:id="4"/>`, t(b.slice(5))),
      [{ id: "4", text: "两条内容有重复。" }],
    );
    expect(result.comments.map((comment) => comment.anchor)).toEqual([
      expect.objectContaining({ itemId: report.sections[0]!.items[0]!.id, from: 4, to: a.length, quote: a.slice(4, 504) }),
    ]);
    expect(result.log).toEqual([`王局长的批注“两条内容有重复。”的范围从“${a.slice(0, 30)}…”延伸到另一条目的“${b.slice(0, 30)}…”，已只定位到起始段落。`]);
  });

  it("reads Word replies into their thread (a new one, or a thread the report has) and logs comments marked 已解决", () => {
    const comments = `<w:comments xmlns:w="x" xmlns:w14="y">${[
      ["1", "王局长", "11111111", "请核实办件数量。"],
      ["2", "李审核", "22222222", "已核实。"],
      ["3", "王局长", "33333333", "这一条请补充数据。"],
      ["4", "李审核", "44444444", "数据已补。"],
    ]
      .map(
        ([id, author, paraId, text]) =>
          `<w:comment w:id="${id}" w:author="${author}" w:date="${AT}"><w:p w14:paraId="${paraId}"><w:r><w:t>${text}</w:t></w:r></w:p></w:comment>`,
      )
      .join("")}</w:comments>`;
    const extended =
      `<w15:commentsEx xmlns:w15="z"><w15:commentEx w15:paraId="11111111" w15:done="1"/><w15:commentEx w15:paraId="22222222" w15:paraIdParent="11111111" w15:done="0"/>` +
      `<w15:commentEx w15:paraId="33333333" w15:done="0"/><w15:commentEx w15:paraId="44444444" w15:paraIdParent="33333333" w15:done="0"/></w15:commentsEx>`;
    const read = withThreads(readCommentsXml(comments), extended);
    expect(read.map(({ id, parentId, isDone }) => [id, parentId ?? null, isDone ?? false])).toEqual([
      ["1", null, true],
      ["2", "1", false],
      ["3", null, false],
      ["4", "3", false],
    ]);
    const report = buildCompleteReport();
    const result = applyTrackedChanges(
      report,
      { ...readDocumentXml(W(p(t(docToText(report.sections[0]!.items[0]!.body))))), comments: read },
      { ...options(), existingComments: ["【Word 批注：王局长，2026年11月25日】这一条请补充数据。"] },
    );
    expect(result.comments).toEqual([expect.objectContaining({ text: "请核实办件数量。", replies: [{ author: "李审核", date: AT, text: "已核实。" }] })]);
    expect(result.repliesToExisting).toEqual([{ thread: 0, author: "李审核", date: AT, text: "数据已补。" }]);
    expect(result.log).toContain("王局长的批注“请核实办件数量。”在 Word 中已标为已解决，仍作为意见导入，请确认后关闭。");
  });

  it("logs table rows and cells inserted or deleted, table and page formatting, and reads a symbol character", () => {
    const xml = W(
      `<w:tbl><w:tblPr><w:tblPrChange w:id="1" w:author="王局长" w:date="${AT}"><w:tblPr/></w:tblPrChange></w:tblPr>` +
        `<w:tr><w:trPr><w:ins w:id="2" w:author="王局长" w:date="${AT}"/></w:trPr><w:tc><w:tcPr><w:cellIns w:id="3" w:author="王局长" w:date="${AT}"/></w:tcPr>${p(ins("新行"))}</w:tc></w:tr>` +
        `<w:tr><w:trPr><w:del w:id="4" w:author="王局长" w:date="${AT}"/></w:trPr><w:tc>${p(del("旧行"))}</w:tc></w:tr></w:tbl>` +
        p(t("文号"), `<w:r><w:sym w:font="SimSun" w:char="3014"/></w:r>`, t("2026"), `<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>`),
    );
    const read = readDocumentXml(xml);
    expect(read.paragraphs.map((paragraph) => [paragraph.container ?? "", paragraph.chars.map((char) => char.char).join("")])).toEqual([
      ["table", "新行"],
      ["table", "旧行"],
      ["", "文号〔2026"],
    ]);
    expect(read.unplaceable).toEqual([
      "表格中插入 1 行、删除 1 行的修订未作为行导入：行中文字的修订按段落导入（见上下文），表格的行请在编辑器中增删。",
      "表格中 1 处单元格的插入、删除或合并修订未导入，请在编辑器中修改表格。",
      "表格或页面格式的 1 处修订未导入：版式由导出时按 GB/T 9704 自动生成。",
    ]);
    const result = applyTrackedChanges(buildCompleteReport(), { ...read, comments: [] }, options());
    expect(result.log).toEqual(expect.arrayContaining(read.unplaceable!));
  });
});
