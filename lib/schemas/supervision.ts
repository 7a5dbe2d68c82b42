import { z } from "zod";

export const yearSchema = z.coerce.number({ error: "请填写年度" }).int("年度应为整数").min(2000, "年度不早于2000年").max(2100, "年度不晚于2100年");

export const sendReminderSchema = z.object({
  agencyId: z.uuid({ error: "机关编号格式不正确" }),
  year: yearSchema,
  message: z.string().trim().min(1, "请填写提醒内容").max(500, "提醒内容不超过500字"),
});
export type SendReminder = z.input<typeof sendReminderSchema>;

export const recordPublicationSchema = z.object({
  publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD"),
  url: z
    .string()
    .trim()
    .max(500, "网址不超过500字")
    .regex(/^https?:\/\/[^\s]+$/i, "请填写以 http:// 或 https:// 开头的公开网址"),
});
export type RecordPublication = z.input<typeof recordPublicationSchema>;
