import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildPrintableReport } from "@/lib/export/layout/build-printable-report";
import { inlinesToText } from "@/lib/export/layout/inline-text";
import type { PrintableBlock } from "@/lib/export/layout/types";
import { DEFAULT_EXPORT_OPTIONS, ExportError } from "@/lib/export/options";
import { exportReportPdf, stopTypstEngine, type PdfExportResult } from "@/lib/export/pdf";
import { defaultFontDirectories } from "@/lib/fonts";

import { pdfFixtureReport, SPECIAL_TEXT } from "./pdf-fixture-report";
import { pdfFonts, pdfInfo, pdfPageLines, pdfText, pdfToolsStatus, writeTempPdf } from "./poppler";

const status = pdfToolsStatus();
const shouldSkip = !status.isReady && process.env.CI !== "true";
if (shouldSkip) console.warn(`[跳过] PDF 导出测试：${status.reason}`);

const CLOSING_PUNCTUATION = /^[，。、；：？！）》”]/;
const squash = (text: string) => text.replace(/\s+/g, "").replace(/—\d+—/g, "");

function blockTexts(block: PrintableBlock): string[] {
  switch (block.kind) {
    case "title":
      return block.lines;
    case "blank":
      return [];
    case "heading":
      return [block.prefix + block.text];
    case "paragraph":
      return [block.prefix + inlinesToText(block.inlines)];
    case "runIn":
      return [block.prefix + block.heading + inlinesToText(block.inlines)];
    case "table":
      return block.rows.flatMap((row) => row.flatMap((cell) => cell.blocks.flatMap(blockTexts)));
    default:
      return [block.text];
  }
}

describe.skipIf(shouldSkip)("[PDF] exportReportPdf on the fixture report", () => {
  let draft: PdfExportResult;
  let final: PdfExportResult;
  let draftFile: string;
  let finalFile: string;

  beforeAll(async () => {
    draft = await exportReportPdf(pdfFixtureReport(), { ...DEFAULT_EXPORT_OPTIONS, isDraft: true });
    final = await exportReportPdf(pdfFixtureReport(), { ...DEFAULT_EXPORT_OPTIONS, isDraft: false });
    draftFile = writeTempPdf(draft.bytes, "draft.pdf");
    finalFile = writeTempPdf(final.bytes, "final.pdf");
  });
  afterAll(() => stopTypstEngine());

  it("is A4 and reports the real page count", () => {
    const info = pdfInfo(finalFile);
    const [width, height] = info.pageSize.split(" x ").map((value) => Number.parseFloat(value));
    expect(width).toBeCloseTo(595.28, 1);
    expect(height).toBeCloseTo(841.89, 1);
    expect(info.pages).toBe(final.pageCount);
    expect(final.pageCount).toBeGreaterThanOrEqual(2);
  });

  it("embeds and subsets every font, with the body in FandolFang and each role in its face", () => {
    const fonts = pdfFonts(finalFile);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font, font.name).toMatchObject({ isEmbedded: true, isSubset: true });
    const names = fonts.map((font) => font.name).join(" ");
    for (const face of ["FandolFang", "FandolHei", "FandolKai", "FandolSong", "NotoSerifCJKsc-Bold", "LiberationSerif"]) expect(names).toContain(face);
  });

  it("never lets Typst fall back for an unknown font family", () => {
    for (const warning of [...draft.warnings, ...final.warnings]) expect(warning).not.toMatch(/unknown font family/i);
    expect(final.warnings).toEqual([]);
  });

  it("reports each role printed with an open substitute", () => {
    expect(final.fontSubstitutions).toContainEqual({ role: "body", requested: "仿宋_GB2312", used: "FandolFang R" });
    expect(final.fontSubstitutions).toContainEqual({ role: "title", requested: "方正小标宋简体", used: "Noto Serif CJK SC" });
  });

  it("prints every title line, heading, paragraph and table cell, in order", () => {
    const pages = Array.from({ length: final.pageCount }, (_, index) => pdfPageLines(finalFile, index + 1));
    const text = squash(
      pages
        .flat()
        .map((line) => line.text)
        .join(""),
    );
    let position = 0;
    for (const expected of buildPrintableReport(pdfFixtureReport()).flatMap(blockTexts).map(squash).filter(Boolean)) {
      const found = text.indexOf(expected, position);
      expect(found, `缺少或顺序错误：${expected}`).toBeGreaterThanOrEqual(position);
      position = found + expected.length;
    }
  });

  it("prints Typst markup characters in user text literally", () => {
    expect(squash(pdfText(finalFile))).toContain(squash(SPECIAL_TEXT));
  });

  it("starts no line with closing punctuation", () => {
    for (let page = 1; page <= final.pageCount; page += 1) {
      for (const line of pdfPageLines(finalFile, page)) expect(line.text).not.toMatch(CLOSING_PUNCTUATION);
    }
  });

  it("marks drafts 草稿 and leaves final copies unmarked", () => {
    expect(pdfText(draftFile)).toContain("草稿");
    expect(pdfText(finalFile)).not.toContain("草稿");
  });

  it("puts the balanced title lines first, centred", () => {
    const [first, second] = pdfPageLines(finalFile, 1);
    expect([first?.text, second?.text]).toEqual(["青禾县人民政府关于", "2024年度法治政府建设情况的报告"]);
    const centre = 28 * 2.8346 + (156 * 2.8346) / 2;
    expect(((first!.xMin + first!.xMax) / 2 - centre) / 16).toBeCloseTo(0, 0);
  });

  it("bookmarks every heading level for a PDF reader's navigation pane, run-in headings included", async () => {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const document = await pdfjs.getDocument({ data: new Uint8Array(final.bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
    const titles: string[] = [];
    const walk = (items: Array<{ title: string; items: unknown[] }> | null, depth: number) => {
      for (const item of items ?? []) {
        titles.push(`${depth}:${item.title}`);
        walk(item.items as Array<{ title: string; items: unknown[] }>, depth + 1);
      }
    };
    walk(await document.getOutline(), 1);
    expect(titles).toContain("1:一、2024年度推进法治政府建设的主要举措和成效");
    expect(titles).toContain("2:（一）强化组织领导");
    expect(titles).toContain("3:1.压实第一责任人职责");
    // "2.完善考核评价。将法治……" is a run-in heading inside a body paragraph.
    expect(titles).toContain("3:2.完善考核评价。");
    const runIn = buildPrintableReport(pdfFixtureReport()).find((block) => block.kind === "runIn");
    if (runIn?.kind === "runIn") expect(titles).toContain(`2:${runIn.prefix}${runIn.heading}`);
    await document.destroy();
  });

  it("signs right-aligned with the date 2025年3月8日 on the next line", () => {
    const lines = (() => {
      for (let page = final.pageCount; page >= 1; page -= 1) {
        const pageLines = pdfPageLines(finalFile, page);
        if (pageLines.some((line) => line.text === "2025年3月8日")) return pageLines;
      }
      return [];
    })();
    const dateIndex = lines.findIndex((line) => line.text === "2025年3月8日");
    expect(lines[dateIndex - 1]?.text).toBe("青禾县人民政府");
    expect(lines[dateIndex]!.xMin).toBeGreaterThan(lines[dateIndex - 1]!.xMin + 16);
  });
});

describe.skipIf(shouldSkip)("[PDF] page numbers, glyph warnings and engine failures", () => {
  afterAll(() => stopTypstEngine());
  const PAGE_NUMBER = /^—\d+—$/;
  const TEXT_LEFT = 28 * 2.8346;
  const TEXT_RIGHT = (210 - 26) * 2.8346;

  it.each([
    ["outside", 1, "right"],
    ["outside", 2, "left"],
    ["center", 1, "center"],
    ["center", 2, "center"],
  ] as const)("pageNumberPosition %s, page %i: — N — on the %s", async (pageNumberPosition, page, side) => {
    const result = await exportReportPdf(pdfFixtureReport(), { ...DEFAULT_EXPORT_OPTIONS, isDraft: false, pageNumberPosition });
    const file = writeTempPdf(result.bytes);
    const number = pdfPageLines(file, page).find((line) => PAGE_NUMBER.test(line.text));
    expect(number?.text).toBe(`—${page}—`);
    // 7 mm below the 版心 (which ends 35 mm above the bottom edge).
    expect(number!.y).toBeGreaterThan((297 - 35 + 7) * 2.8346);
    if (side === "right") expect(number!.xMax).toBeCloseTo(TEXT_RIGHT - 14, -1);
    if (side === "left") expect(number!.xMin).toBeCloseTo(TEXT_LEFT + 14, -1);
    if (side === "center") expect((number!.xMin + number!.xMax) / 2).toBeCloseTo((TEXT_LEFT + TEXT_RIGHT) / 2, -1);
  });

  it("warns about a character the 仿宋 font lacks instead of printing a silent box", async () => {
    const report = pdfFixtureReport();
    report.sections[0]!.lead = "全年办理涉及𠀾字地名的登记事项三件。";
    const result = await exportReportPdf(report, { ...DEFAULT_EXPORT_OPTIONS });
    expect(result.warnings.join("\n")).toMatch(/正文（仿宋）字体 FandolFang R 缺少字符“𠀾”/);
  });

  it("fails with TIMEOUT when the compile exceeds its limit, then keeps serving", async () => {
    await exportReportPdf(pdfFixtureReport(), { ...DEFAULT_EXPORT_OPTIONS });
    const error = await exportReportPdf(pdfFixtureReport(), { ...DEFAULT_EXPORT_OPTIONS, timeoutMs: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).code).toBe("TIMEOUT");
    expect((error as ExportError).message).toMatch(/PDF 排版超过/);
    const next = await exportReportPdf(pdfFixtureReport(), { ...DEFAULT_EXPORT_OPTIONS });
    expect(next.pageCount).toBeGreaterThan(0);
  });

  it("prints with the agency's own font from FONTS_DIR (here FandolKai saved as body.otf) and reports no substitution for it", async () => {
    const substituteDirectory = defaultFontDirectories().substituteDirectory;
    const agencyDirectory = mkdtempSync(path.join(tmpdir(), "nianbao-agency-fonts-"));
    symlinkSync(path.join(substituteDirectory, "FandolKai-Regular.otf"), path.join(agencyDirectory, "body.otf"));
    const result = await exportReportPdf(pdfFixtureReport(), { ...DEFAULT_EXPORT_OPTIONS, fontDirectories: { agencyDirectory, substituteDirectory } });
    expect(result.fontSubstitutions.map((substitution) => substitution.role)).not.toContain("body");
    const names = pdfFonts(writeTempPdf(result.bytes))
      .map((font) => font.name)
      .join(" ");
    expect(names).toContain("FandolKai");
    expect(names).not.toContain("FandolFang");
  });

  it("fails with FONTS_MISSING and a set-up hint when no font can be found", async () => {
    const error = await exportReportPdf(pdfFixtureReport(), {
      ...DEFAULT_EXPORT_OPTIONS,
      fontDirectories: { agencyDirectory: "/nonexistent/fonts", substituteDirectory: "/nonexistent/cache" },
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "FONTS_MISSING" });
    expect((error as Error).message).toContain("setup-fonts");
  });
});
