import { z } from "zod";

import { AGENCY_LEVELS, ROLES } from "@/lib/report-model";

export const usernameSchema = z
  .string({ error: "请填写用户名" })
  .trim()
  .min(3, "用户名至少3个字符")
  .max(32, "用户名不超过32个字符")
  .regex(/^[A-Za-z0-9_.-]+$/, "用户名只能包含字母、数字、下划线、点和连字符");

export const passwordSchema = z.string({ error: "请填写密码" }).min(10, "密码至少10个字符").max(128, "密码不超过128个字符");

export const signInSchema = z.object({
  username: z.string().trim().min(1, "请填写用户名").max(64, "用户名过长"),
  password: z.string().min(1, "请填写密码").max(128, "密码过长"),
});
export type SignIn = z.infer<typeof signInSchema>;

export const agencyProfileSchema = z.object({
  agencyName: z.string({ error: "请填写机关名称" }).trim().min(2, "机关名称至少2个字").max(100, "机关名称不超过100字"),
  agencyLevel: z.enum(AGENCY_LEVELS, { error: "请选择机关层级" }),
});

/** First-run setup: the first agency and its administrator. */
export const setupSchema = agencyProfileSchema.extend({
  username: usernameSchema,
  displayName: z.string({ error: "请填写姓名" }).trim().min(1, "请填写姓名").max(50, "姓名不超过50字"),
  password: passwordSchema,
});
export type Setup = z.infer<typeof setupSchema>;

export const createUserSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1, "请填写姓名").max(50, "姓名不超过50字"),
  password: passwordSchema,
  roles: z.array(z.enum(ROLES)).min(1, "至少选择一个角色"),
  /** Optional: where notification e-mail goes when the agency's SMTP server is configured. */
  email: z.union([z.literal(""), z.email("邮箱格式不正确").max(200, "邮箱不超过200字")]).optional(),
});
export type CreateUser = z.infer<typeof createUserSchema>;
