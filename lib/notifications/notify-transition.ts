import "server-only";

import { and, eq, inArray, ne } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { findLatestRevisionWithStatus } from "@/lib/history/find-latest-revision";
import type { NotificationKind, Role } from "@/lib/report-model";
import type { TransitionName } from "@/lib/schemas/workflow";

import { notifyUsers } from "./notify-users";

/** Active members of an agency holding any of `roles`, other than the one who acted. */
async function membersWith(db: Database, agencyId: string, roles: Role[], exceptUserId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: tables.memberships.userId })
    .from(tables.memberships)
    .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
    .where(
      and(
        eq(tables.memberships.agencyId, agencyId),
        inArray(tables.memberships.role, roles),
        eq(tables.users.isActive, true),
        ne(tables.users.id, exceptUserId),
      ),
    );
  return rows.map((row) => row.userId);
}

const KIND: Record<TransitionName, NotificationKind> = {
  submit: "submitted",
  approve: "approved",
  return: "returned",
  signoff: "signed",
  publish: "published",
  reopen: "reopened",
};

/**
 * Tells the people the step hands the report to: a submission goes to the reviewers, an approval to the
 * approvers, a return back to whoever submitted it (or the drafters), a sign-off or publication to the
 * submitter, a new revision to the drafters.
 */
export async function notifyTransition({
  db,
  user,
  report,
  transition,
  note,
}: {
  db: Database;
  user: SessionUser;
  report: { id: string; agencyId: string; title: string };
  transition: TransitionName;
  note?: string;
}): Promise<number> {
  const title = `《${report.title || "（无标题）"}》`;
  // Who submitted the report for review most recently: the drafter a return goes back to.
  const submitter = (await findLatestRevisionWithStatus(db, report.id, "in_review"))?.createdBy ?? undefined;
  const submitterOrDrafters = async () => (submitter && submitter !== user.id ? [submitter] : membersWith(db, report.agencyId, ["drafter"], user.id));
  const plan: Record<TransitionName, () => Promise<{ userIds: string[]; message: string }>> = {
    submit: async () => ({ userIds: await membersWith(db, report.agencyId, ["reviewer"], user.id), message: `${user.displayName}提交了${title}，等待您审核` }),
    approve: async () => ({
      userIds: await membersWith(db, report.agencyId, ["approver"], user.id),
      message: `${user.displayName}审核通过了${title}，等待您签发`,
    }),
    return: async () => ({ userIds: await submitterOrDrafters(), message: `${user.displayName}退回了${title}：${note ?? ""}` }),
    signoff: async () => ({ userIds: await submitterOrDrafters(), message: `${user.displayName}签发了${title}` }),
    publish: async () => ({ userIds: await submitterOrDrafters(), message: `${title}已标记为已公开` }),
    reopen: async () => ({
      userIds: await membersWith(db, report.agencyId, ["drafter"], user.id),
      message: `${user.displayName}为${title}开始了新修订：${note ?? ""}`,
    }),
  };
  const { userIds, message } = await plan[transition]();
  return notifyUsers({ db, userIds, kind: KIND[transition], reportId: report.id, message });
}
