import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { getReport } from "@/lib/reports/get-report";

export interface CommentView {
  id: string;
  authorName: string;
  body: string;
  createdAt: Date;
}

export interface CommentThreadView {
  id: string;
  sectionId: string | null;
  itemId: string | null;
  field: string | null;
  range: { from: number; to: number } | null;
  quote: string;
  isResolved: boolean;
  resolvedByName: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
  comments: CommentView[];
}

/** Every thread of a report with its comments, oldest first. */
export async function listCommentThreads({ db, user, reportId }: { db: Database; user: SessionUser; reportId: string }): Promise<CommentThreadView[]> {
  await getReport({ db, user, reportId });
  const resolver = alias(tables.users, "resolver");
  const threads = await db
    .select({ thread: tables.commentThreads, resolvedByName: resolver.displayName })
    .from(tables.commentThreads)
    .leftJoin(resolver, eq(resolver.id, tables.commentThreads.resolvedBy))
    .where(eq(tables.commentThreads.reportId, reportId))
    .orderBy(asc(tables.commentThreads.createdAt));
  if (threads.length === 0) return [];
  const comments = await db
    .select({ comment: tables.comments, authorName: tables.users.displayName })
    .from(tables.comments)
    .leftJoin(tables.users, eq(tables.users.id, tables.comments.authorId))
    .where(
      inArray(
        tables.comments.threadId,
        threads.map(({ thread }) => thread.id),
      ),
    )
    .orderBy(asc(tables.comments.createdAt));
  return threads.map(({ thread, resolvedByName }) => ({
    id: thread.id,
    sectionId: thread.sectionId,
    itemId: thread.itemId,
    field: thread.field,
    range: thread.rangeFrom !== null && thread.rangeTo !== null ? { from: thread.rangeFrom, to: thread.rangeTo } : null,
    quote: thread.quote,
    isResolved: thread.resolvedAt !== null,
    resolvedByName,
    resolvedAt: thread.resolvedAt,
    createdAt: thread.createdAt,
    comments: comments
      .filter(({ comment }) => comment.threadId === thread.id)
      .map(({ comment, authorName }) => ({ id: comment.id, authorName: authorName ?? "（已删除用户）", body: comment.body, createdAt: comment.createdAt })),
  }));
}

export interface UnresolvedCounts {
  total: number;
  /** Keyed by item id, for the outline. */
  byItem: Record<string, number>;
  /** Keyed by section id: threads on the part itself or any of its items. */
  bySection: Record<string, number>;
}

/** Unresolved threads of a report (already authorised by the caller's getReport). */
export async function countUnresolvedThreads(db: Database, reportId: string): Promise<UnresolvedCounts> {
  const rows = await db
    .select({ sectionId: tables.commentThreads.sectionId, itemId: tables.commentThreads.itemId, total: count() })
    .from(tables.commentThreads)
    .where(and(eq(tables.commentThreads.reportId, reportId), isNull(tables.commentThreads.resolvedAt)))
    .groupBy(tables.commentThreads.sectionId, tables.commentThreads.itemId);
  const counts: UnresolvedCounts = { total: 0, byItem: {}, bySection: {} };
  for (const row of rows) {
    counts.total += row.total;
    if (row.itemId) counts.byItem[row.itemId] = (counts.byItem[row.itemId] ?? 0) + row.total;
    if (row.sectionId) counts.bySection[row.sectionId] = (counts.bySection[row.sectionId] ?? 0) + row.total;
  }
  return counts;
}
