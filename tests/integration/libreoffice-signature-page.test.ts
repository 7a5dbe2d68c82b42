/**
 * GB/T 9704 7.3.5: the 署名 and 成文日期 share a page with the text ("务使印章与正文同处一面，不得采取标识'此页无正文'的
 * 方法解决"). Real-shaped reports whose text ends on the last lines of a page, so that the 署名 and 成文日期 would stand
 * alone on the next one: the text's last paragraph goes with them, in the DOCX laid out by LibreOffice and in the PDF,
 * line for line alike. Needs soffice and poppler-utils (installed by .ci/run); under CI=true their absence fails.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { stopTypstEngine } from "@/lib/export/pdf";
import type { Report } from "@/lib/report-model";

import { findCommand } from "../unit/export/docx/helpers/libreoffice";
import { comparePages, EXPORT_FIXTURES, loadExportFixture, pageCountOf, pageLines, renderPairs, type RenderedPair } from "../unit/export/helpers/side-by-side";

const soffice = await findCommand("soffice", "libreoffice");
const pdftotext = await findCommand("pdftotext");
const isReady = Boolean(soffice && pdftotext);
if (!isReady && process.env.CI === "true") throw new Error("CI 环境缺少 LibreOffice 或 poppler-utils：请检查 .ci/run 的安装步骤");

const SIGNATURE = "青禾县人民政府";
const DATE = "2026年2月12日";

/**
 * The county report without its 结束语 and with more clauses in the last paragraph of part 四: with `SEVEN_LINES`
 * that paragraph (seven lines) ends on line 21 of page 4, where the 署名 would have to go to page 5 alone. A last
 * paragraph too long to move (over MAX_KEPT_LINES) gets the tighter last page instead:
 * tests/integration/libreoffice-signature-fit.test.ts.
 */
const SEVEN_LINES = "并持续推进法治政府建设示范创建工作，推动各项任务落地见效，确保取得实际成效。";

function longLastParagraph(county: Report, clauses = SEVEN_LINES): Report {
  const sections = county.sections.map((section) => {
    if (section.kind !== "next_year") return section;
    const items = section.items.map((item) => {
      const content = item.body.content.map((node, index) => {
        if (index !== item.body.content.length - 1 || node.type !== "paragraph" || !node.content) return node;
        const last = node.content.at(-1)!;
        if (last.type !== "text" || last.text === undefined) return node;
        const text = last.text.replace(/。$/, clauses);
        return { ...node, content: [...node.content.slice(0, -1), { ...last, text }] };
      });
      return { ...item, body: { ...item.body, content } };
    });
    return { ...section, items };
  });
  return { ...county, closing: "", sections };
}

/** The lines of each page of both renders, and the page (0-based) of the 署名 in each: the last with the agency's name. */
function pagesOf(pair: RenderedPair) {
  return (["docxPdf", "pdf"] as const).map((key) => {
    const pages = pageLines(pair[key], pageCountOf(pair[key]));
    return {
      engine: key === "docxPdf" ? "DOCX（LibreOffice）" : "PDF",
      pages,
      signaturePage: pages.map((lines) => lines.includes(SIGNATURE)).lastIndexOf(true),
    };
  });
}

describe.skipIf(!isReady)("[EXPORT] the 署名 and 成文日期 share a page with the text (GB/T 9704 7.3.5)", () => {
  let directory: string;
  let pairs: RenderedPair[];
  let framed: RenderedPair[];

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "nianbao-signature-"));
    const county = loadExportFixture(EXPORT_FIXTURES.county);
    pairs = await renderPairs(
      soffice!,
      [
        { name: "county", report: county },
        { name: "long-last-paragraph", report: longLastParagraph(county) },
      ],
      directory,
      { shouldPrintIndicatorTables: true },
    );
    const sealed = await renderPairs(soffice!, [{ name: "sealed", report: county }], directory, {
      shouldPrintIndicatorTables: true,
      frame: { isSealed: true },
    });
    const attachments = ["青禾县2025年度法治政府建设重点任务完成情况表", "青禾县2025年度行政复议和行政应诉案件统计表"];
    const attached = await renderPairs(soffice!, [{ name: "attached", report: county }], directory, {
      shouldPrintIndicatorTables: true,
      frame: { attachments },
    });
    framed = [...sealed, ...attached];
  }, 300_000);

  afterAll(async () => {
    await stopTypstEngine();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it("takes the 结束语 to the next page with the 署名 when the text fills page 4 up to it", () => {
    for (const { engine, pages, signaturePage } of pagesOf(pairs[0]!)) {
      expect(signaturePage, engine).toBe(4);
      // Page 5: "特此报告。", the empty line, 署名 and 成文日期.
      expect(pages[signaturePage], engine).toEqual(["特此报告。", SIGNATURE, DATE]);
      // Page 4 keeps the rest of the text, ending with part 四's last line.
      expect(pages[signaturePage - 1]!.at(-1), engine).toBe("划，营造浓厚的法治氛围。");
      expect(pages[signaturePage - 1], engine).toHaveLength(19);
    }
    const [docx, pdf] = pagesOf(pairs[0]!);
    expect(comparePages(docx!.pages, pdf!.pages).reduce((sum, page) => sum + page.differences, 0)).toBe(0);
  });

  it("takes a long last paragraph whole, with its heading, when it would leave the 署名 alone", () => {
    for (const { engine, pages, signaturePage } of pagesOf(pairs[1]!)) {
      const page = pages[signaturePage]!;
      // The 署名 and 成文日期 close the page, right after the text.
      expect(page.slice(-2), engine).toEqual([SIGNATURE, DATE]);
      expect(page[0], engine).toBe("四、2026年推进法治政府建设的主要安排");
      expect(page.at(-3), engine).toMatch(/确保取得实际成效。$/);
      // Seven lines of text: the paragraph did not part across the pages.
      expect(page.length - 3, engine).toBe(7);
      expect(pages[signaturePage - 1]!.at(-1), engine).toBe("讨论。全年提交县政府常务会议审议的议题均经过合法性审查。");
    }
    const [docx, pdf] = pagesOf(pairs[1]!);
    expect(comparePages(docx!.pages, pdf!.pages).reduce((sum, page) => sum + page.differences, 0)).toBe(0);
  });

  it("does the same in the sealed layout (two empty lines above the 署名) and with the 附件说明 between text and 署名", () => {
    const expected: Record<string, string[]> = {
      sealed: ["特此报告。", SIGNATURE, DATE],
      attached: ["特此报告。", "附件：1.青禾县2025年度法治政府建设重点任务完成情况", "表", "2.青禾县2025年度行政复议和行政应诉案件统计表", SIGNATURE, DATE],
    };
    for (const pair of framed) {
      const rendered = pagesOf(pair);
      for (const { engine, pages, signaturePage } of rendered) {
        expect(pages[signaturePage], `${pair.name} ${engine}`).toEqual(expected[pair.name]);
        expect(pages[signaturePage - 1]!.at(-1), `${pair.name} ${engine}`).toBe("划，营造浓厚的法治氛围。");
      }
      expect(
        comparePages(rendered[0]!.pages, rendered[1]!.pages).reduce((sum, page) => sum + page.differences, 0),
        pair.name,
      ).toBe(0);
    }
  });
});
