/**
 * GB/T 9704 版头 and 附件说明 measured on the pages: the DOCX laid out by LibreOffice and the PDF.
 * Needs soffice and poppler-utils (installed by .ci/run); under CI=true their absence fails.
 */
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from "@/lib/export/options";
import { exportReportPdf, findImprintPlacement, stopTypstEngine } from "@/lib/export/pdf";

import { findCommand } from "../unit/export/docx/helpers/libreoffice";
import { inkBox, inkRowTops, renderGrey } from "../unit/export/helpers/ink";
import { convertAllWithLibreOffice, EXPORT_FIXTURES, loadExportFixture, PAGE_NUMBER_LINE, pageCountOf, pageLines } from "../unit/export/helpers/side-by-side";
import { pdfPageLines } from "../unit/export/pdf/poppler";

const soffice = await findCommand("soffice", "libreoffice");
const pdftotext = await findCommand("pdftotext");
const isReady = Boolean(soffice && pdftotext);
if (!isReady && process.env.CI === "true") throw new Error("CI 环境缺少 LibreOffice 或 poppler-utils：请检查 .ci/run 的安装步骤");

const PITCH_MM = 225 / 22;
const OPTIONS: ExportOptions = {
  ...DEFAULT_EXPORT_OPTIONS,
  isDraft: false,
  frame: {
    agencyMark: "青禾县人民政府文件",
    signer: "李明",
    attachments: ["青禾县2025年度法治政府建设重点任务完成情况表", "青禾县2025年度行政复议和行政应诉案件统计表"],
    imprintAgency: "青禾县人民政府办公室",
    imprintDate: "2026-02-12",
  },
};

describe.skipIf(!isReady)("[EXPORT] GB/T 9704 版头 and 附件说明 in both formats", () => {
  let directory: string;
  let renders: Array<[string, string]>;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "nianbao-frame-"));
    const report = loadExportFixture(EXPORT_FIXTURES.county);
    const docx = path.join(directory, "frame.docx");
    await writeFile(docx, await exportReportDocx(report, { ...OPTIONS, imprintPlacement: await findImprintPlacement(report, OPTIONS) }));
    const pdf = path.join(directory, "frame.typst.pdf");
    await writeFile(pdf, (await exportReportPdf(report, OPTIONS)).bytes);
    const [docxPdf] = await convertAllWithLibreOffice(soffice!, [docx], directory);
    renders = [
      ["DOCX", docxPdf!],
      ["PDF", pdf],
    ];
  }, 300_000);

  afterAll(async () => {
    await stopTypstEngine();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it("sets the 发文机关标志's top edge 35 mm under the 版心, the red separator 4 mm under the 文号, and the text on the grid", () => {
    for (const [engine, pdf] of renders) {
      const page = renderGrey(pdf, 1, 300);
      const mark = inkBox(page, { left: 28, top: 40, right: 184, bottom: 100 })!;
      expect(Math.abs(mark.top - 37 - 35), `${engine}: 标志上边缘至版心上边缘`).toBeLessThan(0.6);
      // Centred, within the 版心.
      expect(Math.abs((mark.left + mark.right) / 2 - 106), engine).toBeLessThan(1);
      const rows = inkRowTops(page, { left: 28, top: mark.bottom + 2, right: 184, bottom: 262 });
      const number = inkBox(page, { left: 28, top: rows[0]! - 0.5, right: 184, bottom: rows[1]! - 0.3 })!;
      expect(Math.abs(rows[1]! - number.bottom - 4), `${engine}: 分隔线距文号`).toBeLessThan(0.6);
      // The rule spans the 版心.
      const rule = inkBox(page, { left: 20, top: rows[1]! - 0.1, right: 200, bottom: rows[1]! + 0.5 })!;
      expect(Math.abs(rule.left - 28), engine).toBeLessThan(0.5);
      expect(Math.abs(rule.right - 184), engine).toBeLessThan(0.5);
      // After the title, every body line is back on the 22-line grid.
      const body = rows.filter((top) => top > 37 + 14 * PITCH_MM);
      expect(body.length).toBeGreaterThan(5);
      for (const top of body) expect((top - 37) % PITCH_MM, `${engine} ${top.toFixed(2)} mm`).toBeGreaterThan(2.5);
      for (const top of body) expect((top - 37) % PITCH_MM, `${engine} ${top.toFixed(2)} mm`).toBeLessThan(4.3);
    }
  });

  it("puts the 文号 one character in on the left and 签发人 one character in on the right, in 3号 text", () => {
    for (const [engine, pdf] of renders) {
      const lines = pageLines(pdf, 1);
      const numberLine = lines[0]!.find((line) => line.startsWith("青政"));
      expect(numberLine, engine).toBe("青政〔2026〕5号签发人：李明");
      const page = renderGrey(pdf, 1, 300);
      const rows = inkRowTops(page, { left: 28, top: 90, right: 184, bottom: 262 });
      const number = inkBox(page, { left: 28, top: rows[0]! - 0.5, right: 184, bottom: rows[0]! + 6 })!;
      const inset = (16 * 25.4) / 72;
      expect(Math.abs(number.left - 28 - inset), `${engine}: 文号左空一字`).toBeLessThan(0.8);
      expect(Math.abs(184 - inset - number.right), `${engine}: 签发人右空一字`).toBeLessThan(0.8);
    }
  });

  it("sets the 印发日期 with LibreOffice's Chinese–digit gaps, so it starts where the DOCX's does", () => {
    const starts = renders.map(([, pdf]) => {
      const html = execFileSync("pdftotext", ["-bbox", "-f", String(pageCountOf(pdf)), "-l", String(pageCountOf(pdf)), pdf, "-"], { encoding: "utf8" });
      return Number(/<word xMin="([\d.]+)"[^>]*>2026<\/word>/.exec(html)?.[1]);
    });
    expect(starts.every((start) => start > 300)).toBe(true);
    // Without the gaps the PDF's "2026年2月12日印发" was 4 × 0.2 characters narrower: 11 pt further right.
    expect(Math.abs(starts[0]! - starts[1]!)).toBeLessThan(1.5);
  });

  it("prints the 附件说明 with the names aligned and the 印发 line in the 版记", () => {
    for (const [engine, pdf] of renders) {
      const all = pageLines(pdf, pageCountOf(pdf)).flat();
      expect(all, engine).toEqual(
        expect.arrayContaining([
          "附件：1.青禾县2025年度法治政府建设重点任务完成情况",
          "表",
          "2.青禾县2025年度行政复议和行政应诉案件统计表",
          "青禾县人民政府办公室2026年2月12日印发",
        ]),
      );
    }
  });
});

describe.skipIf(!isReady)("[EXPORT] 版记 at the foot of an even page, the pages after the body unnumbered (GB/T 9704 7.4, 7.5)", () => {
  let directory: string;
  const renders: Record<string, Array<[string, string]>> = {};

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "nianbao-imprint-"));
    const county = loadExportFixture(EXPORT_FIXTURES.county);
    const street = loadExportFixture(EXPORT_FIXTURES.street);
    const copyTo = "市委全面依法治市委员会办公室，市司法局";
    const cases = [
      // The body ends on page 5 (odd) with room for the 版记: it goes alone to the foot of page 6.
      ["county", county],
      // The body ends on page 5 at its foot (no room either): the same.
      ["overflow", { ...county, closing: `特此报告。${"本段用于测试版记位置的补充说明文字".repeat(9)}` }],
      // Page 2 (even): the one-row 版记 just fits under the date's empty line, on the last grid line.
      ["street", { ...street, meta: { ...street.meta, copyTo: "" } }],
      // Page 2 (even), a shorter report: the two-row 版记 at its foot.
      ["short", { ...street, meta: { ...street.meta, copyTo }, sections: street.sections.slice(0, -2) }],
      // Page 2 (even) without room for the two-row 版记: a blank page 3, the 版记 on page 4.
      ["blank", { ...street, meta: { ...street.meta, copyTo } }],
    ] as const;
    const docxPaths: string[] = [];
    for (const [name, report] of cases) {
      const docx = path.join(directory, `${name}.docx`);
      await writeFile(docx, await exportReportDocx(report, { ...OPTIONS, imprintPlacement: await findImprintPlacement(report, OPTIONS) }));
      const pdf = path.join(directory, `${name}.typst.pdf`);
      await writeFile(pdf, (await exportReportPdf(report, OPTIONS)).bytes);
      docxPaths.push(docx);
      renders[name] = [["PDF", pdf]];
    }
    const converted = await convertAllWithLibreOffice(soffice!, docxPaths, directory);
    cases.forEach(([name], index) => renders[name]!.unshift(["DOCX", converted[index]!]));
  }, 300_000);

  afterAll(async () => {
    await stopTypstEngine();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  /** Full-width rules (28–184 mm) on the last page, the text lines under the date, and the date's last ink row. */
  function imprintOf(pdf: string): { rules: Array<{ top: number; bottom: number }>; texts: string[]; dateBottom: number } {
    const last = pageCountOf(pdf);
    const page = renderGrey(pdf, last, 300);
    const rules: Array<{ top: number; bottom: number }> = [];
    for (const top of inkRowTops(page, { left: 27, top: 37, right: 186, bottom: 263 })) {
      const box = inkBox(page, { left: 20, top: top - 0.05, right: 195, bottom: top + 0.6 });
      if (box && box.left < 28.6 && box.right > 183.4 && box.bottom - box.top < 0.6) rules.push({ top: box.top, bottom: box.bottom });
    }
    const lines = pageLines(pdf, last).flat();
    const dateIndex = lines.findIndex((line) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(line));
    const datePage = inkRowTops(page, { left: 120, top: 37, right: 184, bottom: rules[0]?.top ?? 262 });
    return { rules, texts: lines.slice(dateIndex + 1), dateBottom: datePage.at(-1) ?? 0 };
  }

  /** The page numbers printed, page by page ("" for none). */
  const printedNumbers = (pdf: string) =>
    Array.from({ length: pageCountOf(pdf) }, (_, index) =>
      pdfPageLines(pdf, index + 1)
        .map((line) => line.text.replace(/\s+/g, ""))
        .filter((text) => PAGE_NUMBER_LINE.test(text))
        .join(""),
    );

  it("puts the 版记 on an even page, its last rule on the 版心's bottom edge, at the same heights in both formats", () => {
    for (const [name, pages, expectedRules, expectedTexts] of [
      ["county", 6, 3, ["抄送：市委全面依法治市委员会办公室，市司法局。", "青禾县人民政府办公室2026年2月12日印发"]],
      ["overflow", 6, 3, ["抄送：市委全面依法治市委员会办公室，市司法局。", "青禾县人民政府办公室2026年2月12日印发"]],
      ["street", 2, 2, ["青禾县人民政府办公室2026年2月12日印发"]],
      ["short", 2, 3, ["抄送：市委全面依法治市委员会办公室，市司法局。", "青禾县人民政府办公室2026年2月12日印发"]],
      ["blank", 4, 3, ["抄送：市委全面依法治市委员会办公室，市司法局。", "青禾县人民政府办公室2026年2月12日印发"]],
    ] as const) {
      const [docxPdf, typstPdf] = renders[name]!.map(([, file]) => file);
      const [docx, pdf] = [docxPdf!, typstPdf!].map(imprintOf);
      for (const [engine, file, imprint] of [
        ["DOCX", docxPdf!, docx!],
        ["PDF", typstPdf!, pdf!],
      ] as const) {
        expect(pageCountOf(file), `${name} ${engine}: 页数`).toBe(pages);
        expect(imprint.rules, `${name} ${engine}`).toHaveLength(expectedRules);
        // 末条分隔线与版心下边缘重合: the last rule's ink within 0.5 mm of 262 mm.
        expect(Math.abs(imprint.rules.at(-1)!.bottom - 262), `${name} ${engine}: 末条分隔线`).toBeLessThan(0.5);
        const rows = expectedRules - 1;
        expect(Math.abs(imprint.rules[0]!.top - (262 - rows * PITCH_MM)), `${name} ${engine}: 首条分隔线`).toBeLessThan(0.8);
        expect(imprint.texts, `${name} ${engine}`).toEqual(expectedTexts);
        const isSamePage = name === "street" || name === "short";
        expect(imprint.dateBottom > 0, `${name} ${engine}: 成文日期与版记同页`).toBe(isSamePage);
        // Under an empty line after the date when they share the page.
        if (isSamePage) expect(imprint.rules[0]!.top - imprint.dateBottom, `${name} ${engine}: 成文日期与版记之间`).toBeGreaterThan(PITCH_MM * 0.9);
      }
      docx!.rules.forEach((rule, index) => expect(Math.abs(rule.top - pdf!.rules[index]!.top), `${name}: rule ${index + 1} DOCX vs PDF`).toBeLessThan(0.5));
    }
  });

  it("numbers the body's pages only: no number on the blank page or on a 版记 page without body text", () => {
    for (const [name, expected] of [
      ["county", ["—1—", "—2—", "—3—", "—4—", "—5—", ""]],
      ["street", ["—1—", "—2—"]],
      ["blank", ["—1—", "—2—", "", ""]],
    ] as const) {
      for (const [engine, file] of renders[name]!) expect(printedNumbers(file), `${name} ${engine}`).toEqual(expected);
    }
  });

  it("leaves the blank page before the 版记 page without any ink, and the 版记 page with nothing but the 版记", () => {
    for (const [engine, file] of renders.blank!) {
      expect(inkBox(renderGrey(file, 3, 100), { left: 0, top: 0, right: 210, bottom: 297 }), `${engine}: 空白页`).toBeUndefined();
      const page = renderGrey(file, 4, 100);
      const ink = inkBox(page, { left: 0, top: 0, right: 210, bottom: 297 })!;
      expect(ink.top, `${engine}: 版记页只有版记`).toBeGreaterThan(262 - 2 * PITCH_MM - 0.5);
      expect(ink.bottom, engine).toBeLessThan(262.5);
      expect(pageLines(file, 4)[3], engine).toEqual(["抄送：市委全面依法治市委员会办公室，市司法局。", "青禾县人民政府办公室2026年2月12日印发"]);
    }
  });
});
