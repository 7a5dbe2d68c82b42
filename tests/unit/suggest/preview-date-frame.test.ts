import { afterAll, describe, expect, it } from "vitest";

import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { exportReportPdf, renderReportPreview, stopTypstEngine } from "@/lib/export/pdf";
import { acceptedView, reportSchema, type FieldSuggestion, type Report } from "@/lib/report-model";

import { pdfFixtureReport } from "../export/pdf/pdf-fixture-report";
import { pdfText, pdfToolsStatus, writeTempPdf } from "../export/pdf/poppler";

// Issue #18 item 1 (audit finding 6): a suggested 成文日期 and 签发人 show in colour in the preview.
const status = pdfToolsStatus();
const shouldSkip = !status.isReady && process.env.CI !== "true";
if (shouldSkip) console.warn(`[跳过] 成文日期与签发人修订预览测试：${status.reason}`);

const AUTHOR = { authorId: "u-review", authorName: "王审核", at: "2026-11-29T08:15:00.000Z" };

function reportWithDateAndSigner(): Report {
  const base = pdfFixtureReport();
  base.meta.docNumber = "青政〔2025〕3号";
  base.meta.date = "2025-02-20";
  base.frame = { signer: "李四" };
  const fieldSuggestions: FieldSuggestion[] = [
    { id: "fd1", ...AUTHOR, target: { field: "meta", key: "date" }, from: "2025-02-20", to: "2025-03-08" },
    { id: "fs1", ...AUTHOR, target: { field: "frame", key: "signer" }, from: "李四", to: "张三" },
  ];
  return reportSchema.parse({ ...base, fieldSuggestions });
}

afterAll(async () => {
  await stopTypstEngine();
});

describe.skipIf(shouldSkip)("[SUGGEST] the 成文日期 and 签发人 suggestions in the preview", () => {
  it("colours both in the preview, holds both texts in the review layout, and prints the accepted ones in the final PDF", async () => {
    const report = reportWithDateAndSigner();
    const options = { ...DEFAULT_EXPORT_OPTIONS, isDraft: true, frame: { signer: "李四" }, acceptedFrame: { signer: "张三" } };
    const svg = (await renderReportPreview(report, options)).pages.join("\n").toLowerCase();
    const count = (colour: string) => svg.split(colour).length - 1;
    // 3 and 8 inserted in the date, 张三 in the 签发人; 2 and 20 deleted, 李四.
    expect(count("#1d4ed8")).toBeGreaterThanOrEqual(4);
    expect(count("#be123c")).toBeGreaterThanOrEqual(5);
    const plain = (await renderReportPreview(acceptedView(report), { ...options, frame: { signer: "张三" } })).pages.join("\n").toLowerCase();
    expect(plain).not.toContain("#1d4ed8");

    const review = pdfText(writeTempPdf((await exportReportPdf(report, options)).bytes, "suggest-date-frame-review.pdf")).replace(/\s+/g, "");
    expect(review).toMatch(/签发人：(李四张三|张三李四)/);
    expect(review).toContain("2025年");
    const final = pdfText(
      writeTempPdf(
        (await exportReportPdf(acceptedView(report), { ...options, isDraft: false, frame: { signer: "张三" } })).bytes,
        "suggest-date-frame-final.pdf",
      ),
    ).replace(/\s+/g, "");
    expect(final).toContain("签发人：张三");
    expect(final).not.toContain("李四");
    expect(final).toContain("2025年3月8日");
    expect(final).not.toContain("2025年2月20日");
  }, 90_000);
});
