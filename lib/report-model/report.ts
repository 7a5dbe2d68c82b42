import { z } from "zod";

import { GANGYAO_AREAS, REPORT_SCHEMA_VERSION, SECTION_KINDS } from "./constants";
import { reportFrameSchema } from "./document-frame";
import { fieldSuggestionSchema, MAX_FIELD_SUGGESTIONS } from "./field-suggestions";
import { findLimitViolation } from "./limits";
import { emptyDoc, richDocSchema } from "./rich-text";

const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "编号格式不正确");
const isoDateSchema = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")]);

export const reportMetaSchema = z.object({
  /** 机关名称 */
  agency: z.string().trim().max(100, "机关名称不超过100字"),
  /** 年度: the year the report covers (not the year it is written). */
  year: z.number({ error: "请填写年度" }).int("年度应为整数").min(2000, "年度不早于2000年").max(2100, "年度不晚于2100年"),
  /** 标题 */
  title: z.string().trim().max(200, "标题不超过200字"),
  /** 主送机关 */
  mainRecipient: z.string().trim().max(200, "主送机关不超过200字").default(""),
  /** 抄送 */
  copyTo: z.string().trim().max(300, "抄送不超过300字").default(""),
  /** 署名 */
  signature: z.string().trim().max(100, "署名不超过100字").default(""),
  /** 成文日期, ISO yyyy-mm-dd, printed as 2025年3月8日. */
  date: isoDateSchema.default(""),
  /** 文号, e.g. 某府〔2025〕3号 */
  docNumber: z.string().trim().max(60, "文号不超过60字").default(""),
  /** Published reports are checked for personal data. */
  isPublic: z.boolean().default(true),
});
export type ReportMeta = z.infer<typeof reportMetaSchema>;

/** A "待更新" mark left by roll-forward on a year or figure carried over from last year. */
export const pendingUpdateSchema = z.object({
  id: idSchema,
  /** The carried-over text, e.g. "2024年" or "35件". */
  text: z.string().min(1).max(100),
  kind: z.enum(["year", "figure"]),
});
export type PendingUpdate = z.infer<typeof pendingUpdateSchema>;

/**
 * A heading's numeral as the imported file typed it, kept when it was wrong (skipped, repeated, half-width,
 * lost), so the editor reports it like `validate` on the file does until the official acknowledges it.
 * `expected` is the numeral the heading's place called for at import; `previous` the numeral typed before it.
 */
export const importedNumberingSchema = z.object({
  line: z.string().min(1).max(300),
  expected: z.number().int().min(1).max(999),
  previous: z.number().int().min(0).max(999).optional(),
});
export type ImportedNumbering = z.infer<typeof importedNumberingSchema>;

export const reportItemSchema = z.object({
  id: idSchema,
  /** Heading without its numeral; the exporter numbers items （一）（二）…. */
  heading: z.string().max(200, "标题不超过200字"),
  body: richDocSchema,
  /** Print the heading run-in with the first paragraph ("（一）加强组织领导。一是……"). */
  isRunIn: z.boolean().default(false),
  /** The 纲要 task area this item reports on, when known. */
  area: z.enum(GANGYAO_AREAS).nullable().default(null),
  pendingUpdates: z.array(pendingUpdateSchema).max(500).default([]),
  importedNumbering: importedNumberingSchema.optional(),
});
export type ReportItem = z.infer<typeof reportItemSchema>;

export const indicatorValuesSchema = z.record(z.string().max(40), z.number().finite().min(0).nullable());
export type IndicatorValues = z.infer<typeof indicatorValuesSchema>;

export const reportSectionSchema = z.object({
  id: idSchema,
  kind: z.enum(SECTION_KINDS),
  /** Heading without its numeral; the exporter numbers parts 一、二、…. */
  heading: z.string().max(200, "标题不超过200字"),
  /** Optional lead paragraph before the items. */
  lead: z.string().max(5000).default(""),
  /** "待更新" marks on the lead, like `pendingUpdates` on items (left by roll-forward). */
  leadPendingUpdates: z.array(pendingUpdateSchema).max(500).optional(),
  items: z.array(reportItemSchema).max(200),
  indicators: indicatorValuesSchema.default({}),
  /** Last year's values, shown beside the inputs after roll-forward. */
  previousIndicators: indicatorValuesSchema.default({}),
  importedNumbering: importedNumberingSchema.optional(),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

/** One of last year's plans (下一年度主要安排), tracked in this year's 承诺事项清单. */
export const commitmentSchema = z.object({
  id: idSchema,
  text: z.string().min(1).max(2000),
  status: z.enum(["open", "done", "not_done"]).default("open"),
  /** Items of this year's `measures` that report on it. */
  linkedItemIds: z.array(idSchema).max(50).default([]),
  /** Why it was not done, when status is not_done. */
  reason: z.string().max(1000).default(""),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const reportSchema = z
  .object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    templateId: z.string().min(1).max(64),
    meta: reportMetaSchema,
    /** 导语: the report's opening paragraph(s), printed after 主送 and before 一、. */
    opening: richDocSchema.default(emptyDoc),
    /** "待更新" marks on the opening's carried years and figures (left by roll-forward), like an item's. */
    openingPendingUpdates: z.array(pendingUpdateSchema).max(500).optional(),
    /** 结束语: an optional closing line such as "特此报告。", printed before the signature. */
    closing: z.string().trim().max(200, "结束语不超过200字").default(""),
    sections: z.array(reportSectionSchema).max(20),
    commitments: z.array(commitmentSchema).max(200).default([]),
    /** This report's 版头/版记 choices (签发人, 附件, 印章…); fields left out follow the agency profile. */
    frame: reportFrameSchema.optional(),
    /** Suggestions (修订) on plain-text fields: headings, leads, meta, closing. Contract in suggestions.ts. */
    fieldSuggestions: z.array(fieldSuggestionSchema).max(MAX_FIELD_SUGGESTIONS).optional(),
  })
  .superRefine((report, context) => {
    const violation = findLimitViolation(report);
    if (violation) context.addIssue({ code: "custom", message: violation.message, path: [] });
  });
export type Report = z.infer<typeof reportSchema>;
export type ReportInput = z.input<typeof reportSchema>;

/** Reads a `.nianbao.json` document of any supported schema version. */
export function parseReportFile(json: unknown): Report {
  return reportSchema.parse(json);
}

let idCounter = 0;
/** Short unique id for sections, items and marks (stable across saves once assigned). */
export function newId(prefix = "n"): string {
  idCounter = (idCounter + 1) % 1_000_000;
  return `${prefix}${Date.now().toString(36)}${idCounter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
