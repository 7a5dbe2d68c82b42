import { afterAll, describe, expect, it } from "vitest";

import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from "@/lib/export/options";
import { exportReportPdf, stopTypstEngine } from "@/lib/export/pdf";

import { EXPORT_FIXTURES, loadExportFixture, PAGE_NUMBER_LINE } from "../helpers/side-by-side";
import { pdfInfo, pdfPageLines, pdfToolsStatus, writeTempPdf } from "./poppler";

// GB/T 9704 7.3.5: the 署名 and 成文日期 share a page with the text ("务使印章与正文同处一面"). The county report's text
// ends on the last line but one of page 4, so without a rule the 署名 and date would stand alone on page 5.
// The DOCX laid out by LibreOffice is checked line for line in tests/integration/libreoffice-signature-page.test.ts.

const status = pdfToolsStatus();
const shouldSkip = !status.isReady && process.env.CI !== "true";
if (shouldSkip) console.warn(`[跳过] PDF 署名页测试：${status.reason}`);

const county = loadExportFixture(EXPORT_FIXTURES.county);
const BASE: ExportOptions & { shouldPrintIndicatorTables: boolean } = { ...DEFAULT_EXPORT_OPTIONS, isDraft: false, shouldPrintIndicatorTables: true };

async function pagesOf(options: Parameters<typeof exportReportPdf>[1]): Promise<string[][]> {
  const file = writeTempPdf((await exportReportPdf(county, options)).bytes);
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
});
