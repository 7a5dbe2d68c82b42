import { listAssignableUsers } from "@/lib/admin/list-users";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { can } from "@/lib/permissions";
import {
  beijingDay,
  describeTransitions,
  documentDateIssue,
  isEditableStatus,
  listSuggestions,
  type DocumentDateIssue,
  type ReportStatus,
  type TransitionOption,
} from "@/lib/report-model";
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
  /** Suggestions (修订) still waiting to be accepted or rejected: they block sign-off. */
  suggestionCount: number;
  /** The printed 成文日期 (YYYY-MM-DD or empty), shown in the sign-off confirmation. */
  documentDate: string;
  /** Before sign-off: what is wrong with the 成文日期 against today and the approval day. */
  documentDateIssue?: DocumentDateIssue;
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
export async function getReportReview({
  db,
  user,
  reportId,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  reportId: string;
  now?: Date;
}): Promise<ReportReview> {
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
  const approved = status === "reviewed" ? await findLatestRevisionWithStatus(db, reportId, "reviewed") : undefined;
  const dateIssue =
    status === "reviewed"
      ? documentDateIssue({ documentDate: report.content.meta.date, today: beijingDay(now), approvedOn: approved ? beijingDay(approved.createdAt) : undefined })
      : undefined;
  const canAssign = can(user.roles, "report.assign") && isDraft;
  const suggestionCount = listSuggestions(report.content).length;
  return {
    report,
    status,
    transitions: describeTransitions({ status, roles: user.roles, errorCount: errors.length, unresolvedCount: unresolved.total, suggestionCount }).map(
      // The same refusal as the server's: a future 成文日期 cannot be the day of signing.
      (option) =>
        option.name === "signoff" && option.isAllowed && dateIssue?.isBlocking
          ? { ...option, isAllowed: false, reason: `${dateIssue.message}，请退回修改后再签发` }
          : option,
    ),
    threads,
    unresolved,
    errorCount: errors.length,
    suggestionCount,
    documentDate: report.content.meta.date,
    ...(dateIssue ? { documentDateIssue: dateIssue } : {}),
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
