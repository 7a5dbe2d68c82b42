import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { createReportFromTemplate, INDICATOR_IDS, SECTION_KINDS, templateSchema } from "@/lib/report-model";
import { validateReport } from "@/lib/validation";
import { findTemplate, getTemplate, listTemplateFiles, listTemplates } from "@/templates";

const TEMPLATE_DIR = path.resolve(__dirname, "../../../templates");
const jsonFiles = readdirSync(TEMPLATE_DIR)
  .filter((file) => file.endsWith(".json"))
  .sort();

describe("templates", () => {
  it("lists every JSON file in templates/ (adding a file without its import line fails here)", () => {
    expect(jsonFiles.length).toBeGreaterThanOrEqual(3);
    expect([...listTemplateFiles()].sort()).toEqual(jsonFiles);
  });

  it.each(jsonFiles)("%s parses with templateSchema and its id matches the file name", (file) => {
    const parsed = templateSchema.parse(JSON.parse(readFileSync(path.join(TEMPLATE_DIR, file), "utf8")));
    expect(`${parsed.id}.json`).toBe(file);
    expect(findTemplate(parsed.id)).toEqual(parsed);
  });

  it.each(listTemplates().map((template) => [template.id, template] as const))("%s has the five statutory parts in order, with guidance", (_id, template) => {
    expect(template.sections.map((section) => section.kind)).toEqual([...SECTION_KINDS]);
    for (const section of template.sections) {
      expect(section.guidance.length).toBeGreaterThan(20);
      for (const id of section.requiredIndicators) expect(section.indicators).toContain(id);
      for (const id of section.indicators) expect(INDICATOR_IDS).toContain(id);
    }
    expect(template.sections.find((section) => section.kind === "other")?.isRequired).toBe(false);
    expect(template.sections.find((section) => section.kind === "leader_duty")?.guidance).toContain("第一责任人");
  });

  it("department measures suggest one item per 纲要 task area", () => {
    const measures = getTemplate("department").sections.find((section) => section.kind === "measures")!;
    expect(new Set(measures.suggestedItems.map((item) => item.area))).toEqual(
      new Set(["zhineng", "zhidu", "juece", "zhifa", "tufa", "jiufen", "jiandu", "shuzi", "lingdao"]),
    );
  });

  it("governments must report 行政复议 and 行政诉讼 figures", () => {
    const measures = getTemplate("county-government").sections.find((section) => section.kind === "measures")!;
    expect(measures.requiredIndicators).toEqual(expect.arrayContaining(["fuyi_received", "fuyi_closed", "susong_cases", "susong_heads_appear"]));
  });

  it.each(listTemplates().map((template) => [template.id, template] as const))("%s produces a complete empty report in one call", (_id, template) => {
    const report = createReportFromTemplate(template, { agency: "青山县司法局", year: 2024 });
    expect(report.sections).toHaveLength(5);
    expect(report.meta.title).toBe("青山县司法局关于2024年度法治政府建设情况的报告");
    expect(report.sections.find((section) => section.kind === "next_year")?.heading).toContain("2025年");
    const findings = validateReport(report, { template });
    expect(findings.some((finding) => finding.ruleId === "required-parts" && finding.message.includes("尚未填写"))).toBe(true);
    expect(findings.filter((finding) => finding.ruleId === "report-year")).toEqual([]);
    expect(findings.filter((finding) => finding.ruleId === "heading-numerals")).toEqual([]);
  });

  it("getTemplate throws for an unknown id; findTemplate returns null", () => {
    expect(findTemplate("no-such-template")).toBeNull();
    expect(() => getTemplate("no-such-template")).toThrow("未找到报告模板");
  });
});
