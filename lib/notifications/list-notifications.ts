import "server-only";

import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { NotificationKind } from "@/lib/report-model";

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  message: string;
  reportId: string | null;
  createdAt: Date;
  isRead: boolean;
}

/** The user's own notifications, newest first (at most `limit`). */
export async function listNotifications({ db, user, limit = 100 }: { db: Database; user: SessionUser; limit?: number }): Promise<NotificationView[]> {
  const rows = await db
    .select()
    .from(tables.notifications)
    .where(eq(tables.notifications.userId, user.id))
    .orderBy(desc(tables.notifications.createdAt))
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    message: row.message,
    reportId: row.reportId,
    createdAt: row.createdAt,
    isRead: row.readAt !== null,
  }));
}

export async function countUnreadNotifications({ db, user }: { db: Database; user: SessionUser }): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(tables.notifications)
    .where(and(eq(tables.notifications.userId, user.id), isNull(tables.notifications.readAt)));
  return Number(row?.total ?? 0);
}

/**
 * Marks the given notifications (or all) read. Only the user's own can be named: an id that is not theirs is
 * refused as not found (never told apart from one that does not exist), and nothing is marked.
 */
export async function markNotificationsRead({
  db,
  user,
  ids,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  ids?: readonly string[];
  now?: Date;
}): Promise<number> {
  if (ids?.length === 0) return 0;
  if (ids) {
    const mine = await db
      .select({ id: tables.notifications.id })
      .from(tables.notifications)
      .where(and(eq(tables.notifications.userId, user.id), inArray(tables.notifications.id, [...ids])));
    if (mine.length < new Set(ids).size) throw new NotFoundError("通知");
  }
  const own = and(eq(tables.notifications.userId, user.id), isNull(tables.notifications.readAt));
  const where = ids ? and(own, inArray(tables.notifications.id, [...ids])) : own;
  const updated = await db.update(tables.notifications).set({ readAt: now }).where(where).returning({ id: tables.notifications.id });
  return updated.length;
}
