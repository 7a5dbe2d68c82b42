import { describe, expect, it } from "vitest";

import { REPORT_LIMITS, reportSchema, type Report, type RichNode } from "@/lib/report-model";

import { buildCompleteReport } from "../../fixtures/complete-report";

function cell(text: string, attrs: Record<string, number> = {}): RichNode {
  return { type: "tableCell", attrs, content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

function withFirstBody(body: RichNode): Report {
  const report = buildCompleteReport();
  report.sections[0]!.items[0]!.body = { type: "doc", content: [body] };
  return report;
}

function issuesOf(report: unknown): string[] {
  const result = reportSchema.safeParse(report);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("report limits", () => {
  it("accepts a complete real-shaped report", () => {
    expect(issuesOf(buildCompleteReport())).toEqual([]);
  });

  it.each([
    ["colspan 1e8", { colspan: 100_000_000 }, "合并列数"],
    ["rowspan 1e8", { rowspan: 100_000_000 }, "合并行数"],
    ["fractional colspan", { colspan: 1.5 }, "合并列数"],
    ["colspan 0", { colspan: 0 }, "合并列数"],
  ])("refuses a table cell with %s", (_name, attrs, expected) => {
    const table: RichNode = { type: "table", content: [{ type: "tableRow", content: [cell("甲", attrs)] }] };
    expect(issuesOf(withFirstBody(table)).join()).toContain(expected);
  });

  it("refuses a table wider than the column limit and accepts one at the limit", () => {
    const row = (count: number): RichNode => ({ type: "tableRow", content: Array.from({ length: count }, () => cell("数")) });
    expect(issuesOf(withFirstBody({ type: "table", content: [row(REPORT_LIMITS.maxTableColumns)] }))).toEqual([]);
    expect(issuesOf(withFirstBody({ type: "table", content: [row(REPORT_LIMITS.maxTableColumns + 1)] })).join()).toContain("表格列数超过上限");
  });

  it("refuses a table with more rows than the limit", () => {
    const rows = Array.from({ length: REPORT_LIMITS.maxTableRows + 1 }, (): RichNode => ({ type: "tableRow", content: [cell("行")] }));
    // The body schema caps one content array at 5000 nodes, so 1001 rows pass it and reach the table limit.
    expect(issuesOf(withFirstBody({ type: "table", content: rows })).join()).toContain("表格行数超过上限");
  });

  it("refuses an item body over the per-item character limit", () => {
    const paragraph = (text: string): RichNode => ({ type: "paragraph", content: [{ type: "text", text }] });
    const report = buildCompleteReport();
    report.sections[0]!.items[0]!.body = { type: "doc", content: [paragraph("长".repeat(150_000)), paragraph("长".repeat(60_000))] };
    expect(issuesOf(report).join()).toContain("正文超过 20 万字上限");
  });

  it("refuses a report over the total character limit with the count in the message", () => {
    const report = buildCompleteReport();
    for (const item of report.sections[0]!.items)
      item.body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "字".repeat(100_000) }] }] };
    expect(issuesOf(report).join()).toMatch(/报告总字数超过 50 万字上限（实有约 \d+ 万字）/);
  });
});
