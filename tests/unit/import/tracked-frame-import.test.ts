import { describe, expect, it } from "vitest";

import { importReport } from "@/lib/import";
import { readFrameTable, readFrameText } from "@/lib/import/docx-frame-line";
import { withTextBoxFallbacks } from "@/lib/import/docx-text-boxes";
import { docToText } from "@/lib/report-model";

import { buildCompleteReport } from "../../fixtures/complete-report";
import { buildLeaderDocx } from "../../fixtures/tracked-leader-docx";
import { buildFramedDocx, FRAMED_OPENING as OPENING, FRAMED_TITLE as TITLE, type FramedHead } from "../../fixtures/tracked-wps-docx";

/**
 * The 版头 of a Word report read by the ordinary import: the 文号 and the 签发人 on one line, in a table's cells or a
 * text box, in the forms real files write them. Built with the docx package.
 */
async function importWith(kind: FramedHead) {
  const { report, log } = await importReport({ bytes: await buildFramedDocx(kind), fileName: "报告.docx" });
  return { report, log: log.map((entry) => entry.message).filter((message) => /文号|签发人/.test(message)) };
}

describe("[IMPORT] the 文号 and 签发人 of a Word report's 版头", () => {
  it("reads a line or table cells of 文号 and 签发人, and nothing else", () => {
    expect(readFrameText("青水发〔2026〕5号　　　　签发人：王五")).toEqual({
      docNumber: "青水发〔2026〕5号",
      docNumberSource: "青水发〔2026〕5号",
      signer: "王五",
    });
    expect(readFrameText("签 发 人：王  五")).toMatchObject({ docNumber: "", signer: "王  五" });
    expect(readFrameText("青溪市人民政府：")).toBeUndefined();
    expect(readFrameText("按照签发人意见修改后印发。")).toBeUndefined();
    expect(readFrameText("签发人审核制度")).toBeUndefined();
    expect(readFrameTable([["青水发［2026］5号", "签发人：", "王五"]])).toMatchObject({ docNumber: "青水发［2026］5号", signer: "王五" });
    expect(
      readFrameTable([
        ["项目", "数量"],
        ["行政复议", "7件"],
      ]),
    ).toBeUndefined();
  });

  it("takes 文号 and 签发人 from one line instead of gluing them onto the title", async () => {
    const { report, log } = await importWith("line");
    expect(report.meta).toMatchObject({ title: TITLE, docNumber: "青水发〔2026〕5号" });
    expect(report.frame).toEqual({ signer: "王五" });
    expect(log).toEqual(["文号识别为“青水发〔2026〕5号”。", "签发人识别为“王五”，已填入本报告的版头设置（文号居左、签发人居右）。"]);
  });

  it("keeps the file's own brackets and digits, takes out its spaces and says so", async () => {
    const { report, log } = await importWith("fullwidth");
    expect(report.meta).toMatchObject({ title: TITLE, docNumber: "青水发[２０２６]第5号" });
    expect(log).toEqual(["文号识别为“青水发[２０２６]第5号”（原文写作“青水发[２０２６]第5 号”，已去掉空格）。"]);
  });

  it("reads a 版头 table as the frame, not as the opening's first table", async () => {
    const { report, log } = await importWith("table");
    expect(report.meta).toMatchObject({ title: TITLE, docNumber: "青水发〔2026〕5号" });
    expect(report.frame).toEqual({ signer: "王五" });
    expect(docToText(report.opening)).toBe(OPENING);
    expect(log).toHaveLength(2);
  });

  it("reads the 文号 in a text box", async () => {
    const { report } = await importWith("textBox");
    expect(report.meta).toMatchObject({ title: TITLE, docNumber: "青水发（2026）5号" });
  });
});

describe("[IMPORT] a Word file still in 修订模式, read by the ordinary import", () => {
  it("says how many open changes were taken as accepted", async () => {
    const { report, log } = await importReport({ bytes: await buildLeaderDocx(buildCompleteReport()), fileName: "领导修改稿.docx" });
    expect(docToText(report.sections[0]!.items[0]!.body)).toContain("全年开展专题学习八次");
    expect(log.filter((entry) => entry.kind === "warning" && entry.message.includes("修订"))).toEqual([
      {
        kind: "warning",
        message:
          "文件中有尚未接受或拒绝的修订（插入 3 处、删除 3 处），已按全部接受后的文字导入。要把领导的修订作为待处理的修订放进已有报告，请在报告页用“导入修订后的 Word 文件”。",
      },
    ]);
  });

  it("gives a text box LibreOffice saved without its VML copy that copy, and leaves Word's own alone", () => {
    const box = `<w:txbxContent><w:p><w:r><w:t>青水发〔2026〕5号</w:t></w:r></w:p></w:txbxContent>`;
    const choice = `<mc:Choice Requires="wps"><w:drawing><wps:txbx>${box}</wps:txbx></w:drawing></mc:Choice>`;
    const libreOffice = `<w:r><mc:AlternateContent>${choice}<mc:Fallback><w:pict></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    expect(withTextBoxFallbacks(libreOffice)).toBe(
      `<w:r><mc:AlternateContent>${choice}<mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
    );
    const word = `<w:r><mc:AlternateContent>${choice}<mc:Fallback><w:pict><v:textbox>${box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    expect(withTextBoxFallbacks(word)).toBe(word);
  });
});
