import { afterAll, describe, expect, it } from "vitest";

import { buildPrintableReport } from "@/lib/export/layout/build-printable-report";
import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { exportReportPdf, renderReportPreview, stopTypstEngine } from "@/lib/export/pdf";
import { buildTypstData, type TypstRun } from "@/lib/export/pdf/build-typst-data";
import type { FontRole, ResolvedFont } from "@/lib/fonts";
import { acceptedView, readField, reportSchema, type FieldSuggestion, type FieldTarget, type Report } from "@/lib/report-model";

import { pdfFixtureReport } from "../export/pdf/pdf-fixture-report";
import { pdfText, pdfToolsStatus, writeTempPdf } from "../export/pdf/poppler";

const status = pdfToolsStatus();
const shouldSkip = !status.isReady && process.env.CI !== "true";
if (shouldSkip) console.warn(`[跳过] 字段修订预览测试：${status.reason}`);

const AUTHOR = { authorId: "u-review", authorName: "王审核", at: "2026-11-29T08:15:00.000Z" };

/** The fixture with a reviewer's suggestion on every kind of plain-text field the template prints. */
function reportWithFieldSuggestions(): Report {
  const base = pdfFixtureReport();
  base.meta.docNumber = "青政〔2025〕3号";
  const changes: Array<[FieldTarget, string]> = [
    [{ field: "meta", key: "docNumber" }, "青政〔2025〕4号"],
    [{ field: "meta", key: "title" }, "青禾县人民政府关于2024年度法治政府建设工作情况的报告"],
    [{ field: "meta", key: "mainRecipient" }, "市政府"],
    [{ field: "sectionLead", sectionId: "s1" }, base.sections[0]!.lead.replace("取得新进展", "取得明显成效")],
    [{ field: "itemHeading", sectionId: "s1", itemId: "i1" }, "加强组织领导"],
    [{ field: "itemHeading", sectionId: "s1", itemId: "i2" }, "严格规范行政执法"],
    [{ field: "sectionHeading", sectionId: "s2" }, "存在的问题和原因"],
    [{ field: "closing" }, "专此报告。"],
    [{ field: "meta", key: "signature" }, "青禾县人民政府法治政府建设领导小组办公室"],
    [{ field: "meta", key: "copyTo" }, "市委依法治市办，县人大常委会办公室，县政协办公室"],
  ];
  const fieldSuggestions: FieldSuggestion[] = changes.map(([target, to], index) => ({
    id: `f${index + 1}`,
    ...AUTHOR,
    target,
    from: readField(base, target)!,
    to,
  }));
  return reportSchema.parse({ ...base, fieldSuggestions });
}

const FONTS = Object.fromEntries(
  (["title", "heading1", "heading2", "body", "pageNumber", "latin"] as const).map((role) => [
    role,
    { role, requested: role, family: role, weight: 400, hasBold: false, files: [], coverage: [], isSubstitute: false },
  ]),
) as unknown as Record<FontRole, ResolvedFont>;

type Block = { kind: string; [key: string]: unknown };

function typstBlocks(report: Report): Block[] {
  const options = { ...DEFAULT_EXPORT_OPTIONS, isDraft: true };
  return buildTypstData(buildPrintableReport(report, { closing: { latinGapChars: 0.21 } }), options, FONTS, report.meta.title).data.blocks as Block[];
}

/** The text the runs print without the insertions (the field now) and without the deletions (the suggestion). */
function views(runs: TypstRun[]): { now: string; suggested: string; inserted: string; deleted: string } {
  const pick = (keep: (run: Extract<TypstRun, { text: string }>) => boolean) => runs.map((run) => ("text" in run && keep(run) ? run.text : "")).join("");
  return {
    now: pick((run) => run.change !== "insert"),
    suggested: pick((run) => run.change !== "delete"),
    inserted: pick((run) => run.change === "insert"),
    deleted: pick((run) => run.change === "delete"),
  };
}

function runsOf(blocks: Block[], kind: string, index = 0, key = "runs"): TypstRun[] {
  const found = blocks.filter((block) => block.kind === kind)[index];
  if (!found) throw new Error(`no ${kind} #${index}`);
  return found[key] as TypstRun[];
}

describe("[SUGGEST] field suggestions in the preview's Typst data", () => {
  const blocks = typstBlocks(reportWithFieldSuggestions());

  it("every plain-text field with a suggestion prints its deletions and insertions as change runs", () => {
    const title = (blocks.find((block) => block.kind === "title")!.lineRuns as TypstRun[][]).flat();
    expect(views(title)).toMatchObject({
      now: "青禾县人民政府关于2024年度法治政府建设情况的报告",
      suggested: "青禾县人民政府关于2024年度法治政府建设工作情况的报告",
      inserted: "工作",
      deleted: "",
    });
    expect(views(runsOf(blocks, "docNumber"))).toMatchObject({ now: "青政〔2025〕3号", suggested: "青政〔2025〕4号", inserted: "4", deleted: "3" });
    expect(views(runsOf(blocks, "mainRecipient"))).toMatchObject({ now: "市人民政府：", suggested: "市政府：", inserted: "", deleted: "人民" });

    const headings = blocks.filter((block) => block.kind === "heading");
    const problems = headings.find((block) => (block.outline as { title: string }).title === "二、存在的不足和原因")!;
    expect(views(problems.runs as TypstRun[])).toMatchObject({
      now: "二、存在的不足和原因",
      suggested: "二、存在的问题和原因",
      inserted: "问题",
      deleted: "不足",
    });
    const organise = headings.find((block) => (block.outline as { title: string }).title === "（一）强化组织领导")!;
    expect(views(organise.runs as TypstRun[])).toMatchObject({ now: "（一）强化组织领导", suggested: "（一）加强组织领导" });
    // The run-in heading: its suggestion in the 楷体 heading runs, the body's first paragraph unchanged after it.
    const runIn = blocks.find((block) => block.kind === "runIn")!;
    expect(views(runIn.headingRuns as TypstRun[])).toMatchObject({ now: "（二）规范行政执法。", suggested: "（二）严格规范行政执法。", inserted: "严格" });
    expect(views(runIn.runs as TypstRun[]).now).toMatch(/^全面落实行政执法公示/);
    expect(views(runIn.runs as TypstRun[]).inserted).toBe("");

    const paragraphs = blocks.filter((block) => block.kind === "paragraph").map((block) => views(block.runs as TypstRun[]));
    expect(paragraphs).toContainEqual(
      expect.objectContaining({ suggested: expect.stringContaining("取得明显成效。"), now: expect.stringContaining("取得新进展。") }),
    );
    expect(paragraphs).toContainEqual({ now: "特此报告。", suggested: "专此报告。", inserted: "专", deleted: "特" });

    const closing = blocks.find((block) => block.kind === "closing")!.lines as Array<{ runs: TypstRun[]; startFromRightChars: number }>;
    expect(views(closing[0]!.runs)).toMatchObject({
      now: "青禾县人民政府",
      suggested: "青禾县人民政府法治政府建设领导小组办公室",
      inserted: "法治政府建设领导小组办公室",
    });
    // The 署名 with its insertion starts far enough left to stay on one line; the 成文日期 keeps its place.
    expect(closing[0]!.startFromRightChars).toBeGreaterThanOrEqual(20);
    const plainClosing = typstBlocks(pdfFixtureReport()).find((block) => block.kind === "closing")!.lines as Array<{ startFromRightChars: number }>;
    expect(closing[1]!.startFromRightChars).toBe(plainClosing[1]!.startFromRightChars);
    expect(views(runsOf(blocks, "copyTo"))).toMatchObject({
      now: "抄送：市委依法治市办，县人大常委会办公室。",
      suggested: "抄送：市委依法治市办，县人大常委会办公室，县政协办公室。",
      inserted: "，县政协办公室",
    });
  });

  it("the accepted view (what the final PDF prints) carries no change run and prints the suggested texts", () => {
    const accepted = typstBlocks(acceptedView(reportWithFieldSuggestions()));
    expect(JSON.stringify(accepted)).not.toContain('"change"');
    expect(views(runsOf(accepted, "docNumber")).now).toBe("青政〔2025〕4号");
    expect(accepted.find((block) => block.kind === "mainRecipient")).toMatchObject({ text: "市政府：" });
    expect(accepted.find((block) => block.kind === "mainRecipient")).not.toHaveProperty("runs");
    const titles = accepted.filter((block) => block.kind === "heading").map((block) => (block.outline as { title: string }).title);
    expect(titles).toEqual(expect.arrayContaining(["二、存在的问题和原因", "（一）加强组织领导"]));
  });

  it("a report without suggestions gives the same data as before: no runs on the 主送, plain heading runs", () => {
    const plain = typstBlocks(pdfFixtureReport());
    expect(JSON.stringify(plain)).not.toContain('"change"');
    expect(plain.find((block) => block.kind === "mainRecipient")).toEqual({ kind: "mainRecipient", text: "市人民政府：" });
  });
});

describe.skipIf(shouldSkip)("[SUGGEST] field suggestions rendered in the preview, not in the final PDF", () => {
  afterAll(() => stopTypstEngine());

  it("the preview colours them; the same layout as a PDF holds both texts; the accepted PDF only the suggested one", async () => {
    const report = reportWithFieldSuggestions();
    const preview = await renderReportPreview(report, { ...DEFAULT_EXPORT_OPTIONS, isDraft: true });
    const svg = preview.pages.join("\n").toLowerCase();
    const count = (colour: string) => svg.split(colour).length - 1;
    // Only field suggestions in this report (its bodies carry none): every coloured glyph comes from a field.
    expect(count("#1d4ed8")).toBeGreaterThanOrEqual(10);
    expect(count("#be123c")).toBeGreaterThanOrEqual(6);
    // The run-in heading is bold: in a font without a bold face its outline takes the insertion's colour, not black.
    expect(svg).toMatch(/<use [^>]*fill="#1d4ed8"[^>]*stroke="#1d4ed8"/);
    expect(svg).not.toMatch(/<use [^>]*fill="#1d4ed8"[^>]*stroke="#000000"/);
    const plain = await renderReportPreview(pdfFixtureReport(), { ...DEFAULT_EXPORT_OPTIONS, isDraft: true });
    expect(plain.pages.join("\n").toLowerCase()).not.toContain("#1d4ed8");

    // The preview's layout (same Typst input) as a PDF, for its text: deleted and inserted characters side by side.
    const reviewPdf = await exportReportPdf(report, { ...DEFAULT_EXPORT_OPTIONS, isDraft: true });
    const review = pdfText(writeTempPdf(reviewPdf.bytes, "suggest-fields-review.pdf")).replace(/\s+/g, "");
    expect(review).toMatch(/存在的(不足问题|问题不足)和原因/);
    expect(review).toContain("县人大常委会办公室，县政协办公室");
    expect(review).toMatch(/(特专|专特)此报告/);
    expect(pdfText(writeTempPdf(reviewPdf.bytes, "suggest-fields-review.pdf"))).toMatch(/青禾县人民政府法治政府建设领导小组办公室\n/);

    const finalPdf = await exportReportPdf(acceptedView(report), { ...DEFAULT_EXPORT_OPTIONS, isDraft: false });
    const final = pdfText(writeTempPdf(finalPdf.bytes, "suggest-fields-final.pdf")).replace(/\s+/g, "");
    expect(final).toContain("存在的问题和原因");
    expect(final).not.toContain("存在的不足");
    expect(final).toContain("专此报告。");
    expect(final).not.toContain("特此报告");
    expect(final).toContain("建设工作情况的报告");
  }, 90_000);
});
