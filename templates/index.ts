import { templateSchema, type AgencyLevel, type ReportTemplate } from "@/lib/report-model";

import countyGovernment from "./county-government.json";
import department from "./department.json";
import township from "./township.json";

/** Every template file; adding a template is adding its JSON file and one line here (a unit test checks both). */
const TEMPLATE_FILES: Record<string, unknown> = {
  "county-government.json": countyGovernment,
  "department.json": department,
  "township.json": township,
};

const TEMPLATES: ReportTemplate[] = Object.entries(TEMPLATE_FILES).map(([file, json]) => {
  const parsed = templateSchema.safeParse(json);
  if (!parsed.success) throw new Error(`模板文件 ${file} 格式错误：${parsed.error.message}`);
  return parsed.data;
});

/** File names this module imports (for the test that compares them with the folder). */
export function listTemplateFiles(): string[] {
  return Object.keys(TEMPLATE_FILES);
}

export function listTemplates(): ReportTemplate[] {
  return TEMPLATES;
}

/** Returns null for an unknown id. */
export function findTemplate(id: string): ReportTemplate | null {
  return TEMPLATES.find((template) => template.id === id) ?? null;
}

/** Throws for an unknown id. */
export function getTemplate(id: string): ReportTemplate {
  const template = findTemplate(id);
  if (!template) throw new Error(`未找到报告模板：${id}`);
  return template;
}

/**
 * The report's own template; when its id is unknown (a template removed since the report was made), the
 * template for the agency's level with a notice saying so, so the guidance shown is never silently another's.
 */
export function resolveReportTemplate(id: string, agencyLevel: AgencyLevel): { template: ReportTemplate; notice: string | null } {
  const template = findTemplate(id);
  if (template) return { template, notice: null };
  const substitute = TEMPLATES.find((candidate) => candidate.levels.includes(agencyLevel)) ?? TEMPLATES[0]!;
  return { template: substitute, notice: `本报告使用的模板“${id}”已不存在，写作指引和必备部分检查暂按“${substitute.name}”模板显示。` };
}
