import { describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { buildPrintableReport } from "@/lib/export/layout/build-printable-report";
import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { buildTypstData, type TypstRun } from "@/lib/export/pdf/build-typst-data";
import type { FontRole, ResolvedFont } from "@/lib/fonts";
import { acceptedView, reportSchema, type FieldSuggestion, type FieldTarget, type Report } from "@/lib/report-model";

import { pdfFixtureReport } from "../export/pdf/pdf-fixture-report";
import { paragraphsOf, unzipDocx } from "../export/docx/helpers/docx-xml";

const AUTHOR = { authorId: "u-review", authorName: "王审核", at: "2026-11-29T08:15:00.000Z" };

/** What the reviewer writes into each field that the drafter left empty. */
const ADDED: Array<[FieldTarget, string]> = [
  [{ field: "meta", key: "docNumber" }, "青政〔2025〕5号"],
  [{ field: "meta", key: "title" }, "青禾县人民政府关于2024年度法治政府建设情况的报告"],
  [{ field: "meta", key: "mainRecipient" }, "市人民政府"],
  [{ field: "sectionLead", sectionId: "s2" }, "对照年初计划，我县逐项查找了工作中的不足。"],
  [{ field: "itemHeading", sectionId: "s2", itemId: "i3" }, "基层法治力量仍较薄弱"],
  [{ field: "sectionHeading", sectionId: "s3" }, "2025年度推进法治政府建设的主要安排"],
  [{ field: "closing" }, "特此报告。"],
  [{ field: "meta", key: "signature" }, "青禾县人民政府"],
  [{ field: "meta", key: "copyTo" }, "市委依法治市办，县人大常委会办公室"],
];

/** The fixture with every one of those fields empty, and (optionally) the reviewer's suggestions on them. */
function emptyFieldsReport(withSuggestions: boolean): Report {
  const base = pdfFixtureReport();
  base.meta = { ...base.meta, docNumber: "", title: "", mainRecipient: "", signature: "", copyTo: "" };
  base.closing = "";
  base.sections[2]!.heading = "";
  const fieldSuggestions: FieldSuggestion[] = ADDED.map(([target, to], index) => ({ id: `e${index + 1}`, ...AUTHOR, target, from: "", to }));
  return reportSchema.parse({ ...base, ...(withSuggestions ? { fieldSuggestions } : {}) });
}

const FONTS = Object.fromEntries(
  (["title", "heading1", "heading2", "body", "pageNumber", "latin"] as const).map((role) => [
    role,
    { role, requested: role, family: role, weight: 400, hasBold: false, files: [], coverage: [], isSubstitute: false },
  ]),
) as unknown as Record<FontRole, ResolvedFont>;

type Block = { kind: string; [key: string]: unknown };

/** The Typst data the preview renders. */
function typstBlocks(report: Report): Block[] {
  const options = { ...DEFAULT_EXPORT_OPTIONS, isDraft: true };
  return buildTypstData(buildPrintableReport(report, { closing: { latinGapChars: 0.21 } }), options, FONTS, report.meta.title).data.blocks as Block[];
}

/** Each block's runs as "now" (without insertions) and "inserted" text. */
function runViews(runs: TypstRun[]): { now: string; inserted: string } {
  const pick = (keep: (change: unknown) => boolean) => runs.map((run) => ("text" in run && keep(run.change) ? run.text : "")).join("");
  return { now: pick((change) => change !== "insert"), inserted: pick((change) => change === "insert") };
}

function allRuns(block: Block): TypstRun[] {
  const lists = [
    block.runs,
    block.headingRuns,
    ...((block.lineRuns as unknown[]) ?? []),
    ...((block.lines as Array<{ runs?: unknown }>) ?? []).map((line) => line.runs),
  ];
  return lists.filter(Array.isArray).flat() as TypstRun[];
}

describe("[SUGGEST] a suggestion that gives an empty field its text shows in the preview and the review DOCX", () => {
  it("the preview prints every such field where accepting would put it, all of it as an insertion", () => {
    const blocks = typstBlocks(emptyFieldsReport(true));
    const inserted = blocks.map((block) => ({ kind: block.kind, ...runViews(allRuns(block)) })).filter((view) => view.inserted);
    expect(inserted).toEqual([
      { kind: "docNumber", now: "", inserted: "青政〔2025〕5号" },
      { kind: "title", now: "", inserted: "青禾县人民政府关于2024年度法治政府建设情况的报告" },
      { kind: "mainRecipient", now: "", inserted: "市人民政府：" },
      { kind: "paragraph", now: "", inserted: "对照年初计划，我县逐项查找了工作中的不足。" },
      { kind: "heading", now: "", inserted: "（一）基层法治力量仍较薄弱" },
      { kind: "heading", now: "", inserted: "三、2025年度推进法治政府建设的主要安排" },
      { kind: "paragraph", now: "", inserted: "特此报告。" },
      { kind: "closing", now: "2025年3月8日", inserted: "青禾县人民政府" },
      { kind: "copyTo", now: "", inserted: "抄送：市委依法治市办，县人大常委会办公室。" },
    ]);
  });

  it("without the suggestions those fields print nothing, and accepted they print as plain text", () => {
    const plain = typstBlocks(emptyFieldsReport(false));
    expect(plain.map((block) => block.kind)).not.toContain("docNumber");
    expect(plain.map((block) => block.kind)).not.toContain("copyTo");
    const accepted = typstBlocks(acceptedView(emptyFieldsReport(true)));
    expect(JSON.stringify(accepted)).not.toContain('"change"');
    const withSuggestions = typstBlocks(emptyFieldsReport(true));
    // The same blocks in the same order: the review preview lays the page out as the accepted report will be.
    expect(withSuggestions.map((block) => block.kind)).toEqual(accepted.map((block) => block.kind));
  });

  it("the review DOCX writes each as a w:ins by the reviewer", async () => {
    const xml = unzipDocx(await exportReportDocx(emptyFieldsReport(true), { isDraft: true }))["word/document.xml"]!;
    const insertedTexts = paragraphsOf(xml)
      .map((paragraph) =>
        [...paragraph.xml.matchAll(/<w:ins [^>]*w:author="王审核"[^>]*>(.*?)<\/w:ins>/gs)]
          .map((match) => [...match[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((part) => part[1]).join(""))
          .join(""),
      )
      .filter(Boolean);
    expect(insertedTexts).toEqual([
      "青政〔2025〕5号",
      "青禾县人民政府关于2024年度法治政府建设情况的报告",
      "市人民政府：",
      "对照年初计划，我县逐项查找了工作中的不足。",
      "（一）基层法治力量仍较薄弱",
      "三、2025年度推进法治政府建设的主要安排",
      "特此报告。",
      "青禾县人民政府",
      "抄送：市委依法治市办，县人大常委会办公室。",
    ]);
  });
});
