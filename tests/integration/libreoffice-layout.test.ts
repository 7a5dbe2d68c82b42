import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";

import { FULL_FIXTURE, loadFixture } from "../unit/export/docx/helpers/docx-xml";
import { convertWithLibreOffice, findCommand, pdfLines, writePreviewFontconfig, type PdfLine } from "../unit/export/docx/helpers/libreoffice";

// A4 in points, 版心 from the GB/T 9704 margins.
const MM = 72 / 25.4;
const TEXT_LEFT = 28 * MM;
const TEXT_RIGHT = (210 - 26) * MM;
const TEXT_TOP = 37 * MM;
const TEXT_BOTTOM = (297 - 35) * MM;

const soffice = await findCommand("soffice", "libreoffice");
const pdftotext = await findCommand("pdftotext");
if ((!soffice || !pdftotext) && process.env.CI === "true") throw new Error("CI 环境缺少 LibreOffice 或 poppler-utils：请检查 .ci/run 的安装步骤");
if (!soffice || !pdftotext) console.warn("[EXPORT] 未安装 LibreOffice 或 poppler-utils，跳过 DOCX 版面检查");

describe.skipIf(!soffice || !pdftotext)("[EXPORT] the DOCX laid out by LibreOffice", () => {
  let directory: string;
  let lines: PdfLine[];

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "nianbao-docx-"));
    const docxPath = path.join(directory, "report.docx");
    await writeFile(docxPath, await exportReportDocx(loadFixture(FULL_FIXTURE), { isDraft: false, shouldPrintIndicatorTables: true }));
    const pdfPath = await convertWithLibreOffice(soffice!, docxPath, directory, await writePreviewFontconfig(directory));
    lines = await pdfLines(pdftotext!, pdfPath);
  }, 120_000);

  afterAll(async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  const bodyLines = () => lines.filter((line) => line.yMin > TEXT_TOP - 2 && line.yMin < TEXT_BOTTOM);

  it("keeps all text inside the 156 × 225 mm 版心", () => {
    for (const line of bodyLines()) {
      expect(line.xMin, line.text).toBeGreaterThanOrEqual(TEXT_LEFT - 1);
      // Closing punctuation may hang into the margin, as Word's 允许标点溢出边界 does.
      const hang = /[，。、；：！？）》”’]$/.test(line.text) ? 16 : 0;
      expect(line.xMax, line.text).toBeLessThanOrEqual(TEXT_RIGHT + 1.5 + hang);
    }
  });

  it("sets 28 characters on every full line of Chinese text", () => {
    const body = bodyLines();
    // A line followed by a number (which cannot be split) may end short and be justified.
    const full = body.filter(
      (line, index) =>
        /^[^\x20-\x7e]+$/.test(line.text) && line.xMin < TEXT_LEFT + 2 && line.xMax > TEXT_RIGHT - 8 && !/^[0-9A-Za-z]/.test(body[index + 1]?.text ?? ""),
    );
    expect(full.length).toBeGreaterThanOrEqual(10);
    for (const line of full) expect([...line.text].length, line.text).toBe(28);
  });

  it("sets 22 lines 28.95 pt apart on a page of running text", () => {
    const page2 = bodyLines().filter((line) => line.page === 2);
    const rows = [...new Set(page2.map((line) => Math.round(line.yMin)))].sort((a, b) => a - b);
    expect(rows).toHaveLength(22);
    const pitch = (rows.at(-1)! - rows[0]!) / 21;
    expect(pitch).toBeCloseTo(28.95, 0);
  });

  it("prints — n — under the 版心, odd pages right and even pages left, one character in", () => {
    const numbers = lines.filter((line) => /^—\d+—$/.test(line.text));
    expect(numbers.length).toBeGreaterThanOrEqual(3);
    for (const number of numbers) {
      const page = Number(number.text.replace(/—/g, ""));
      expect(page).toBe(number.page);
      // The 一字线's ink is 7 mm under the 版心 (libreoffice-export.test.ts measures it); its font box starts higher.
      expect(number.yMin).toBeGreaterThan(TEXT_BOTTOM + 3 * MM);
      expect(number.yMin).toBeLessThan(TEXT_BOTTOM + 9 * MM);
      if (page % 2 === 1) expect(number.xMax).toBeCloseTo(TEXT_RIGHT - 14, -1);
      else expect(number.xMin).toBeCloseTo(TEXT_LEFT + 14, -1);
    }
  });

  it("shows no 草稿 mark on a final export", () => {
    expect(lines.some((line) => line.text.includes("草稿"))).toBe(false);
  });
});
