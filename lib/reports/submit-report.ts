import { and, eq } from "drizzle-orm";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { reportSchema } from "@/lib/report-model";
import { validateReport } from "@/lib/validation";
import { findTemplate } from "@/templates";

import { findPreviousReport, getReport } from "./get-report";

export interface SubmitReportOptions {
  db: Database;
  user: SessionUser;
  reportId: string;
}

/** Draft → 待审核, only when no error-severity finding remains (checked here, not only in the UI). */
export async function submitReport({ db, user, reportId }: SubmitReportOptions): Promise<{ status: "in_review" }> {
  const row = await getReport({ db, user, reportId });
  if (row.status !== "draft" && row.status !== "returned") {
    throw new ReportError("INVALID_STATE", "not a draft", { userMessage: "只有草稿或退回修改的报告可以提交审核" });
  }
  const content = reportSchema.parse(row.content);
  const previous = await findPreviousReport({ db, user, year: row.year });
  const findings = validateReport(content, {
    template: findTemplate(content.templateId) ?? undefined,
    previous: previous ? reportSchema.parse(previous.content) : undefined,
  });
  const errors = findings.filter((finding) => finding.severity === "error");
  if (errors.length > 0) {
    throw new ReportError("INVALID_STATE", "has errors", { userMessage: `还有 ${errors.length} 个错误需要修改，修改后才能提交审核` });
  }
  const revision = row.revision + 1;
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(tables.reports)
      .set({ status: "in_review", revision, updatedAt: new Date(), updatedBy: user.id })
      .where(and(eq(tables.reports.id, reportId), eq(tables.reports.revision, row.revision)))
      .returning({ id: tables.reports.id });
    if (updated.length === 0) throw new ReportError("CONFLICT", "changed meanwhile", { userMessage: "报告刚被修改，请刷新后再提交" });
    await tx.insert(tables.reportRevisions).values({ reportId, revision, status: "in_review", content, createdBy: user.id, note: "提交审核" });
  });
  await recordAuditEvent({ db, action: "report.status", user, targetId: reportId, detail: { from: row.status, to: "in_review" } });
  return { status: "in_review" };
}
