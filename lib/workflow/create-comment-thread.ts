import type { z } from "zod";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { notifyComment } from "@/lib/notifications";
import { ReportError } from "@/lib/errors";
import type { Report } from "@/lib/report-model";
import { getReport } from "@/lib/reports/get-report";
import { type commentAnchorSchema, createCommentThreadSchema, type CreateCommentThread } from "@/lib/schemas/workflow";

import { assertCan } from "./assert-can";

export interface CreateCommentThreadOptions {
  db: Database;
  user: SessionUser;
  reportId: string;
  input: CreateCommentThread;
}

/** Opens a thread on the report, a part, an item or a selected range, with its first comment. */
export async function createCommentThread({ db, user, reportId, input }: CreateCommentThreadOptions): Promise<{ threadId: string }> {
  assertCan(user, "report.comment");
  const { anchor, body } = createCommentThreadSchema.parse(input);
  const row = await getReport({ db, user, reportId });
  assertAnchorExists(row.content, anchor.sectionId, anchor.itemId);
  const threadId = await db.transaction((tx) => insertThreadWithComment(tx, { reportId, anchor, authorId: user.id, body }));
  await recordAuditEvent({ db, action: "comment.create", user, targetId: reportId, detail: { threadId, sectionId: anchor.sectionId, itemId: anchor.itemId } });
  await notifyComment({ db, user, threadId, body, isReply: false });
  return { threadId };
}

/** Where a thread points: the parsed comment anchor (every field present). */
export type ThreadAnchor = z.output<typeof commentAnchorSchema>;

/** Inside a transaction: a new thread at `anchor` with its first comment; returns the thread's id. */
export async function insertThreadWithComment(
  tx: Database,
  { reportId, anchor, authorId, body }: { reportId: string; anchor: ThreadAnchor; authorId: string; body: string },
): Promise<string> {
  const [thread] = await tx
    .insert(tables.commentThreads)
    .values({
      reportId,
      sectionId: anchor.sectionId,
      itemId: anchor.itemId,
      field: anchor.field,
      rangeFrom: anchor.from,
      rangeTo: anchor.to,
      quote: anchor.quote.slice(0, 500),
      createdBy: authorId,
    })
    .returning({ id: tables.commentThreads.id });
  await tx.insert(tables.comments).values({ threadId: thread!.id, authorId, body });
  return thread!.id;
}

export function assertAnchorExists(content: Report, sectionId: string | null, itemId: string | null): void {
  if (sectionId === null) return;
  const section = content.sections.find((candidate) => candidate.id === sectionId);
  const isFound = section && (itemId === null || section.items.some((item) => item.id === itemId));
  if (!isFound) throw new ReportError("INVALID_INPUT", "anchor not found", { userMessage: "意见所指的部分或条目不存在，请刷新后重试" });
}
