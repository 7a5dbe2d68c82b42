import { eq } from "drizzle-orm";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { createReportFromTemplate, reportSchema, type Report } from "@/lib/report-model";
import { rollForwardReport } from "@/lib/reuse";
import { createReportSchema, type CreateReport } from "@/lib/schemas/report";
import { findTemplate } from "@/templates";

import { isUniqueViolation } from "./errors";
import { getReport } from "./get-report";

export interface CreateReportOptions {
  db: Database;
  user: SessionUser;
  input: CreateReport;
}

/** A new draft from a template, or rolled forward from one of the agency's reports. */
export async function createReport({ db, user, input }: CreateReportOptions): Promise<{ reportId: string }> {
  const data = createReportSchema.parse(input);
  let content: Report;
  let source: string;
  let auditDetail: Record<string, unknown> = {};
  if (data.fromReportId) {
    const previous = await getReport({ db, user, reportId: data.fromReportId });
    const rolled = rollForwardReport(reportSchema.parse(previous.content));
    content = { ...rolled.report, meta: { ...rolled.report.meta, year: data.year } };
    source = `rollforward:${previous.id}`;
    // Open suggestions (修订) of last year's report are not carried (roll-forward.ts says why): the log says how many.
    if (rolled.stats.droppedSuggestions > 0) auditDetail = { droppedSuggestions: rolled.stats.droppedSuggestions };
  } else {
    const template = findTemplate(data.templateId);
    if (!template) throw new ReportError("INVALID_INPUT", "unknown template", { userMessage: "所选模板不存在" });
    const [agency] = await db.select({ settings: tables.agencies.settings }).from(tables.agencies).where(eq(tables.agencies.id, user.agencyId));
    content = createReportFromTemplate(template, {
      agency: user.agencyName,
      year: data.year,
      mainRecipient: agency?.settings.defaultMainRecipient || undefined,
      signature: agency?.settings.defaultSignature || undefined,
    });
    source = `template:${template.id}`;
  }
  return insertReport({ db, user, content, source, auditDetail });
}

export interface InsertReportOptions {
  db: Database;
  user: SessionUser;
  content: Report;
  /** What the draft came from, for the audit log. */
  source: string;
  /** More for the audit log's entry (e.g. suggestions a roll-forward left behind). */
  auditDetail?: Record<string, unknown>;
}

/** Stores a new draft (revision 1) for the user's agency. */
export async function insertReport({ db, user, content, source, auditDetail }: InsertReportOptions): Promise<{ reportId: string }> {
  const report = reportSchema.parse(content);
  try {
    const reportId = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(tables.reports)
        .values({
          agencyId: user.agencyId,
          year: report.meta.year,
          templateId: report.templateId,
          title: report.meta.title,
          content: report,
          revision: 1,
          createdBy: user.id,
          updatedBy: user.id,
        })
        .returning({ id: tables.reports.id });
      await tx.insert(tables.reportRevisions).values({
        reportId: row!.id,
        revision: 1,
        status: "draft",
        content: report,
        createdBy: user.id,
        note: "创建",
      });
      return row!.id;
    });
    await recordAuditEvent({ db, action: "report.create", user, targetId: reportId, detail: { year: report.meta.year, source, ...auditDetail } });
    return { reportId };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ReportError("INVALID_INPUT", "duplicate year", { userMessage: `本机关${report.meta.year}年度的报告已经存在`, cause: error });
    }
    throw error;
  }
}
