import { describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { buildPrintableReport } from "@/lib/export/layout";
import { applyTrackedChanges, readTrackedDocx } from "@/lib/import/tracked";
import { acceptedView, rejectedView, type FieldSuggestion } from "@/lib/report-model";

import { buildReportWithFieldSuggestions, LEADER_ATTRS } from "../../fixtures/tracked-report";
import { paragraphsOf, unzipDocx } from "./docx/helpers/docx-xml";

const WORD_DATE = LEADER_ATTRS.at.replace(".000Z", "Z");
const options = () => {
  let counter = 0;
  return { now: "2026-11-29T00:00:00.000Z", newId: () => `rt${++counter}`, authorIdFor: (name: string) => (name === "王局长" ? "leader-wang" : undefined) };
};

/** Each paragraph with field changes as "text, [-deleted-], {+inserted+}". */
function trackedParagraphs(xml: string): string[] {
  return paragraphsOf(xml)
    .filter((paragraph) => /<w:(ins|del) w:id="\d+" w:author="王局长"/.test(paragraph.xml))
    .map((paragraph) =>
      [...paragraph.xml.matchAll(/<w:(ins|del) [^>]*>(.*?)<\/w:\1>|<w:r>(?:(?!<\/w:r>).)*?<w:t[^>]*>([^<]*)<\/w:t>(?:(?!<\/w:r>).)*?<\/w:r>/gs)]
        .map((match) => {
          if (match[3] !== undefined) return match[3];
          const text = [...match[2]!.matchAll(/<w:(?:t|delText)[^>]*>([^<]*)<\/w:(?:t|delText)>/g)].map((part) => part[1]).join("");
          return match[1] === "ins" ? `{+${text}+}` : `[-${text}-]`;
        })
        .join(""),
    );
}

describe("[EXPORT]: field suggestions in the DOCX as w:ins / w:del", () => {
  it("writes the title, 主送, headings, run-in heading, lead, closing, 落款 and 抄送 with their suggestions as tracked changes", async () => {
    const report = buildReportWithFieldSuggestions();
    const xml = unzipDocx(await exportReportDocx(report, { isDraft: true }))["word/document.xml"]!;
    const runIn = trackedParagraphs(xml).find((text) => text.startsWith("（四）"))!;
    const runInStart = "（四）严格落实重大行政决策{+法定+}程序。修订";
    expect(trackedParagraphs(xml).map((text) => (text === runIn ? text.slice(0, runInStart.length) : text))).toEqual([
      "青溪市水务局关于2024年度法治政府建设{+工作+}情况的报告",
      "青溪市人民政府{+办公室+}：",
      "一、2024年推进法治政府建设的[-主要-]举措和成效",
      "（二）依法全面履行部门职能，[-持续-]{+进一步+}优化法治化营商环境",
      runInStart,
      "对照年初计划，我局[-逐项-]{+认真+}查找工作中的不足。",
      "现将主要问题{+和原因+}报告如下。",
      "特此报告{+，请审阅+}。",
      "青溪市水[-务-]{+利+}局",
      "抄送：市司法局{+、市财政局+}。",
    ]);
    const changes = [...xml.matchAll(/<w:(ins|del) w:id="(\d+)" w:author="王局长" w:date="([^"]*)">/g)];
    expect(changes.length).toBe(13);
    expect(new Set(changes.map((match) => match[3]))).toEqual(new Set([WORD_DATE]));
    // Every w:ins / w:del of the document has its own number, the body's included.
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("prints the title's change on the line where it falls, and no change for a field without a suggestion", () => {
    const report = buildReportWithFieldSuggestions();
    const blocks = buildPrintableReport(report);
    const title = blocks.find((block) => block.kind === "title")!;
    expect(title.kind === "title" && title.lines.length).toBe(2);
    if (title.kind !== "title") return;
    expect(
      title.lineInlines!.map((line) => line.map((inline) => (inline.kind === "text" ? `${inline.change?.kind ?? ""}:${inline.text}` : "")).join("|")),
    ).toEqual(
      title.lines[0]!.includes("建设")
        ? [expect.stringContaining("insert:工作"), expect.not.stringContaining("insert")]
        : [expect.not.stringContaining("insert"), expect.stringContaining("insert:工作")],
    );
    const plain = buildPrintableReport(rejectedView(report));
    expect(JSON.stringify(plain)).not.toContain('"change"');
  });

  it("writes a lead suggestion that adds a line as an inserted break, reads it back, and prints a lead whose lines it joins as it is", async () => {
    const report = buildReportWithFieldSuggestions();
    const problems = report.sections.find((section) => section.kind === "problems")!;
    const lead = report.fieldSuggestions!.find((suggestion) => suggestion.target.field === "sectionLead")!;
    const to = "对照年初计划，我局认真查找工作中的不足。\n现将主要问题报告如下。\n整改情况另行报告。";
    lead.to = to;
    const bytes = await exportReportDocx(report, { isDraft: true });
    const paragraph = paragraphsOf(unzipDocx(bytes)["word/document.xml"]!).find((candidate) => candidate.text.startsWith("现将主要问题"))!;
    expect(paragraph.xml).toMatch(/<w:ins [^>]*w:author="王局长"[^>]*><w:r>(?:(?!<\/w:r>).)*<w:br\/>(?:(?!<\/w:r>).)*<\/w:r><\/w:ins>/s);
    expect(paragraph.xml).toMatch(/<w:ins [^>]*><w:r>(?:(?!<\/w:r>).)*<w:t[^>]*>整改情况另行报告/s);
    const docx = readTrackedDocx(bytes);
    const fresh = applyTrackedChanges(rejectedView(report), docx, options());
    expect(fresh.log).toEqual([]);
    expect(fresh.report.fieldSuggestions?.find((suggestion) => suggestion.target.field === "sectionLead")?.to).toBe(to);
    expect(applyTrackedChanges(report, docx, options())).toMatchObject({ fieldChanges: 0, log: [] });

    lead.to = "对照年初计划，我局逐项查找工作中的不足。现将主要问题报告如下。";
    const joined = unzipDocx(await exportReportDocx(report, { isDraft: true }))["word/document.xml"]!;
    const leadParagraphs = paragraphsOf(joined).filter((candidate) => problems.lead.split("\n").includes(candidate.text));
    expect(leadParagraphs).toHaveLength(2);
    expect(leadParagraphs.every((candidate) => !/<w:(ins|del) /.test(candidate.xml))).toBe(true);
    const same = applyTrackedChanges(report, readTrackedDocx(await exportReportDocx(report, { isDraft: true })), options());
    expect(same).toMatchObject({ fieldChanges: 0, log: [] });
    expect(same.report).toEqual(report);
  });

  it("reads back from its own DOCX: the report's suggestions are recognised, and a report without them gets the same ones", async () => {
    const report = buildReportWithFieldSuggestions();
    const docx = readTrackedDocx(await exportReportDocx(report, { isDraft: true }));
    const same = applyTrackedChanges(report, docx, options());
    expect(same).toMatchObject({ fieldChanges: 0, insertions: 0, deletions: 0, log: [] });
    expect(same.report).toEqual(report);

    const fresh = applyTrackedChanges(rejectedView(report), docx, options());
    const shape = (list: readonly FieldSuggestion[] | undefined) =>
      (list ?? []).map(({ target, from, to, authorId, authorName, at }) => ({ target, from, to, authorId, authorName, at }));
    expect(fresh.log).toEqual([]);
    expect(fresh.fieldChanges).toBe(9);
    expect(shape(fresh.report.fieldSuggestions)).toEqual(expect.arrayContaining(shape(report.fieldSuggestions)));
    expect(acceptedView(fresh.report)).toEqual(acceptedView(report));
  });
});

describe("[EXPORT]: a title typed in two lines", () => {
  it("carries its suggestion out and back, the exported copy recognised as the report's own", async () => {
    const report = buildReportWithFieldSuggestions();
    report.meta.title = "青溪市水务局关于\n2024年度法治政府建设情况的报告";
    const suggestion = report.fieldSuggestions!.find((candidate) => candidate.target.field === "meta")!;
    suggestion.from = report.meta.title;
    suggestion.to = "青溪市水务局关于\n2024年度法治政府建设工作情况的报告";
    const docx = readTrackedDocx(await exportReportDocx(report, { isDraft: true }));
    expect(applyTrackedChanges(report, docx, options())).toMatchObject({ fieldChanges: 0, log: [] });
    const fresh = applyTrackedChanges(rejectedView(report), docx, options());
    expect(fresh.report.fieldSuggestions?.find((candidate) => candidate.target.field === "meta" && candidate.target.key === "title")?.to).toBe(
      "青溪市水务局关于2024年度法治政府建设工作情况的报告",
    );
  });
});
