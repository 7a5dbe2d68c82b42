import { afterAll, describe, expect, it } from "vitest";

import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { exportReportPdf, renderReportPreview, stopTypstEngine } from "@/lib/export/pdf";
import { acceptedView, type Report, type SuggestionAttrs } from "@/lib/report-model";

import { pdfFixtureReport } from "../export/pdf/pdf-fixture-report";
import { pdfText, pdfToolsStatus, writeTempPdf } from "../export/pdf/poppler";

const status = pdfToolsStatus();
const shouldSkip = !status.isReady && process.env.CI !== "true";
if (shouldSkip) console.warn(`[跳过] 修订预览测试：${status.reason}`);

const ATTRS: SuggestionAttrs = { id: "s1", authorId: "u1", authorName: "王审核", at: "2026-11-29T08:15:00.000Z" };

function reportWithSuggestions(): Report {
  const report = pdfFixtureReport();
  report.sections[0]!.items[0]!.body = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "全年开展专题学习" },
          { type: "text", text: "六次", marks: [{ type: "suggestDelete", attrs: ATTRS }] },
          { type: "text", text: "八次", marks: [{ type: "suggestInsert", attrs: { ...ATTRS, id: "s2" } }] },
          { type: "text", text: "，邀请高校教授解读行政法律制度。" },
        ],
      },
    ],
  };
  return report;
}

describe.skipIf(shouldSkip)("[SUGGEST] suggestions in the preview and the PDF", () => {
  afterAll(() => stopTypstEngine());

  it("the preview shows insertions in blue and deletions in red; the PDF of the accepted view has neither mark nor deleted text", async () => {
    const preview = await renderReportPreview(reportWithSuggestions(), { ...DEFAULT_EXPORT_OPTIONS, isDraft: true });
    const svg = preview.pages.join("\n").toLowerCase();
    expect(svg).toContain("#1d4ed8");
    expect(svg).toContain("#be123c");
    const plain = await renderReportPreview(pdfFixtureReport(), { ...DEFAULT_EXPORT_OPTIONS, isDraft: true });
    expect(plain.pages.join("\n").toLowerCase()).not.toContain("#1d4ed8");

    const pdf = await exportReportPdf(acceptedView(reportWithSuggestions()), { ...DEFAULT_EXPORT_OPTIONS, isDraft: false });
    const text = pdfText(writeTempPdf(pdf.bytes, "suggest-accepted.pdf")).replace(/\s+/g, "");
    expect(text).toContain("全年开展专题学习八次，邀请高校教授");
    expect(text).not.toContain("六次八次");
  }, 60_000);
});
