import { describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { compareFieldSuggestions } from "@/lib/history/suggestion-kinds";
import { buildPrintableReport, type PrintableInline } from "@/lib/export/layout";
import {
  acceptSuggestion,
  acceptedView,
  findFieldSuggestion,
  listSuggestions,
  rejectSuggestion,
  reportSchema,
  suggestFieldText,
  suggestionPlace,
  type FieldTarget,
  type Report,
} from "@/lib/report-model";
import { validateReport } from "@/lib/validation";

import { buildCompleteReport } from "../../fixtures/complete-report";
import { paragraphsOf, unzipDocx } from "../export/docx/helpers/docx-xml";

// Issue #18 item 1 (audit finding 6): a reviewer suggests the 成文日期 and the report's own 版头/版记 fields.
const REVIEWER = { authorId: "0b6e3f0c-5a43-4c1e-9a55-1d2f9a2d7c11", authorName: "王审核", at: "2026-11-29T08:15:00.000Z" };
const DATE: FieldTarget = { field: "meta", key: "date" };
const SIGNER: FieldTarget = { field: "frame", key: "signer" };

let counter = 0;
const newId = () => `sd${(counter += 1)}`;

function suggest(report: Report, target: FieldTarget, text: string): Report {
  const next = suggestFieldText(report, { target, text, author: REVIEWER, newId });
  if (!next) throw new Error("suggestion refused");
  return next;
}

describe("[SUGGEST] the 成文日期 as a field suggestion", () => {
  it("keeps the stored date, lists the suggestion as 成文日期 and writes it on accept, keeps the old one on reject", () => {
    const base = buildCompleteReport();
    expect(base.meta.date).toBe("2025-02-20");
    const report = reportSchema.parse(suggest(base, DATE, "2025-03-08"));
    expect(report.meta.date).toBe("2025-02-20");
    const [listed] = listSuggestions(report);
    expect(listed).toMatchObject({ kind: "replace", from: "2025-02-20", to: "2025-03-08", authorName: "王审核" });
    expect(suggestionPlace(report, listed!.location)).toBe("成文日期");
    expect(acceptSuggestion(report, listed!.id).meta.date).toBe("2025-03-08");
    expect(acceptSuggestion(report, listed!.id).fieldSuggestions).toBeUndefined();
    expect(rejectSuggestion(report, listed!.id).meta.date).toBe("2025-02-20");
  });

  it("is validated as the accepted date: a suggested date inside the report year is an error, the stored one is not", () => {
    const base = buildCompleteReport();
    const dateFindings = (report: Report) => validateReport(report).filter((finding) => finding.message.includes("成文日期"));
    expect(dateFindings(base)).toEqual([]);
    const report = suggest(base, DATE, "2024-12-30");
    expect(dateFindings(report).map((finding) => finding.message)).toEqual([expect.stringContaining("成文日期为2024年12月30日，早于报告年度")]);
    expect(dateFindings(acceptedView(report)).length).toBe(1);
  });

  it("shows the date as the official reads it in the history's list of field suggestions", () => {
    const base = buildCompleteReport();
    expect(compareFieldSuggestions(base, suggest(base, DATE, "2025-03-08"))).toEqual([
      expect.objectContaining({ place: "成文日期", from: "2025年2月20日", to: "2025年3月8日", change: "added" }),
    ]);
  });

  it("refuses a suggested date that is not YYYY-MM-DD", () => {
    const report = suggest(buildCompleteReport(), DATE, "2025年3月8日");
    const parsed = reportSchema.safeParse(report);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("修订后的日期格式应为 YYYY-MM-DD");
  });

  it("prints the suggested date in colour where the date stands, in the layout and as w:del/w:ins in the review DOCX", async () => {
    const report = suggest(buildCompleteReport(), DATE, "2025-03-08");
    const date = buildPrintableReport(report).find((block) => block.kind === "date");
    expect(date).toMatchObject({ kind: "date", text: "2025年2月20日" });
    const inlines = date?.kind === "date" ? (date.inlines ?? []) : [];
    expect(inlines.map((inline) => (inline.kind === "text" ? [inline.change?.kind ?? "equal", inline.text] : []))).toEqual([
      ["equal", "2025年"],
      ["delete", "2"],
      ["insert", "3"],
      ["equal", "月"],
      ["delete", "20"],
      ["insert", "8"],
      ["equal", "日"],
    ]);
    const xml = unzipDocx(await exportReportDocx(report, { isDraft: true }))["word/document.xml"]!;
    const paragraph = paragraphsOf(xml).find((candidate) => candidate.xml.includes('w:author="王审核"') && candidate.xml.includes("<w:delText"))!;
    expect(paragraph.xml).toMatch(/<w:del [^>]*>.*<w:delText[^>]*>20<\/w:delText>/s);
    expect(paragraph.xml).toMatch(/<w:ins [^>]*>.*<w:t[^>]*>8<\/w:t>/s);
  });

  it("prints a date given to an empty 成文日期 as an insertion", () => {
    const base = buildCompleteReport();
    base.meta.date = "";
    const date = buildPrintableReport(suggest(base, DATE, "2025-03-08")).find((block) => block.kind === "date");
    expect(date?.kind === "date" ? date.inlines : undefined).toEqual([
      expect.objectContaining({ text: "2025年3月8日", change: expect.objectContaining({ kind: "insert" }) }),
    ]);
  });
});

describe("[SUGGEST] the report's own 版头/版记 fields as field suggestions", () => {
  it("suggests a 签发人 on a report that follows the agency profile, and accepting writes the report's own 签发人", () => {
    const base = buildCompleteReport();
    expect(base.frame).toBeUndefined();
    const report = reportSchema.parse(suggest(base, SIGNER, "张三"));
    expect(report.frame).toBeUndefined();
    const open = findFieldSuggestion(report, SIGNER)!;
    expect(open).toMatchObject({ from: "", to: "张三" });
    expect(suggestionPlace(report, listSuggestions(report)[0]!.location)).toBe("签发人");
    expect(acceptSuggestion(report, open.id).frame).toEqual({ signer: "张三" });
    expect(rejectSuggestion(report, open.id).frame).toBeUndefined();
  });

  it("gives an emptied field back to the agency profile on accept, keeping the report's other choices", () => {
    const base = { ...buildCompleteReport(), frame: { signer: "李四", isSealed: true } };
    const report = suggest(base, SIGNER, "");
    const open = findFieldSuggestion(report, SIGNER)!;
    expect(open).toMatchObject({ from: "李四", to: "" });
    expect(acceptSuggestion(report, open.id).frame).toEqual({ isSealed: true });
    const onlySigner = suggest({ ...buildCompleteReport(), frame: { signer: "李四" } }, SIGNER, "");
    expect(acceptSuggestion(onlySigner, findFieldSuggestion(onlySigner, SIGNER)!.id).frame).toBeUndefined();
  });

  it("holds each frame field to the report schema's length and the 印发日期 to a date", () => {
    expect(reportSchema.safeParse(suggest(buildCompleteReport(), SIGNER, "签".repeat(21))).success).toBe(false);
    expect(reportSchema.safeParse(suggest(buildCompleteReport(), SIGNER, "签".repeat(20))).success).toBe(true);
    expect(reportSchema.safeParse(suggest(buildCompleteReport(), { field: "frame", key: "imprintDate" }, "3月8日")).success).toBe(false);
    const imprint = reportSchema.parse(suggest(buildCompleteReport(), { field: "frame", key: "imprintDate" }, "2025-03-09"));
    expect(acceptedView(imprint).frame).toEqual({ imprintDate: "2025-03-09" });
  });

  it("prints a suggested 签发人 as a tracked change in the 版头 of the layout and the review DOCX", async () => {
    const base = buildCompleteReport();
    base.meta.docNumber = "青水〔2025〕3号";
    const report = suggest({ ...base, frame: { signer: "李四" } }, SIGNER, "张三");
    const options = { frame: { signer: "李四" }, acceptedFrame: { signer: "张三" } };
    const number = buildPrintableReport(report, options).find((block) => block.kind === "docNumber");
    expect(number).toMatchObject({ signer: "李四" });
    const inlines = number?.kind === "docNumber" ? (number.signerInlines ?? []) : [];
    expect(inlines.map((inline) => (inline.kind === "text" ? [inline.change?.kind ?? "equal", inline.text] : []))).toEqual([
      ["delete", "李四"],
      ["insert", "张三"],
    ]);
    // Without the accepted frame, or once accepted, the 签发人 prints plain.
    expect(buildPrintableReport(report, { frame: { signer: "李四" } }).find((block) => block.kind === "docNumber")).not.toHaveProperty("signerInlines");
    const xml = unzipDocx(await exportReportDocx(report, { isDraft: true, ...options }))["word/document.xml"]!;
    const paragraph = paragraphsOf(xml).find((candidate) => candidate.xml.includes("签发人："))!;
    expect(paragraph.xml).toMatch(/<w:del [^>]*w:author="王审核"[^>]*>.*<w:delText[^>]*>李四<\/w:delText>/s);
    expect(paragraph.xml).toMatch(/<w:ins [^>]*w:author="王审核"[^>]*>.*<w:t[^>]*>张三<\/w:t>/s);
  });

  it("prints a 签发人 suggested on a report that has none as an insertion", () => {
    const base = buildCompleteReport();
    base.meta.docNumber = "青水〔2025〕3号";
    const report = suggest(base, SIGNER, "张三");
    const number = buildPrintableReport(report, { frame: {}, acceptedFrame: { signer: "张三" } }).find((block) => block.kind === "docNumber");
    expect(number).toMatchObject({
      signer: "张三",
      signerInlines: [expect.objectContaining({ text: "张三", change: expect.objectContaining({ kind: "insert" }) })],
    });
  });

  it("prints a suggested 印发机关 and 印发日期 as tracked changes in the 版记, and a suggested 成文日期 on the 印发 line it sets", async () => {
    const kinds = (inlines: readonly PrintableInline[] | undefined) =>
      (inlines ?? []).map((inline) => (inline.kind === "text" ? `${inline.change?.kind ?? "equal"}:${inline.text}` : inline.kind));
    const imprintOf = (report: Report, options: Parameters<typeof buildPrintableReport>[1]) => {
      const block = buildPrintableReport(report, options).find((candidate) => candidate.kind === "copyTo");
      return block?.kind === "copyTo" ? block.imprint : undefined;
    };
    const base = { ...buildCompleteReport(), frame: { imprintAgency: "青溪市水务局办公室" } };
    const report = suggest(suggest(base, { field: "frame", key: "imprintAgency" }, "青溪市水务局综合科"), { field: "frame", key: "imprintDate" }, "2025-02-21");
    const options = { frame: { imprintAgency: "青溪市水务局办公室" }, acceptedFrame: { imprintAgency: "青溪市水务局综合科", imprintDate: "2025-02-21" } };
    const imprint = imprintOf(report, options);
    expect(imprint).toMatchObject({ agency: "青溪市水务局办公室", date: "2025年2月20日印发" });
    expect(kinds(imprint?.agencyInlines)).toEqual(["equal:青溪市水务局", "delete:办公室", "insert:综合科"]);
    expect(kinds(imprint?.dateInlines)).toEqual(["equal:2025年2月2", "delete:0", "insert:1", "equal:日印发"]);
    const xml = unzipDocx(await exportReportDocx(report, { isDraft: true, ...options }))["word/document.xml"]!;
    const line = paragraphsOf(xml).find((candidate) => candidate.xml.includes("印发"))!;
    expect(line.xml).toMatch(/<w:ins [^>]*>.*<w:t[^>]*>综合科<\/w:t>/s);

    // Without an own 印发日期, the line follows the 成文日期 and shows its suggestion.
    const dated = suggest(base, DATE, "2025-03-08");
    const followed = imprintOf(dated, { frame: { imprintAgency: "青溪市水务局办公室" }, acceptedFrame: { imprintAgency: "青溪市水务局办公室" } });
    expect(kinds(followed?.agencyInlines)).toEqual([]);
    expect(kinds(followed?.dateInlines)).toEqual(["equal:2025年", "delete:2", "insert:3", "equal:月", "delete:20", "insert:8", "equal:日印发"]);
  });
});
