import type { ReportMeta } from "@/lib/report-model";

import type { Finding } from "./validation-api";

/** Rule id of findings about what is typed in 基本信息 but cannot be saved as it is. */
export const META_INPUT_RULE_ID = "meta-input";

export const DATE_INPUT_MESSAGE = "请选择有效的成文日期（年份为四位数），可点击右侧日历图标选择。";
export const YEAR_INPUT_MESSAGE = "年度应为2000至2100之间的四位数年份。";

/** "" (not yet filled) or a real calendar day written YYYY-MM-DD with a four-digit year. */
export function isSavableDate(value: string): boolean {
  if (value === "") return true;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isSavableYear(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 2000 && value <= 2100;
}

/**
 * What the server would refuse in the typed 基本信息, as findings that jump to the field. The save keeps
 * the last valid value of such a field, so one bad field never blocks saving the others.
 */
export function metaInputFindings(values: { date?: unknown; year?: unknown }): Finding[] {
  const findings: Finding[] = [];
  if (typeof values.date === "string" && !isSavableDate(values.date)) {
    findings.push({
      ruleId: META_INPUT_RULE_ID,
      severity: "error",
      message: `成文日期“${values.date}”无效，未保存。${DATE_INPUT_MESSAGE}其他内容照常保存。`,
      location: { field: "meta", key: "date" },
    });
  }
  if (values.year !== undefined && !isSavableYear(values.year)) {
    findings.push({
      ruleId: META_INPUT_RULE_ID,
      severity: "error",
      message: `${YEAR_INPUT_MESSAGE}当前输入未保存，其他内容照常保存。`,
      location: { field: "meta", key: "year" },
    });
  }
  return findings;
}

/** The meta to save: typed values where savable, the last saved value where not. */
export function savableMeta(values: Partial<Record<keyof ReportMeta, unknown>>, previous: ReportMeta): ReportMeta {
  const text = (key: "agency" | "title" | "mainRecipient" | "copyTo" | "signature" | "docNumber") =>
    typeof values[key] === "string" ? (values[key] as string) : previous[key];
  return {
    agency: text("agency"),
    year: isSavableYear(values.year) ? values.year : previous.year,
    title: text("title"),
    mainRecipient: text("mainRecipient"),
    copyTo: text("copyTo"),
    signature: text("signature"),
    date: typeof values.date === "string" && isSavableDate(values.date) ? values.date : previous.date,
    docNumber: text("docNumber"),
    isPublic: typeof values.isPublic === "boolean" ? values.isPublic : previous.isPublic,
  };
}
