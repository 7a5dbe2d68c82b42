import { describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { buildPrintableReport } from "@/lib/export/layout/build-printable-report";
import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { buildTypstData, type TypstRun } from "@/lib/export/pdf/build-typst-data";
import type { FontRole, ResolvedFont } from "@/lib/fonts";
import { acceptedView, rejectedView, type Report, type RichMark } from "@/lib/report-model";

import { pdfFixtureReport } from "../export/pdf/pdf-fixture-report";
import { paragraphsOf, unzipDocx } from "../export/docx/helpers/docx-xml";

const SPLIT: RichMark = { type: "suggestSplit", attrs: { id: "split1", authorId: "u-review", authorName: "王审核", at: "2026-11-29T08:15:00.000Z" } };

/** The fixture's opening split by a reviewer after "现将我县2024年度法治政府建设情况" (a suggested break). */
function splitReport(): Report {
  const report = pdfFixtureReport();
  report.opening = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "现将我县2024年度法治政府建设情" },
          { type: "text", text: "况", marks: [SPLIT] },
        ],
      },
      { type: "paragraph", content: [{ type: "text", text: "报告如下。" }] },
    ],
  };
  return report;
}

const FONTS = Object.fromEntries(
  (["title", "heading1", "heading2", "body", "pageNumber", "latin"] as const).map((role) => [
    role,
    { role, requested: role, family: role, weight: 400, hasBold: false, files: [], coverage: [], isSubstitute: false },
  ]),
) as unknown as Record<FontRole, ResolvedFont>;

function typstParagraphs(report: Report): TypstRun[][] {
  const blocks = buildTypstData(buildPrintableReport(report), { ...DEFAULT_EXPORT_OPTIONS, isDraft: true }, FONTS, report.meta.title).data.blocks as Array<{
    kind: string;
    runs?: TypstRun[];
  }>;
  return blocks.filter((block) => block.kind === "paragraph").map((block) => block.runs!);
}

describe("[SUGGEST] a suggested paragraph break in the preview and the review DOCX", () => {
  it("the preview ends the first part with an inserted ↵; accepted, the two paragraphs print without it", () => {
    const [first, second] = typstParagraphs(splitReport());
    expect(first!.at(-1)).toEqual({ text: "↵", bold: false, italic: false, change: "insert" });
    expect(second!.map((run) => ("text" in run ? run.text : "")).join("")).toBe("报告如下。");
    const accepted = typstParagraphs(acceptedView(splitReport()));
    expect(JSON.stringify(accepted)).not.toContain("↵");
    expect(accepted[0]!.map((run) => ("text" in run ? run.text : "")).join("")).toContain("法治政府建设情况");
    const rejected = typstParagraphs(rejectedView(splitReport()));
    expect(rejected[0]!.map((run) => ("text" in run ? run.text : "")).join("")).toContain("法治政府建设情况报告如下。");
  });

  it("the review DOCX marks the first paragraph's mark as inserted by the reviewer (Word's reject joins the two)", async () => {
    const xml = unzipDocx(await exportReportDocx(splitReport(), { isDraft: true }))["word/document.xml"]!;
    const paragraphs = paragraphsOf(xml);
    const first = paragraphs.find((paragraph) => paragraph.text.startsWith("现将我县"))!;
    expect(first.text).toBe("现将我县2024年度法治政府建设情况");
    expect(first.xml).toMatch(/<w:pPr>.*<w:rPr>.*<w:ins w:id="\d+" w:author="王审核" w:date="2026-11-29T08:15:00Z"\/>.*<\/w:rPr>.*<\/w:pPr>/s);
    // The text itself is not a change: no w:ins around a run of it.
    expect(first.xml).not.toMatch(/<w:ins [^>]*>\s*<w:r>/);
    const next = paragraphs[paragraphs.indexOf(first) + 1]!;
    expect(next.text).toBe("报告如下。");
    const final = unzipDocx(await exportReportDocx(acceptedView(splitReport()), { isDraft: false }))["word/document.xml"]!;
    expect(final).not.toContain("<w:ins ");
  });
});
