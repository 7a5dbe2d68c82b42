import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { can } from "@/lib/permissions";
import { isEditableStatus, type ReportStatus } from "@/lib/report-model";

import { findReturnNotice, type ReturnNotice } from "./find-return-notice";
import { listMyAssignments } from "./list-assignments";
import { listSupervisionTasks, type SupervisionTask } from "./list-supervision-tasks";

export interface ReportTask {
  reportId: string;
  title: string;
  year: number;
  status: ReportStatus;
  updatedAt: Date;
  /** For a returned report: who returned it and why. */
  returnNotice?: ReturnNotice;
}

export interface CommentTask {
  threadId: string;
  reportId: string;
  reportTitle: string;
  /** The newest comment, which someone else wrote. */
  lastAuthor: string;
  lastBody: string;
  lastAt: Date;
}

export interface MyTasks {
  /** Parts and items given to me to draft, not yet done. */
  assignments: Awaited<ReturnType<typeof listMyAssignments>>;
  /** Reports waiting for my review (审核人). */
  toReview: ReportTask[];
  /** Reports waiting for my sign-off (签发人). */
  toSignOff: ReportTask[];
  /** Signed reports waiting to be published (公开). */
  toPublish: ReportTask[];
  /** Reports returned for changes that I may resubmit. */
  returned: ReportTask[];
  /** Open comment threads addressed to me whose last word is someone else's. */
  comments: CommentTask[];
  /** For a 督导: subordinate agencies late or due soon with this year's report. */
  supervision: SupervisionTask[];
  total: number;
}

/**
 * What waits for this user, for every role: drafts assigned to them, reports waiting for their review, sign-off
 * or publication, reports returned to them, comments they have not answered (their own agency only), and for a
 * 督导 the subordinate agencies late or due soon with this year's report.
 */
export async function listMyTasks({ db, user, now = new Date() }: { db: Database; user: SessionUser; now?: Date }): Promise<MyTasks> {
  const assignments = (await listMyAssignments({ db, user })).filter((assignment) => assignment.status === "open" && isEditableStatus(assignment.reportStatus));
  const wanted: ReportStatus[] = [
    ...(can(user.roles, "report.review") ? (["in_review"] as const) : []),
    ...(can(user.roles, "report.signoff") ? (["reviewed"] as const) : []),
    ...(can(user.roles, "report.publish") ? (["signed"] as const) : []),
    ...(can(user.roles, "report.submit") ? (["returned"] as const) : []),
  ];
  const rows =
    wanted.length > 0
      ? await db
          .select({
            reportId: tables.reports.id,
            title: tables.reports.title,
            year: tables.reports.year,
            status: tables.reports.status,
            updatedAt: tables.reports.updatedAt,
          })
          .from(tables.reports)
          .where(and(eq(tables.reports.agencyId, user.agencyId), inArray(tables.reports.status, wanted)))
          .orderBy(asc(tables.reports.updatedAt))
      : [];
  const byStatus = (status: ReportStatus) => rows.filter((row) => row.status === status);
  const returned = await Promise.all(
    byStatus("returned").map(async (row) => {
      const notice = await findReturnNotice({ db, reportId: row.reportId, status: row.status });
      return notice ? { ...row, returnNotice: notice } : row;
    }),
  );
  const comments = await listCommentTasks(db, user);
  const supervision = await listSupervisionTasks({ db, user, now });
  const toReview = byStatus("in_review");
  const toSignOff = byStatus("reviewed");
  const toPublish = byStatus("signed");
  return {
    assignments,
    toReview,
    toSignOff,
    toPublish,
    returned,
    comments,
    supervision,
    total: assignments.length + toReview.length + toSignOff.length + toPublish.length + returned.length + comments.length + supervision.length,
  };
}

/** Unresolved threads of the agency in which I took part, that are on my assigned part or item, or on a report I last edited — and where the last comment is not mine. */
async function listCommentTasks(db: Database, user: SessionUser): Promise<CommentTask[]> {
  const threads = await db
    .select({
      threadId: tables.commentThreads.id,
      reportId: tables.reports.id,
      reportTitle: tables.reports.title,
      reportUpdatedBy: tables.reports.updatedBy,
      sectionId: tables.commentThreads.sectionId,
      itemId: tables.commentThreads.itemId,
    })
    .from(tables.commentThreads)
    .innerJoin(tables.reports, eq(tables.reports.id, tables.commentThreads.reportId))
    .where(and(eq(tables.reports.agencyId, user.agencyId), isNull(tables.commentThreads.resolvedAt)));
  if (threads.length === 0) return [];
  const comments = await db
    .select({
      threadId: tables.comments.threadId,
      authorId: tables.comments.authorId,
      body: tables.comments.body,
      createdAt: tables.comments.createdAt,
      author: tables.users.displayName,
    })
    .from(tables.comments)
    .leftJoin(tables.users, eq(tables.users.id, tables.comments.authorId))
    .where(
      inArray(
        tables.comments.threadId,
        threads.map((thread) => thread.threadId),
      ),
    )
    .orderBy(desc(tables.comments.createdAt));
  const myAssignments = await db
    .select({ reportId: tables.assignments.reportId, sectionId: tables.assignments.sectionId, itemId: tables.assignments.itemId })
    .from(tables.assignments)
    .where(and(eq(tables.assignments.assigneeId, user.id), eq(tables.assignments.status, "open")));
  const tasks: CommentTask[] = [];
  for (const thread of threads) {
    const threadComments = comments.filter((comment) => comment.threadId === thread.threadId);
    const last = threadComments[0];
    if (!last || last.authorId === user.id) continue;
    const isParticipant = threadComments.some((comment) => comment.authorId === user.id);
    const isAssigned = myAssignments.some(
      (assignment) =>
        assignment.reportId === thread.reportId &&
        assignment.sectionId === thread.sectionId &&
        (assignment.itemId === null || assignment.itemId === thread.itemId),
    );
    const isEditor = thread.reportUpdatedBy === user.id;
    if (!isParticipant && !isAssigned && !isEditor) continue;
    tasks.push({
      threadId: thread.threadId,
      reportId: thread.reportId,
      reportTitle: thread.reportTitle,
      lastAuthor: last.author ?? "",
      lastBody: last.body,
      lastAt: last.createdAt,
    });
  }
  return tasks.sort((a, b) => a.lastAt.getTime() - b.lastAt.getTime());
}
