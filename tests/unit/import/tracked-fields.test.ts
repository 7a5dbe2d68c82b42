import { describe, expect, it } from "vitest";

import { applyTrackedChanges } from "@/lib/import/tracked";
import { readDocumentXml } from "@/lib/import/tracked/read-tracked-docx";
import { diffChars } from "@/lib/export/layout/track-changes-diff";
import { docToText, type Report } from "@/lib/report-model";

import { buildCompleteReport } from "../../fixtures/complete-report";

const options = () => {
  let counter = 0;
  return { now: "2026-11-29T00:00:00.000Z", newId: () => `f${++counter}` };
};
const AT = "2026-11-25T09:30:00Z";
const W = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="x"><w:body>${body}</w:body></w:document>`;
const t = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const del = (text: string, author = "王局长") => `<w:del w:id="1" w:author="${author}" w:date="${AT}"><w:r><w:delText>${text}</w:delText></w:r></w:del>`;
const ins = (text: string, author = "王局长") => `<w:ins w:id="2" w:author="${author}" w:date="${AT}"><w:r><w:t>${text}</w:t></w:r></w:ins>`;
const p = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;

function fixture(): Report {
  const report = buildCompleteReport();
  report.closing = "特此报告。";
  report.meta.copyTo = "市司法局";
  const measures = report.sections[0]!;
  measures.lead = "2024年，我局围绕中心工作推进依法行政。\n全年未发生重大行政争议。";
  measures.items[3]!.isRunIn = true;
  return report;
}

function apply(report: Report, body: string) {
  return applyTrackedChanges(report, { ...readDocumentXml(W(body)), comments: [] }, options());
}

describe("[IMPORT]: a leader's changes to headings, leads, the closing and the meta fields", () => {
  it("reads a part heading and an item heading under their numerals as each field's value before and after", () => {
    const report = fixture();
    const [measures] = report.sections;
    const result = apply(
      report,
      p(t("一、2024年推进法治政府建设的"), del("主要"), t("举措和成效")) +
        p(t("（二）依法全面履行部门职能，"), del("持续"), ins("进一步"), t("优化法治化营商环境"), ins("建设")),
    );
    expect(result.fieldEdits).toEqual([
      {
        ref: { field: "sectionHeading", sectionId: measures!.id },
        label: "部分标题",
        from: "2024年推进法治政府建设的主要举措和成效",
        to: "2024年推进法治政府建设的举措和成效",
        authorName: "王局长",
        date: AT,
        changeKeys: [expect.stringMatching(/^w:del#1#/)],
      },
      expect.objectContaining({
        ref: { field: "itemHeading", sectionId: measures!.id, itemId: measures!.items[1]!.id },
        from: "依法全面履行部门职能，持续优化法治化营商环境",
        to: "依法全面履行部门职能，进一步优化法治化营商环境建设",
      }),
    ]);
    expect(result.fieldEdits[1]!.changeKeys).toHaveLength(3);
    expect(result.log).toEqual([]);
    // The report itself is not changed: the edits are handed to the caller as field suggestions.
    expect(result.report).toEqual(report);
    expect(result.insertions + result.deletions).toBe(0);
  });

  it("puts changes to two lines of a part's lead into one edit of the lead", () => {
    const report = fixture();
    const result = apply(
      report,
      p(t("一、2024年推进法治政府建设的主要举措和成效")) +
        p(t("2024年，我局围绕"), ins("全市"), t("中心工作推进依法行政。")) +
        p(t("全年未发生"), del("重大"), t("行政争议。")),
    );
    expect(result.fieldEdits.map(({ ref, from, to }) => ({ ref, from, to }))).toEqual([
      {
        ref: { field: "lead", sectionId: report.sections[0]!.id },
        from: "2024年，我局围绕中心工作推进依法行政。\n全年未发生重大行政争议。",
        to: "2024年，我局围绕全市中心工作推进依法行政。\n全年未发生行政争议。",
      },
    ]);
  });

  it("reads a run-in heading before its first paragraph: the heading's change is the heading's, the body's the body's", () => {
    const report = fixture();
    const item = report.sections[0]!.items[3]!;
    const body = docToText(item.body);
    const result = apply(
      report,
      p(t("（四）严格落实重大行政决策"), ins("法定"), t("程序"), ins("规定"), t("。"), t(body.slice(0, 4)), del(body.slice(4, 6)), t(body.slice(6))),
    );
    expect(result.fieldEdits.map(({ ref, from, to }) => ({ ref, from, to }))).toEqual([
      { ref: { field: "itemHeading", sectionId: report.sections[0]!.id, itemId: item.id }, from: "严格落实重大行政决策程序", to: "严格落实重大行政决策法定程序规定" },
    ]);
    expect(result.deletions).toBe(1);
    expect(result.log).toEqual([]);
  });

  it("reads the title across its printed lines, 主送 without its colon, 抄送 inside “抄送：…。” and the closing", () => {
    const report = fixture();
    const result = apply(
      report,
      p(t("青溪市水务局关于2024年度"), `<w:r><w:br/></w:r>`, ins("全市"), t("法治政府建设情况的报告")) +
        p(t("青溪市人民政府"), ins("办公室"), t("：")) +
        p(t("特此"), del("报告"), ins("报告，请审阅"), t("。")) +
        p(t("青溪市"), del("水务局")) +
        p(t("抄送：市司法局"), ins("、市财政局"), t("。")),
    );
    expect(result.fieldEdits.map(({ ref, from, to }) => [ref, from, to])).toEqual([
      [{ field: "meta", key: "title" }, "青溪市水务局关于2024年度法治政府建设情况的报告", "青溪市水务局关于2024年度全市法治政府建设情况的报告"],
      [{ field: "meta", key: "mainRecipient" }, "青溪市人民政府", "青溪市人民政府办公室"],
      [{ field: "closing" }, "特此报告。", "特此报告，请审阅。"],
      [{ field: "meta", key: "signature" }, "青溪市水务局", "青溪市"],
      [{ field: "meta", key: "copyTo" }, "市司法局", "市司法局、市财政局"],
    ]);
  });

  it("logs a change to a numeral or to the colon the exporter adds, and takes the heading's own change", () => {
    const report = fixture();
    const result = apply(report, p(del("一、"), ins("二、"), t("2024年推进法治政府建设的主要举措和成效"), ins("情况")) + p(t("青溪市人民政府"), del("：")));
    expect(result.fieldEdits.map(({ from, to }) => [from, to])).toEqual([["2024年推进法治政府建设的主要举措和成效", "2024年推进法治政府建设的主要举措和成效情况"]]);
    expect(result.log).toEqual([
      "部分标题“2024年推进法治政府建设的主要举措和成效”前后编号或标点的修订未导入（插入“二、”，删除“一、”）：编号和标点由导出时自动生成。",
      "主送机关“青溪市人民政府”前后编号或标点的修订未导入（删除“：”）：编号和标点由导出时自动生成。",
    ]);
  });

  it("takes nothing from an unchanged heading, and the first change's author when two people changed one field", () => {
    const report = fixture();
    const result = apply(report, p(t("（一）深入学习贯彻习近平法治思想，加强党对法治政府建设的领导")) + p(t("（三）加强制度建设，"), del("严格", "李审核"), ins("从严", "王局长"), t("规范性文件管理")));
    expect(result.fieldEdits).toHaveLength(1);
    expect(result.fieldEdits[0]).toMatchObject({ to: "加强制度建设，从严规范性文件管理", authorName: "李审核" });
  });
});

describe("[EXPORT]: the character diff a field suggestion is written with", () => {
  it("keeps the shared start and end and gives the fewest changes between", () => {
    expect(diffChars("依法全面履行部门职能，持续优化法治化营商环境", "依法全面履行部门职能，进一步优化法治化营商环境建设")).toEqual([
      { kind: "same", text: "依法全面履行部门职能，" },
      { kind: "delete", text: "持续" },
      { kind: "insert", text: "进一步" },
      { kind: "same", text: "优化法治化营商环境" },
      { kind: "insert", text: "建设" },
    ]);
    expect(diffChars("特此报告。", "特此报告。")).toEqual([{ kind: "same", text: "特此报告。" }]);
    expect(diffChars("", "新标题")).toEqual([{ kind: "insert", text: "新标题" }]);
    expect(diffChars("旧标题", "")).toEqual([{ kind: "delete", text: "旧标题" }]);
  });

  it("reads back as both texts on long input, past the subsequence bound too", () => {
    const from = "甲乙丙丁".repeat(600);
    const to = "乙丙丁甲".repeat(600);
    for (const [a, b] of [
      [from, to],
      ["一二三四五六七八九十".repeat(3), "一二三X五六七Y九十".repeat(3)],
    ] as const) {
      const pieces = diffChars(a, b);
      expect(pieces.filter((piece) => piece.kind !== "insert").map((piece) => piece.text).join("")).toBe(a);
      expect(pieces.filter((piece) => piece.kind !== "delete").map((piece) => piece.text).join("")).toBe(b);
    }
  });
});
