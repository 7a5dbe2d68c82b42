import { z } from "zod";

import { reportSchema } from "@/lib/report-model";

/** Accepting an import preview: store it as that year's report, or roll it forward to next year's draft. */
export const acceptImportSchema = z.object({
  content: reportSchema,
  mode: z.enum(["as-is", "rollforward"], { error: "请选择导入方式" }),
});
export type AcceptImport = z.infer<typeof acceptImportSchema>;

export const pastedTextSchema = z.object({
  text: z.string().trim().min(1, "请粘贴报告文本").max(2_000_000, "粘贴的文本过长"),
});
