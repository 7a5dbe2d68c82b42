import { ReportError } from "@/lib/errors";
import type { Report } from "@/lib/report-model";

/** A save based on an older revision; carries the stored version so the editor can merge. */
export class ConflictError extends ReportError {
  constructor(readonly current: { revision: number; content: Report; updatedAt: string; updatedBy: string }) {
    super("CONFLICT", "revision conflict", { userMessage: "报告已被他人或其他窗口修改，请选择保留哪个版本", current });
    this.name = "ConflictError";
  }
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code === "23505";
}
