import { deadlineStatuses, draftingYear, REPORT_STATUS_LABELS, type DeadlineStatus, type ReportStatus } from "@/lib/report-model";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { can } from "@/lib/permissions";
import { listSubordinateReports } from "@/lib/supervision/list-subordinate-reports";

export interface SupervisionTask {
  agencyId: string;
  agencyName: string;
  year: number;
  /** Null when the agency has not started its report. */
  reportId: string | null;
  /** 未开始 or the report's workflow status. */
  stateLabel: string;
  /** The first deadline not met: late, or due within DUE_SOON_DAYS. */
  deadline: DeadlineStatus;
}

/**
 * For a 督导 (supervision.read): the subordinate agencies whose report of the year being drafted is late or due
 * soon, at either deadline (报送 until signed, then 公开) — the ones to look at or remind. Others get nothing.
 */
export async function listSupervisionTasks({ db, user, now }: { db: Database; user: SessionUser; now: Date }): Promise<SupervisionTask[]> {
  if (!can(user.roles, "supervision.read")) return [];
  const year = draftingYear(now);
  const { agencies, reportOf } = await listSubordinateReports({ db, user, years: [year] });
  const tasks: SupervisionTask[] = [];
  for (const agency of agencies) {
    const report = reportOf(agency.id, year);
    const status = report?.status ?? "not_started";
    const deadline = deadlineStatuses({ year, status, settings: agency.settings, now }).find(
      (candidate) => candidate.state === "late" || candidate.state === "due_soon",
    );
    if (!deadline) continue;
    tasks.push({
      agencyId: agency.id,
      agencyName: agency.name,
      year,
      reportId: report?.id ?? null,
      stateLabel: report ? REPORT_STATUS_LABELS[report.status as ReportStatus] : "未开始",
      deadline,
    });
  }
  // The latest first: the most overdue at the top.
  return tasks.sort((a, b) => a.deadline.daysLeft - b.deadline.daysLeft);
}
