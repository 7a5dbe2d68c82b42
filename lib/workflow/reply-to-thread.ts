import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { notifyComment } from "@/lib/notifications";
import { replyToThreadSchema, type ReplyToThread } from "@/lib/schemas/workflow";

import { assertCan } from "./assert-can";
import { getThread } from "./find-thread";

/** Adds a reply to a thread of the user's agency. */
export async function replyToThread({ db, user, input }: { db: Database; user: SessionUser; input: ReplyToThread }): Promise<{ commentId: string }> {
  assertCan(user, "report.comment");
  const { threadId, body } = replyToThreadSchema.parse(input);
  await getThread({ db, user, threadId });
  const [comment] = await db.insert(tables.comments).values({ threadId, authorId: user.id, body }).returning({ id: tables.comments.id });
  await notifyComment({ db, user, threadId, body, isReply: true });
  return { commentId: comment!.id };
}
