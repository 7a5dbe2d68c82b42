import { listAssignableUsers } from "@/lib/admin/list-users";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { can } from "@/lib/permissions";
import { beijingDay, describeTransitions, isEditableStatus, type ReportStatus, type TransitionOption } from "@/lib/report-model";
import { getReport, type ReportRow } from "@/lib/reports/get-report";

import { findLatestRevisionWithStatus } from "@/lib/history/find-latest-revision";

import { findErrorFindings } from "./find-error-findings";
import { findReturnNotice, type ReturnNotice } from "./find-return-notice";
import { listReportAssignments, type AssignmentView, type SectionProgress } from "./list-assignments";
import { countUnresolvedThreads, listCommentThreads, type CommentThreadView, type UnresolvedCounts } from "./list-comment-threads";

export interface ReportReview {
  report: ReportRow;
  status: ReportStatus;
  transitions: TransitionOption[];
  threads: CommentThreadView[];
  /** Unresolved threads per item and part, for the outline. */
  unresolved: UnresolvedCounts;
  errorCount: number;
  /** Who returned it and why, while the report is 退回修改. */
  returnNotice?: ReturnNotice;
  /** The Beijing day of the last sign-off (YYYY-MM-DD): the earliest allowed publication date. */
  signedOn?: string;
  assignments: AssignmentView[];
  progress: SectionProgress[];
  assignableUsers: Array<{ id: string; displayName: string }>;
  outline: Array<{ id: string; heading: string; items: Array<{ id: string; heading: string }> }>;
  can: { comment: boolean; assign: boolean; restore: boolean };
}

/** Everything the review bar and the comment, assignment and history panels need for one report. */
export async function getReportReview({ db, user, reportId }: { db: Database; user: SessionUser; reportId: string }): Promise<ReportReview> {
  const report = await getReport({ db, user, reportId });
  const status = report.status as ReportStatus;
  const isDraft = isEditableStatus(status);
  const [errors, unresolved, threads, assigned, returnNotice, signed] = await Promise.all([
    findErrorFindings({ db, user, row: report }),
    countUnresolvedThreads(db, reportId),
    listCommentThreads({ db, user, reportId }),
    listReportAssignments({ db, user, reportId }),
    findReturnNotice({ db, reportId, status }),
    status === "signed" ? findLatestRevisionWithStatus(db, reportId, "signed") : Promise.resolve(undefined),
  ]);
  const canAssign = can(user.roles, "report.assign") && isDraft;
  return {
    report,
    status,
    transitions: describeTransitions({ status, roles: user.roles, errorCount: errors.length, unresolvedCount: unresolved.total }),
    threads,
    unresolved,
    errorCount: errors.length,
    ...(returnNotice ? { returnNotice } : {}),
    ...(signed ? { signedOn: beijingDay(signed.createdAt) } : {}),
    assignments: assigned.assignments,
    progress: assigned.progress,
    assignableUsers: canAssign ? await listAssignableUsers({ db, user }) : [],
    outline: report.content.sections.map((section) => ({
      id: section.id,
      heading: section.heading,
      items: section.items.map((item) => ({ id: item.id, heading: item.heading })),
    })),
    can: { comment: can(user.roles, "report.comment"), assign: canAssign, restore: can(user.roles, "report.restore") && status === "draft" },
  };
}
