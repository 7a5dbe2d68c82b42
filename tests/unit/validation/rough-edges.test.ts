import { describe, expect, it } from "vitest";

import { createReportFromTemplate, GANGYAO_AREAS } from "@/lib/report-model";
import { completeness, gangyaoCoverage, validateReport } from "@/lib/validation";
import { getTemplate } from "@/templates";

import { buildCompleteReport } from "../../fixtures/complete-report";

// Issue #19, rough edges 3–5: the editor's meter, the guidance panel and the missing-date message.
describe("[ROUGH EDGES] completeness, 纲要 coverage and the missing-date message", () => {
  it("[COMPLETENESS]: a finished report counts only the required parts (4/4), not the optional 其他 part", () => {
    const template = getTemplate("department");
    const report = buildCompleteReport();
    const result = completeness(report, template);
    const requiredCount = template.sections.filter((section) => section.isRequired).length;
    expect(requiredCount).toBeLessThan(template.sections.length);
    expect(result.total).toBe(requiredCount);
    expect(result.done).toBe(requiredCount);
    // The optional part still has its own status in the outline.
    const other = result.perSection.find((entry) => entry.kind === "other");
    expect(other).toMatchObject({ isRequired: false, status: "empty" });
  });

  it("[COMPLETENESS]: an empty report from the template has 0 of the required parts", () => {
    const template = getTemplate("department");
    const report = createReportFromTemplate(template, { agency: "青溪市水务局", year: 2026 });
    expect(completeness(report, template)).toMatchObject({ done: 0, total: 4 });
  });

  it("[GANGYAO]: a report fresh from the template covers none of the nine areas, though its items are tagged", () => {
    const report = createReportFromTemplate(getTemplate("county-government"), { agency: "青山县人民政府", year: 2026 });
    const measures = report.sections.find((section) => section.kind === "measures");
    expect(measures?.items.some((item) => item.area)).toBe(true);
    const coverage = gangyaoCoverage(report);
    expect(GANGYAO_AREAS.filter((area) => coverage[area].covered)).toEqual([]);
  });

  it("[GANGYAO]: a tagged item with written text covers its area", () => {
    const report = buildCompleteReport();
    const coverage = gangyaoCoverage(report);
    expect(GANGYAO_AREAS.filter((area) => coverage[area].covered).length).toBe(GANGYAO_AREAS.length);
  });

  it.each([2024, 2025, 2026, 2030])("[META-DATE]: the example date of the missing-date message is valid for report year %i", (year) => {
    const report = buildCompleteReport({ year });
    report.meta.date = "";
    const missing = validateReport(report, { template: getTemplate("department") }).find(
      (finding) => finding.ruleId === "meta-complete" && finding.location.key === "date",
    );
    const example = /如“(\d{4})年(\d{1,2})月(\d{1,2})日”/.exec(missing?.message ?? "");
    expect(example, missing?.message).not.toBeNull();
    const [, exampleYear, month, day] = example!.map(Number);
    // The example must itself pass the rule: dated in the year after the report year.
    report.meta.date = `${exampleYear}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const afterFix = validateReport(report, { template: getTemplate("department") }).filter(
      (finding) => finding.ruleId === "meta-complete" && finding.location.key === "date",
    );
    expect(exampleYear).toBe(year + 1);
    expect(afterFix).toEqual([]);
  });
});
