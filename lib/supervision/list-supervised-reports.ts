import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { deadlineStatuses, reportSchema, type DeadlineStatus } from "@/lib/report-model";
import { completeness, summarizeFindings, validateReport } from "@/lib/validation";
import { findTemplate } from "@/templates";

import { listSubordinateReports } from "./list-subordinate-reports";

export interface SupervisedRow {
  agencyId: string;
  agencyName: string;
  level: string;
  depth: number;
  report: {
    id: string;
    title: string;
    status: string;
    updatedAt: Date;
    /** Parts written and free of errors, of all template parts. */
    completeness: { done: number; total: number };
    errorCount: number;
    warningCount: number;
  } | null;
  /** Also for agencies without a report: nothing started is late too. */
  deadlines: DeadlineStatus[];
}

/** The supervising agency's view: every subordinate agency's report for one year. */
export async function listSupervisedReports({
  db,
  user,
  year,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  year: number;
  now?: Date;
}): Promise<SupervisedRow[]> {
  const { agencies, reportOf } = await listSubordinateReports({ db, user, years: [year] });
  return agencies.map((agency) => {
    const row = reportOf(agency.id, year);
    const base = { agencyId: agency.id, agencyName: agency.name, level: agency.level, depth: agency.depth };
    if (!row) return { ...base, report: null, deadlines: deadlineStatuses({ year, status: "draft", settings: agency.settings, now }) };
    const content = reportSchema.parse(row.content);
    const template = findTemplate(content.templateId);
    const findings = validateReport(content, { template: template ?? undefined });
    const summary = summarizeFindings(findings);
    const parts = template ? completeness(content, template, findings) : { done: 0, total: 0 };
    return {
      ...base,
      report: {
        id: row.id,
        title: row.title,
        status: row.status,
        updatedAt: row.updatedAt,
        completeness: { done: parts.done, total: parts.total },
        errorCount: summary.error,
        warningCount: summary.warning,
      },
      deadlines: deadlineStatuses({ year, status: row.status, settings: agency.settings, now }),
    };
  });
}
