import { eq } from "drizzle-orm";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { threadIdSchema } from "@/lib/schemas/workflow";

import { assertCan } from "./assert-can";
import { getThread } from "./find-thread";

export interface SetThreadResolvedOptions {
  db: Database;
  user: SessionUser;
  threadId: string;
  /** true resolves the thread, false reopens it. */
  isResolved: boolean;
}

/** Resolves or reopens a thread; unresolved threads block sign-off. */
export async function setThreadResolved({ db, user, threadId, isResolved }: SetThreadResolvedOptions): Promise<{ isResolved: boolean }> {
  assertCan(user, "report.comment");
  const thread = await getThread({ db, user, threadId: threadIdSchema.parse(threadId) });
  await db
    .update(tables.commentThreads)
    .set(isResolved ? { resolvedAt: new Date(), resolvedBy: user.id } : { resolvedAt: null, resolvedBy: null })
    .where(eq(tables.commentThreads.id, thread.id));
  await recordAuditEvent({ db, action: isResolved ? "comment.resolve" : "comment.reopen", user, targetId: thread.reportId, detail: { threadId } });
  return { isResolved };
}
