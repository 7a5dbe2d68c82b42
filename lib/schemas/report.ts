import { z } from "zod";

import { reportSchema } from "@/lib/report-model";

export const reportIdSchema = z.uuid({ error: "报告编号格式不正确" });

/** Body of PUT /api/reports/:id/content and of the save action. */
export const saveReportContentSchema = z.object({
  baseRevision: z.number().int().min(0),
  content: reportSchema,
});
export type SaveReportContent = z.infer<typeof saveReportContentSchema>;

export const createReportSchema = z.object({
  year: z.coerce.number({ error: "请选择年度" }).int("年度应为整数").min(2000, "年度不早于2000年").max(2100, "年度不晚于2100年"),
  templateId: z.string().min(1, "请选择模板").max(64),
  /** Start from this report of the same agency (roll forward). */
  fromReportId: z.union([z.literal(""), reportIdSchema]).optional(),
});
export type CreateReport = z.infer<typeof createReportSchema>;

/** Saved revision as the editor knows it: the data of PUT /api/reports/:id/content. */
export const savedRevisionSchema = z.object({ revision: z.number().int().min(0), updatedAt: z.string(), updatedBy: z.string() });
export type SavedRevision = z.infer<typeof savedRevisionSchema>;

/** A stored revision with its content: GET /api/reports/:id/content, and `current` of a 409 CONFLICT answer. */
export const storedRevisionSchema = savedRevisionSchema.extend({ content: reportSchema });
export type StoredRevision = z.infer<typeof storedRevisionSchema>;

/** The data of POST /api/reports/:id/preview: one SVG per A4 page. */
export const previewPagesSchema = z.object({ pages: z.array(z.string()) });
export type PreviewPages = z.infer<typeof previewPagesSchema>;
