import "server-only";

import { and, eq, isNull, ne, or } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";

import { notifyUsers } from "./notify-users";

const excerpt = (text: string) => (Array.from(text).length > 40 ? `${Array.from(text).slice(0, 40).join("")}…` : text);

/**
 * A comment reaches the people it is addressed to: a new thread goes to whoever is assigned the part or item
 * it is on and to the report's last editor; a reply goes to everyone else already in the thread.
 */
export async function notifyComment({
  db,
  user,
  threadId,
  body,
  isReply,
}: {
  db: Database;
  user: SessionUser;
  threadId: string;
  body: string;
  isReply: boolean;
}): Promise<number> {
  const [thread] = await db
    .select({
      reportId: tables.commentThreads.reportId,
      sectionId: tables.commentThreads.sectionId,
      itemId: tables.commentThreads.itemId,
      title: tables.reports.title,
      updatedBy: tables.reports.updatedBy,
    })
    .from(tables.commentThreads)
    .innerJoin(tables.reports, eq(tables.reports.id, tables.commentThreads.reportId))
    .where(eq(tables.commentThreads.id, threadId));
  if (!thread) return 0;
  let userIds: string[];
  if (isReply) {
    const authors = await db.selectDistinct({ userId: tables.comments.authorId }).from(tables.comments).where(eq(tables.comments.threadId, threadId));
    userIds = authors.map((row) => row.userId).filter((id): id is string => Boolean(id));
  } else {
    const scope = thread.sectionId
      ? and(
          eq(tables.assignments.reportId, thread.reportId),
          eq(tables.assignments.sectionId, thread.sectionId),
          thread.itemId ? or(isNull(tables.assignments.itemId), eq(tables.assignments.itemId, thread.itemId)) : undefined,
          ne(tables.assignments.status, "done"),
        )
      : and(eq(tables.assignments.reportId, thread.reportId), ne(tables.assignments.status, "done"));
    const assignees = await db.selectDistinct({ userId: tables.assignments.assigneeId }).from(tables.assignments).where(scope);
    userIds = [...assignees.map((row) => row.userId), ...(thread.updatedBy ? [thread.updatedBy] : [])];
  }
  const recipients = userIds.filter((id) => id !== user.id);
  const title = `《${thread.title || "（无标题）"}》`;
  const message = isReply ? `${user.displayName}回复了${title}中的意见：${excerpt(body)}` : `${user.displayName}对${title}提出意见：${excerpt(body)}`;
  return notifyUsers({ db, userIds: recipients, kind: "comment", reportId: thread.reportId, message });
}
