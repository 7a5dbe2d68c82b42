import { z } from "zod";

import { reportSchema, type Report } from "@/lib/report-model";

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

/** Saved revision as the editor knows it. */
export interface SavedRevision {
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

/** Response of PUT /api/reports/:id/content. HTTP 409 carries `current` for conflict resolution. */
export type SaveReportResponse =
  | { ok: true; data: SavedRevision }
  | { ok: false; code: "CONFLICT"; message: string; current: SavedRevision & { content: Report } }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };
