import { afterAll, describe, expect, it } from "vitest";

import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from "@/lib/export/options";
import { exportReportPdf, placeImprintForDocx, renderReportPreview, signaturePageWarning, stopTypstEngine } from "@/lib/export/pdf";
import type { Report } from "@/lib/report-model";

import { EXPORT_FIXTURES, loadExportFixture, PAGE_NUMBER_LINE } from "../helpers/side-by-side";
import { pdfInfo, pdfPageLines, pdfToolsStatus, writeTempPdf } from "./poppler";

// GB/T 9704 7.3.5: the 署名 and 成文日期 share a page with the text ("务使印章与正文同处一面"). The county report's text
// ends on the last line but one of page 4, so without a rule the 署名 and date would stand alone on page 5; a last
// paragraph too long to move gets GB/T 9704's remedy instead, a tighter last page.
// The DOCX laid out by LibreOffice is checked line for line in tests/integration/libreoffice-signature-page.test.ts.

const status = pdfToolsStatus();
const shouldSkip = !status.isReady && process.env.CI !== "true";
if (shouldSkip) console.warn(`[跳过] PDF 署名页测试：${status.reason}`);

const county = loadExportFixture(EXPORT_FIXTURES.county);
const BASE: ExportOptions & { shouldPrintIndicatorTables: boolean } = { ...DEFAULT_EXPORT_OPTIONS, isDraft: false, shouldPrintIndicatorTables: true };

/**
 * The county report without its 结束语 and with part 四's last paragraph lengthened to nine lines: too long to move
 * (MAX_KEPT_LINES), it ends on the last line of page 4 and would leave the 署名 and 成文日期 alone on page 5.
 */
function longLastParagraph(): Report {
  const clauses = "推动各项任务落地见效，".repeat(8).replace(/，$/, "。");
  const sections = county.sections.map((section) => {
    if (section.kind !== "next_year") return section;
    const items = section.items.map((item) => {
      const content = item.body.content.map((node, index) => {
        if (index !== item.body.content.length - 1 || node.type !== "paragraph" || !node.content) return node;
        const last = node.content.at(-1)!;
        if (last.type !== "text" || last.text === undefined) return node;
        return { ...node, content: [...node.content.slice(0, -1), { ...last, text: last.text.replace(/。$/, `，${clauses}`) }] };
      });
      return { ...item, body: { ...item.body, content } };
    });
    return { ...section, items };
  });
  return { ...county, closing: "", sections };
}

async function pagesOf(options: Parameters<typeof exportReportPdf>[1], report: Report = county): Promise<string[][]> {
  const file = writeTempPdf((await exportReportPdf(report, options)).bytes);
  return Array.from({ length: pdfInfo(file).pages }, (_, index) =>
    pdfPageLines(file, index + 1)
      .map((line) => line.text.replace(/\s+/g, ""))
      .filter((text) => text !== "" && !PAGE_NUMBER_LINE.test(text)),
  );
}

/** The lines of the 署名's page, and of the page before (the last page with the agency's name: a title may hold it too). */
function aroundSignature(pages: string[][]): { page: string[]; before: string[] } {
  const index = pages.map((lines) => lines.includes("青禾县人民政府")).lastIndexOf(true);
  return { page: pages[index]!, before: pages[index - 1] ?? [] };
}

afterAll(async () => {
  await stopTypstEngine();
});

describe.skipIf(shouldSkip)("[EXPORT] PDF: the 署名 and 成文日期 stand on a page with the text (GB/T 9704 7.3.5)", () => {
  it("takes the 结束语 to the next page with them", async () => {
    const { page, before } = aroundSignature(await pagesOf(BASE));
    expect(page).toEqual(["特此报告。", "青禾县人民政府", "2026年2月12日"]);
    expect(before.at(-1)).toBe("划，营造浓厚的法治氛围。");
  });

  it("does the same with the sealed layout's two empty lines above the 署名", async () => {
    const { page, before } = aroundSignature(await pagesOf({ ...BASE, frame: { isSealed: true } }));
    expect(page.slice(0, 3)).toEqual(["特此报告。", "青禾县人民政府", "2026年2月12日"]);
    expect(before.at(-1)).toBe("划，营造浓厚的法治氛围。");
  });

  it("keeps the 附件说明 between the text and the 署名 with both", async () => {
    const attachments = ["青禾县2025年度法治政府建设重点任务完成情况表", "青禾县2025年度行政复议和行政应诉案件统计表"];
    const { page } = aroundSignature(await pagesOf({ ...BASE, frame: { attachments } }));
    const signature = page.indexOf("青禾县人民政府");
    expect(signature).toBeGreaterThan(0);
    expect(page[0]).not.toMatch(/^附件/);
    expect(page.slice(0, signature).some((line) => line.startsWith("附件："))).toBe(true);
  });

  it("sets the last page tighter when a last paragraph too long to move would leave them alone, and says so", async () => {
    const report = longLastParagraph();
    const file = writeTempPdf((await exportReportPdf(report, BASE)).bytes, "fitted.pdf");
    const pages = await pagesOf(BASE, report);
    // Page 4 ends with the paragraph, the 署名 and the 成文日期; nothing of the text or the 署名 is on a page of its own.
    const { page } = aroundSignature(pages);
    expect(page.slice(-3)).toEqual([expect.stringMatching(/推动各项任务落地见效。$/), "青禾县人民政府", "2026年2月12日"]);
    expect(pages.map((lines) => lines.includes("青禾县人民政府")).lastIndexOf(true)).toBe(3);
    // 22 lines of text and the 署名 and date: the page holds more than the grid's 22 lines, its last lines closer.
    expect(page.length).toBeGreaterThan(22);
    const baselines = pdfPageLines(file, 4)
      .filter((line) => !PAGE_NUMBER_LINE.test(line.text.replace(/\s+/g, "")))
      .map((line) => line.y);
    const steps = baselines.slice(1).map((y, index) => y - baselines[index]!);
    expect(Math.max(...steps.slice(0, 2))).toBeCloseTo(28.98, 0);
    // The fit's pitch (25 pt here) between the last lines of text; the 署名 one empty line (two steps) below them.
    expect(steps.at(-3)).toBeCloseTo(25, 1);
    expect(steps.at(-2)).toBeCloseTo(50, 1);
    const notice = "为使署名和成文日期与正文同处一页（GB/T 9704 7.3.5），末页正文的固定行距由 28.95 磅调整为 25 磅，文字未改动。";
    const pdf = await exportReportPdf(report, BASE);
    expect(pdf.warnings).toContain(notice);
    expect(pdf.signatureFit).toEqual({ fromBlock: expect.any(Number), linePitch: 500 });
    const docx = await placeImprintForDocx(report, BASE);
    expect(docx.warnings).toEqual([notice]);
    expect(docx.signatureFit).toEqual(pdf.signatureFit);
    // The county report as it is: "特此报告。" went with them, nothing set tighter, nothing to tell.
    const plain = await exportReportPdf(county, BASE);
    expect(plain.warnings.filter((text) => text.includes("署名"))).toEqual([]);
    expect(plain.signatureFit).toBeUndefined();
    expect(await placeImprintForDocx(county, BASE)).toEqual({ imprintPlacement: "nextPage", warnings: [] });
  });

  it("shows the tighter last page in the editor's preview too, as the PDF prints it", async () => {
    // Without its 版记 the report ends on page 4 with the fit, on page 5 (the 署名 alone) without it.
    const report = longLastParagraph();
    const plain = { ...report, meta: { ...report.meta, copyTo: "" } };
    const pdf = await exportReportPdf(plain, BASE);
    expect(pdf.signatureFit).toBeDefined();
    expect(pdf.pageCount).toBe(4);
    expect((await renderReportPreview(plain, BASE)).pages).toHaveLength(4);
  });

  it("words the warning only for a 署名 page after the text's last page", () => {
    expect(signaturePageWarning({ text: 4, signature: 4 })).toBeUndefined();
    expect(signaturePageWarning({ text: 5, signature: 5 })).toBeUndefined();
    expect(signaturePageWarning({ text: null, signature: 3 })).toBeUndefined();
    expect(signaturePageWarning({ text: 2, signature: 3 })).toMatch(/^署名和成文日期单独排在第3页/);
  });
});
