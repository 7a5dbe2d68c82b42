import { describe, expect, it } from "vitest";

import { createReportFromTemplate, docToText, reportSchema, textToDoc } from "@/lib/report-model";
import { findPendingRangesInText, rollForwardReport } from "@/lib/reuse";
import { listTemplates } from "@/templates";

import { report2024 } from "./fixtures";

const NOW = new Date("2026-01-15T08:00:00+08:00");

describe("roll-forward of the opening (导语)", () => {
  const previous = {
    ...report2024(),
    opening: textToDoc("2024年，县市场监管局坚持依法行政，全年办理行政处罚案件412件，较2023年增长12%。现将有关情况报告如下："),
    closing: "特此报告。",
  };
  const { report: next, stats } = rollForwardReport(previous, { now: NOW });

  it("moves the leading report year and keeps the closing", () => {
    expect(docToText(next.opening)).toBe("2025年，县市场监管局坚持依法行政，全年办理行政处罚案件412件，较2023年增长12%。现将有关情况报告如下：");
    expect(next.closing).toBe("特此报告。");
    expect(() => reportSchema.parse(next)).not.toThrow();
  });

  it("marks last year's figures and other years 待更新, like an item body", () => {
    const marks = next.openingPendingUpdates ?? [];
    expect(marks.map((mark) => [mark.text, mark.kind])).toEqual(
      expect.arrayContaining([
        ["412件", "figure"],
        ["2023年", "year"],
        ["12%", "figure"],
      ]),
    );
    expect(marks.some((mark) => mark.text === "2025年")).toBe(false);
    expect(findPendingRangesInText(docToText(next.opening), marks).length).toBe(marks.length);
    expect(stats.pendingFigures).toBeGreaterThanOrEqual(2);
  });

  it("does not change last year's report", () => {
    expect(docToText(previous.opening)).toMatch(/^2024年/);
  });
});

describe("templates give written guidance for the opening, never opening text", () => {
  it.each(listTemplates().map((template) => [template.id, template] as const))("%s", (_id, template) => {
    expect(template.opening?.guidance).toMatch(/年度[\s\S]*指导思想[\s\S]*一句话[\s\S]*现将有关情况报告如下/);
    expect(template.opening?.closingGuidance).toMatch(/特此报告。/);
    const report = createReportFromTemplate(template, { agency: "云溪县市场监督管理局", year: 2025 });
    expect(docToText(report.opening)).toBe("");
    expect(report.closing).toBe("");
  });
});
