import { describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { applyTrackedChanges, readTrackedDocx } from "@/lib/import/tracked";
import { docNumberAfterChanges, docNumberKey } from "@/lib/import/tracked/doc-number";
import { readDocumentXml } from "@/lib/import/tracked/read-tracked-docx";
import { rejectedView, type Report } from "@/lib/report-model";

import { buildCompleteReport } from "../../fixtures/complete-report";

/** The 文号 and 签发人 lines of a leader's DOCX in the forms real files have: runs, cells, text boxes, other brackets. */
const AT = "2026-11-25T09:30:00Z";
const W = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="x"><w:body>${body}</w:body></w:document>`;
const t = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const tab = `<w:r><w:tab/></w:r>`;
const del = (text: string, author = "王局长") => `<w:del w:id="1" w:author="${author}" w:date="${AT}"><w:r><w:delText>${text}</w:delText></w:r></w:del>`;
const ins = (text: string, author = "王局长") => `<w:ins w:id="2" w:author="${author}" w:date="${AT}"><w:r><w:t>${text}</w:t></w:r></w:ins>`;
const p = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;
const cell = (...paragraphs: string[]) => `<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>${paragraphs.join("")}</w:tc>`;
const table = (...cells: string[]) => `<w:tbl><w:tblPr/><w:tr>${cells.join("")}</w:tr></w:tbl>`;
/** A text box as Word and WPS write it: the drawing's box, then the same box again as VML for old readers. */
const textBox = (...paragraphs: string[]) =>
  `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${paragraphs.join("")}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
  `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${paragraphs.join("")}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;

const NUMBER = "青水发〔2026〕5号";

function fixture({ docNumber = NUMBER, signer = "王五" }: { docNumber?: string; signer?: string } = {}): Report {
  const report = buildCompleteReport();
  report.meta.docNumber = docNumber;
  report.frame = { signer };
  return report;
}

function apply(report: Report, body: string, signer?: string) {
  let counter = 0;
  return applyTrackedChanges(
    report,
    { ...readDocumentXml(W(body)), comments: [] },
    { now: "2026-11-29T00:00:00.000Z", newId: () => `d${++counter}`, ...(signer === undefined ? {} : { signer }) },
  );
}

const title = (report: Report) => p(t(report.meta.title));

describe("[IMPORT]: the 文号 and 签发人 of a leader's DOCX", () => {
  it("knows one 文号 in every writing: brackets, spaces, full-width digits, 第, leading zeros", () => {
    for (const form of [
      "青水发〔2026〕5号",
      "青水发[2026]5号",
      "青水发［2026］5号",
      "青水发(2026)5号",
      "青水发（２０２６）５号",
      "青水发〔2026〕第5号",
      "青水发 〔2026〕 05 号",
    ])
      expect(docNumberKey(form), form).toBe("青水发〔2026〕5号");
    expect(docNumberKey("青水发〔2026〕6号")).not.toBe(docNumberKey(NUMBER));
    expect(docNumberKey("全年办理行政复议5号")).toBeUndefined();
    // A part the leader changed is taken as typed; the parts the leader left keep the report's writing.
    expect(docNumberAfterChanges(NUMBER, "青水发[2026]5号", "青水发[2026]6号")).toBe("青水发〔2026〕6号");
    expect(docNumberAfterChanges(NUMBER, "青水发[2026]5号", "青水发〔2026〕5号")).toBe(NUMBER);
    expect(docNumberAfterChanges("青水发[2026]5号", "青水发[2026]5号", "青水发〔2026〕5号")).toBe("青水发〔2026〕5号");
  });

  it("reads the 文号 and 签发人 cells of a 版头 table, split across runs, as the report's: nothing to import, nothing to log", () => {
    const report = fixture();
    const result = apply(report, table(cell(p(t("青水发"), t("〔2026〕"), t("5"), t("号"))), cell(p(t("签发人："), t("王五")))) + title(report));
    expect(result.log).toEqual([]);
    expect(result.fieldEdits).toEqual([]);
    expect(result.report).toEqual(report);
  });

  it("takes a change inside a 文号 written with other brackets, full-width digits and 第 as the 文号's suggestion in the report's writing", () => {
    const report = fixture();
    const result = apply(report, p(t("青水发[２０２６]第"), del("５"), ins("6"), t(" 号"), tab, t("签发人：王五")) + title(report));
    expect(result.fieldEdits.map(({ ref, from, to, authorName }) => ({ ref, from, to, authorName }))).toEqual([
      { ref: { field: "meta", key: "docNumber" }, from: NUMBER, to: "青水发〔2026〕6号", authorName: "王局长" },
    ]);
    expect(result.report.fieldSuggestions).toEqual([
      expect.objectContaining({ target: { field: "meta", key: "docNumber" }, from: NUMBER, to: "青水发〔2026〕6号", authorName: "王局长" }),
    ]);
    // The report's 文号 itself is not changed; what was read is said.
    expect(result.report.meta.docNumber).toBe(NUMBER);
    expect(result.log).toEqual([
      "文号在 Word 文件中写作“青水发[２０２６]第５ 号”，与报告中的“青水发〔2026〕5号”是同一文号，其中的修订按报告的写法导入为“青水发〔2026〕6号”。",
    ]);
  });

  it("reads the 文号 in a text box once (not again from the box's fallback copy)", () => {
    const report = fixture({ signer: "" });
    const result = apply(report, p(textBox(p(t("青水发（2026）"), del("5"), ins("8"), t("号")))) + title(report));
    expect(result.fieldEdits.map(({ to }) => to)).toEqual(["青水发〔2026〕8号"]);
    expect(result.fieldChanges).toBe(1);
    expect(result.log).toEqual([
      "文号在 Word 文件中写作“青水发（2026）5号”，与报告中的“青水发〔2026〕5号”是同一文号，其中的修订按报告的写法导入为“青水发〔2026〕8号”。",
    ]);
  });

  it("logs a changed 签发人 (a 版头 setting, not a suggestion), another name, and a spaced-out one", () => {
    const report = fixture();
    const changed = apply(report, p(t(NUMBER), tab, t("签发人："), del("王五"), ins("赵六")) + title(report));
    expect(changed.report).toEqual(report);
    expect(changed.log).toEqual(["王局长在 Word 中把签发人“王五”改为“赵六”，未导入：签发人请在“版头与版记”中修改。"]);

    const other = apply(report, p(t(NUMBER)) + p(t("签 发 人：赵六")) + title(report));
    expect(other.log).toEqual(["Word 文件中的签发人为“赵六”，报告中为“王五”，未导入：签发人请在“版头与版记”中修改。"]);
    // The agency's 签发人 counts when the report has none of its own.
    expect(apply(fixture({ signer: "" }), p(t(NUMBER), tab, t("签发人：赵六")) + title(report), "赵六").log).toEqual([]);
    expect(apply(report, p(t(NUMBER), tab, t("签发人：王  五")) + title(report)).log).toEqual(["签发人在 Word 文件中写作“王  五”，与报告中的“王五”是同一人。"]);
  });

  it("reads a name standing in the cell after a lone “签发人：” cell", () => {
    const report = fixture();
    const row = (...names: string[]) => table(cell(p(t(NUMBER))), cell(p(t("签发人："))), cell(p(...names))) + title(report);
    expect(apply(report, row(t("王五")))).toMatchObject({ log: [], fieldEdits: [] });
    expect(apply(report, row(del("王五"), ins("赵六"))).log).toEqual(["王局长在 Word 中把签发人“王五”改为“赵六”，未导入：签发人请在“版头与版记”中修改。"]);
    expect(apply(report, table(cell(p(t(NUMBER))), cell(p(t("签发人：")))) + title(report)).log).toEqual([
      "Word 文件中签发人一栏是空的，报告中为“王五”，未导入：签发人请在“版头与版记”中修改。",
    ]);
  });

  it("logs another 文号 than the report's, and one the report lacks, without importing either", () => {
    const report = fixture();
    const other = apply(report, p(t("青水发〔2026〕"), del("7"), ins("9"), t("号")) + title(report));
    expect(other.fieldEdits).toEqual([]);
    expect(other.log).toEqual([
      "Word 文件中的文号“青水发〔2026〕7号”与报告中的“青水发〔2026〕5号”不是同一文号，未导入（插入“9”，删除“7”）：文号请在基本信息中修改。",
    ]);
    const none = apply(fixture({ docNumber: "" }), p(t("青水发〔2026〕5号")) + title(report));
    expect(none.log).toEqual(["Word 文件中有文号“青水发〔2026〕5号”，报告未填写文号，未导入：文号请在基本信息中填写。"]);
    expect(none.report.fieldSuggestions ?? []).toEqual([]);
  });

  it("takes a 文号 the leader typed into a report without one as a suggestion, not as a new body paragraph", () => {
    const report = fixture({ docNumber: "" });
    const result = apply(report, p(ins("青水发〔2026〕12号")) + title(report));
    expect(result.report.fieldSuggestions).toEqual([
      expect.objectContaining({ target: { field: "meta", key: "docNumber" }, from: "", to: "青水发〔2026〕12号", authorName: "王局长" }),
    ]);
    expect(result).toMatchObject({ insertions: 0, fieldChanges: 1, log: [] });
  });

  it("leaves a heading that starts with the word 签发人 (printed without its numeral) to the heading", () => {
    const report = fixture();
    report.sections[0]!.items[2]!.heading = "签发人审核制度落实情况";
    const result = apply(report, p(t("签发人审核制度"), ins("全面"), t("落实情况")));
    expect(result.fieldEdits.map(({ to }) => to)).toEqual(["签发人审核制度全面落实情况"]);
    expect(result.log).toEqual([]);
  });

  it("leaves a body paragraph that mentions a 文号 or a 签发人 to the body", () => {
    const report = fixture();
    const body = "按照《青溪市水务局行政执法公示办法》（青水发〔2024〕3号）要求，由签发人签发后公开。";
    report.sections[0]!.items[0]!.body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: body }] }] };
    const at = body.indexOf("行政执法");
    const result = apply(report, p(t(body.slice(0, at)), del("行政执法"), t(body.slice(at + 4))));
    expect(result.deletions).toBe(1);
    expect(result.log).toEqual([]);
  });
});

describe("[IMPORT]: the review DOCX's own 版头 line back in", () => {
  it("names a change to the red 发文机关标志 or the 印发 line as a 版头/版记 setting", () => {
    const report = fixture();
    let counter = 0;
    const result = applyTrackedChanges(
      report,
      {
        ...readDocumentXml(
          W(p(t("青溪市水务局"), del("文件"), ins("函")) + p(t("青溪市水务局办公室"), tab, t("2025年2月"), del("20"), ins("21"), t("日印发"))),
        ),
        comments: [],
      },
      { now: "2026-11-29T00:00:00.000Z", newId: () => `g${++counter}`, agencyMark: "青溪市水务局文件", imprintAgency: "青溪市水务局办公室" },
    );
    expect(result.log).toEqual([
      "版头或版记“青溪市水务局文件”中的修订未导入（插入“函”，删除“文件”）：发文机关标志、印发机关和印发日期请在“版头与版记”中修改。",
      "版头或版记“青溪市水务局办公室 2025年2月20日印发”中的修订未导入（插入“21”，删除“20”）：发文机关标志、印发机关和印发日期请在“版头与版记”中修改。",
    ]);
  });

  it("reads the exported “文号<tab>签发人：name” line with an open 文号 suggestion as that same suggestion, and logs nothing", async () => {
    const report = fixture();
    const suggestion = {
      id: "s-num",
      authorId: "u-li",
      authorName: "李审核",
      at: "2026-11-20T02:30:00.000Z",
      target: { field: "meta" as const, key: "docNumber" as const },
      from: NUMBER,
      to: "青水发〔2026〕7号",
    };
    report.fieldSuggestions = [suggestion];
    const docx = readTrackedDocx(await exportReportDocx(report, { isDraft: true, frame: { signer: "王五" } }));
    const back = applyTrackedChanges(rejectedView(report), docx, { now: "2026-11-29T00:00:00.000Z", newId: () => "n1" });
    expect(back.log).toEqual([]);
    expect(back.report.fieldSuggestions).toEqual([{ ...suggestion, id: "n1", authorId: expect.stringMatching(/^word:/) }]);
    expect(applyTrackedChanges(report, docx, { now: "2026-11-29T00:00:00.000Z", newId: () => "n2" })).toMatchObject({ fieldChanges: 0, log: [] });
  });
});
