import { describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { applyTrackedChanges, readTrackedDocx } from "@/lib/import/tracked";
import { listSuggestions, rejectedView } from "@/lib/report-model";

import { buildReportUnderReview, openThreads, SUGGESTED_AT } from "../../fixtures/tracked-report";
import { paragraphsOf, unzipDocx } from "./docx/helpers/docx-xml";

const WORD_DATE = SUGGESTED_AT.replace(".000Z", "Z");

describe("[EXPORT]: review DOCX with suggestions and comments", () => {
  it("writes each suggestion as w:ins / w:del with author and date, and the accepted text reads right", async () => {
    const report = buildReportUnderReview();
    const xml = unzipDocx(await exportReportDocx(report, { isDraft: true }))["word/document.xml"]!;
    const insertions = [...xml.matchAll(/<w:ins w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)">(.*?)<\/w:ins>/gs)];
    const deletions = [...xml.matchAll(/<w:del w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)">(.*?)<\/w:del>/gs)];
    expect(insertions.map((match) => [match[2], match[3], /<w:t[^>]*>([^<]*)<\/w:t>/.exec(match[4]!)?.[1]])).toEqual([["李审核", WORD_DATE, "八次"]]);
    expect(deletions.map((match) => [match[2], match[3], /<w:delText[^>]*>([^<]*)<\/w:delText>/.exec(match[4]!)?.[1]])).toEqual([
      ["李审核", WORD_DATE, "六次"],
      ["李审核", WORD_DATE, "平均"],
    ]);
    const ids = [...insertions, ...deletions].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    // The paragraph shows old and new text side by side: Word's 修订 view.
    const paragraph = paragraphsOf(xml).find((candidate) => candidate.text.includes("全年开展专题学习"))!;
    expect(paragraph.text).toContain("全年开展专题学习八次，");
    expect(paragraph.xml).toMatch(/<w:delText[^>]*>六次<\/w:delText>.*<w:t[^>]*>八次<\/w:t>/s);
  });

  it("keeps a suggestion in a short numbered paragraph that would otherwise print as a plain level-3 heading", async () => {
    const report = buildReportUnderReview();
    const mark = { type: "suggestInsert" as const, attrs: { id: "s-h3", authorId: "reviewer-li", authorName: "李审核", at: SUGGESTED_AT } };
    report.sections[0]!.items[3]!.body.content.unshift({
      type: "paragraph",
      content: [
        { type: "text", text: "1.加强" },
        { type: "text", text: "制度", marks: [mark] },
        { type: "text", text: "建设" },
      ],
    });
    const xml = unzipDocx(await exportReportDocx(report, { isDraft: true }))["word/document.xml"]!;
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="李审核" w:date="[^"]+"><w:r>.*?<w:t[^>]*>制度<\/w:t><\/w:r><\/w:ins>/s);
  });

  it("writes a suggested line break inside w:ins", async () => {
    const report = buildReportUnderReview();
    const mark = { type: "suggestInsert" as const, attrs: { id: "s-br", authorId: "reviewer-li", authorName: "李审核", at: SUGGESTED_AT } };
    report.sections[0]!.items[4]!.body.content[0]!.content!.push({ type: "hardBreak", marks: [mark] }, { type: "text", text: "另起一行。", marks: [mark] });
    const xml = unzipDocx(await exportReportDocx(report, { isDraft: true }))["word/document.xml"]!;
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="李审核" w:date="[^"]+"><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:br\/><\/w:r><\/w:ins>/s);
    expect(xml).toMatch(/<w:t[^>]*>另起一行。<\/w:t><\/w:r><\/w:ins>/);
  });

  it("anchors open comments to their text in comments.xml with range start, end and reference", async () => {
    const report = buildReportUnderReview();
    const parts = unzipDocx(await exportReportDocx(report, { isDraft: true, comments: openThreads(report) }));
    const document = parts["word/document.xml"]!;
    const comments = parts["word/comments.xml"]!;
    expect(parts["word/_rels/document.xml.rels"]).toContain("comments.xml");
    expect(comments).toMatch(/<w:comment w:id="0" [^>]*w:author="李审核" w:date="2026-11-20T03:00:00/);
    expect(comments).toContain("请补充一窗受理的办件数量。");
    expect(comments).toContain("张起草回复：已在核对统计口径。");
    expect(comments).toMatch(/<w:comment w:id="1" [^>]*w:author="王局长"/);
    expect(comments).toContain("（针对条目标题）这一条标题再精炼一些。");
    const anchored = /<w:commentRangeStart w:id="0"\/>(.*?)<w:commentRangeEnd w:id="0"\/>/s.exec(document)?.[1] ?? "";
    expect([...anchored.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((match) => match[1]).join("")).toBe("一窗受理");
    expect(document).toMatch(/<w:commentRangeEnd w:id="0"\/><w:r>.*?<w:commentReference w:id="0"\/>/s);
    // The item-level thread covers the item's first paragraph.
    const third = report.sections.find((section) => section.kind === "measures")!.items[2]!;
    const whole = /<w:commentRangeStart w:id="1"\/>(.*?)<w:commentRangeEnd w:id="1"\/>/s.exec(document)?.[1] ?? "";
    expect([...whole.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((match) => match[1]).join("")).toBe(third.body.content[0]!.content![0]!.text);
  });

  it("reads its own export back: the same report gains nothing; the report without them gets the same suggestions back", async () => {
    const report = buildReportUnderReview();
    const threads = openThreads(report);
    const docx = readTrackedDocx(await exportReportDocx(report, { isDraft: true, comments: threads }));
    let counter = 0;
    const options = { now: "2026-11-29T00:00:00.000Z", newId: () => `new${++counter}`, existingComments: threads.map((thread) => thread.comments[0]!.body) };
    const same = applyTrackedChanges(report, docx, options);
    expect(same.insertions + same.deletions).toBe(0);
    expect(same.report).toEqual(report);
    expect(same.existingCommentCount).toBe(2);
    expect(same.comments).toEqual([]);
    expect(same.log).toEqual([]);

    const back = applyTrackedChanges(rejectedView(report), docx, { ...options, existingComments: [] });
    const strip = (list: ReturnType<typeof listSuggestions>) =>
      list.map(({ kind, text, authorName, at, location }) => ({ kind, text, authorName, at, location }));
    expect(strip(listSuggestions(back.report))).toEqual(strip(listSuggestions(report)));
    // The item-level thread was anchored on the item's first paragraph, so it comes back anchored there.
    const third = report.sections.find((section) => section.kind === "measures")!.items[2]!;
    expect(back.comments.map((comment) => [comment.anchor.itemId, comment.anchor.field, comment.anchor.quote, comment.author])).toEqual([
      [report.sections.find((section) => section.kind === "measures")!.items[1]!.id, "body", "一窗受理", "李审核"],
      [third.id, "body", third.body.content[0]!.content![0]!.text, "王局长"],
    ]);
  });
});
