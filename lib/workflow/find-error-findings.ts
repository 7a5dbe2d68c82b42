import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { reportSchema } from "@/lib/report-model";
import { findPreviousReport, type ReportRow } from "@/lib/reports/get-report";
import { validateReport, type Finding } from "@/lib/validation";
import { findTemplate } from "@/templates";

/** Error-severity findings of the stored content, validated against last year's report as the editor does. */
export async function findErrorFindings({ db, user, row }: { db: Database; user: SessionUser; row: ReportRow }): Promise<Finding[]> {
  const content = reportSchema.parse(row.content);
  const previous = await findPreviousReport({ db, user: { ...user, agencyId: row.agencyId }, year: row.year });
  const findings = validateReport(content, {
    template: findTemplate(content.templateId) ?? undefined,
    previous: previous ? reportSchema.parse(previous.content) : undefined,
  });
  return findings.filter((finding) => finding.severity === "error");
}
