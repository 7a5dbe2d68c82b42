import { z } from "zod";

import { agencyFrameSchema, AGENCY_LEVELS, ROLES } from "@/lib/report-model";

import { agencyProfileSchema, passwordSchema, setupSchema } from "./account";

const userIdSchema = z.uuid({ error: "用户编号格式不正确" });
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "请按“月-日”填写，如 03-01");

export const updateUserRolesSchema = z.object({
  userId: userIdSchema,
  roles: z.array(z.enum(ROLES)).min(1, "至少选择一个角色"),
});
export type UpdateUserRoles = z.infer<typeof updateUserRolesSchema>;

export const setUserActiveSchema = z.object({ userId: userIdSchema, isActive: z.boolean() });
export type SetUserActive = z.infer<typeof setUserActiveSchema>;

export const resetPasswordSchema = z.object({ userId: userIdSchema, password: passwordSchema });
export type ResetPassword = z.infer<typeof resetPasswordSchema>;

/** The agency profile an administrator edits; the parent is set by the supervising agency. */
export const agencySettingsSchema = z.object({
  name: agencyProfileSchema.shape.agencyName,
  level: z.enum(AGENCY_LEVELS, { error: "请选择机关层级" }),
  submissionDeadline: monthDay,
  disclosureDeadline: monthDay,
  fontProfile: z.enum(["gb2312", "windows"], { error: "请选择导出字体方案" }),
  defaultMainRecipient: z.string().trim().max(200, "主送机关不超过200字").default(""),
  defaultSignature: z.string().trim().max(100, "署名不超过100字").default(""),
});
export type AgencySettingsInput = z.input<typeof agencySettingsSchema>;

/** The agency's GB/T 9704 版头/版记 defaults, saved apart from the other settings (the same schema the export reads). */
// Strict: an argument naming anything else (a report, another record) is refused, not silently dropped.
export const agencyFrameSettingsSchema = agencyFrameSchema.strict();
export type AgencyFrameSettingsInput = z.input<typeof agencyFrameSettingsSchema>;

/** A subordinate agency with its first administrator. */
export const createChildAgencySchema = setupSchema;
export type CreateChildAgency = z.infer<typeof createChildAgencySchema>;

const dateFilter = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")]).default("");

export const auditQuerySchema = z.object({
  action: z.string().trim().max(60).default(""),
  username: z.string().trim().max(64).default(""),
  from: dateFilter,
  to: dateFilter,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;
