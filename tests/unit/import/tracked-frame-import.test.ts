import { describe, expect, it } from "vitest";

import { importReport } from "@/lib/import";
import { readFrameTable, readFrameText } from "@/lib/import/docx-frame-line";
import { docToText } from "@/lib/report-model";

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
