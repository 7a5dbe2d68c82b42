import { and, eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

export type CommentThreadRow = typeof tables.commentThreads.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A thread on one of the user's agency's reports; another agency's thread is "not found". */
export async function getThread({ db, user, threadId }: { db: Database; user: SessionUser; threadId: string }): Promise<CommentThreadRow> {
  if (!UUID.test(threadId)) throw new NotFoundError("意见");
  const [row] = await db
    .select({ thread: tables.commentThreads })
    .from(tables.commentThreads)
    .innerJoin(tables.reports, eq(tables.reports.id, tables.commentThreads.reportId))
    .where(and(eq(tables.commentThreads.id, threadId), eq(tables.reports.agencyId, user.agencyId)));
  if (!row) throw new NotFoundError("意见");
  return row.thread;
}
