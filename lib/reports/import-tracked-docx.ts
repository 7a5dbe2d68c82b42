import { eq } from "drizzle-orm";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { notifyComment } from "@/lib/notifications";
import { ImportError } from "@/lib/import/errors";
import { applyTrackedChanges, readTrackedDocx, type PlacedComment, type TrackedDocument, type WordReply } from "@/lib/import/tracked";
import { docToText, formatChineseDate, newId, rejectedView, reportSchema, resolveDocumentFrame, type Report } from "@/lib/report-model";
import type { TrackedImportResult } from "@/lib/schemas/tracked";
import { assertWithinAssignments } from "@/lib/workflow/assert-within-assignments";
import { insertThreadWithComment } from "@/lib/workflow/create-comment-thread";
import { listCommentThreads } from "@/lib/workflow/list-comment-threads";

import { lockReportRow } from "./lock-report-row";
import { getReport } from "./get-report";
import { changeModeFor } from "./suggestion-rules";

export interface ImportTrackedDocxOptions {
  db: Database;
  user: SessionUser;
  reportId: string;
  /** The uploaded .docx. */
  bytes: Uint8Array;
}

/**
 * Brings a DOCX that a leader changed in 修订模式 (Word, WPS, LibreOffice) back into the stored report: its tracked
 * insertions and deletions become suggestions by the Word author (in a heading, lead, title, 主送, 落款, 抄送 or the
 * closing: a field suggestion of the field's whole new text), its comments open threads on their text. Allowed
 * to whoever may change the report in its state (the drafter in draft/returned, the reviewer in review, the approver
 * before sign-off); the text outside the suggestions never changes. One history revision; the log says what could
 * not be placed.
 */
export async function importTrackedDocx({ db, user, reportId, bytes }: ImportTrackedDocxOptions): Promise<TrackedImportResult> {
  // The agency first (getReport refuses another agency's report), then the role in the report's state.
  changeModeFor(user, (await getReport({ db, user, reportId })).status);
  const docx = readDocx(bytes);
  const threads = await listCommentThreads({ db, user, reportId });
  const openThreads = threads.filter((thread) => !thread.isResolved);
  const existingComments = openThreads.map((thread) => thread.comments[0]?.body ?? "");
  const colleagues = await db
    .selectDistinct({ id: tables.users.id, displayName: tables.users.displayName })
    .from(tables.users)
    .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
    .where(eq(tables.memberships.agencyId, user.agencyId));
  const authorIdFor = (name: string) => colleagues.find((colleague) => colleague.displayName === name)?.id;
  const created: Array<{ threadId: string; body: string }> = [];
  const answer = await db.transaction(async (tx) => {
    const row = await lockReportRow(tx, user, reportId);
    const mode = changeModeFor(user, row.status);
    const before: Report = reportSchema.parse(row.content);
    // The 签发人 the report prints: its own, else the agency's (a 文号 line's 签发人 is compared with it).
    const [agency] = await tx.select({ settings: tables.agencies.settings }).from(tables.agencies).where(eq(tables.agencies.id, user.agencyId));
    const { signer, agencyMark, imprintAgency } = resolveDocumentFrame(agency?.settings.frame, before.frame);
    const result = applyTrackedChanges(before, docx, {
      now: new Date().toISOString(),
      newId: () => newId("s"),
      authorIdFor,
      existingComments,
      signer,
      agencyMark,
      imprintAgency,
    });
    const summary = {
      insertions: result.insertions,
      deletions: result.deletions,
      splits: result.splits,
      comments: result.comments.length,
      fieldChanges: result.fieldChanges,
      existingComments: result.existingCommentCount,
      log: result.log,
    };
    const hasSuggestions = result.insertions + result.deletions + result.splits + result.fieldChanges > 0;
    // Word replies to open threads, not yet in them (a file imported twice adds them once).
    const newReplies = result.repliesToExisting.filter((reply) => !openThreads[reply.thread]?.comments.some((comment) => comment.body.includes(reply.text)));
    const replies = result.comments.reduce((sum, comment) => sum + (comment.replies?.length ?? 0), newReplies.length);
    if (!hasSuggestions && result.comments.length === 0 && newReplies.length === 0) return { revision: row.revision, ...summary, replies: 0 };
    const after = reportSchema.parse(result.report);
    assertSameBaseText(before, after);
    if (mode === "edit") await assertWithinAssignments({ db: tx, user, row, content: after });
    let revision = row.revision;
    if (hasSuggestions) {
      revision += 1;
      await tx.update(tables.reports).set({ content: after, revision, updatedAt: new Date(), updatedBy: user.id }).where(eq(tables.reports.id, reportId));
      const fields = result.fieldChanges > 0 ? `，标题等修改 ${result.fieldChanges} 处` : "";
      const splits = result.splits > 0 ? `，分段 ${result.splits} 处` : "";
      const note = `导入 Word 修订：插入 ${result.insertions} 处，删除 ${result.deletions} 处${splits}${fields}，批注 ${result.comments.length} 条`;
      await tx.insert(tables.reportRevisions).values({ reportId, revision, status: row.status, content: after, createdBy: user.id, note });
    }
    for (const comment of result.comments) created.push(await insertThread(tx, user, reportId, comment));
    for (const reply of newReplies) await insertReply(tx, user, openThreads[reply.thread]!.id, reply);
    await recordAuditEvent({
      db: tx,
      action: "report.tracked_imported",
      user,
      targetId: reportId,
      detail: {
        revision,
        insertions: result.insertions,
        deletions: result.deletions,
        splits: result.splits,
        fieldChanges: result.fieldChanges,
        comments: result.comments.length,
        unplaced: result.log,
      },
    });
    return { revision, ...summary, replies };
  });
  // Like any new comment: the drafter and whoever else follows the report is told (after the commit).
  for (const { threadId, body } of created) await notifyComment({ db, user, threadId, body, isReply: false });
  return answer;
}

function readDocx(bytes: Uint8Array): TrackedDocument {
  try {
    return readTrackedDocx(bytes);
  } catch (error) {
    if (error instanceof ImportError) throw new ReportError("INVALID_INPUT", error.code, { userMessage: error.message, cause: error });
    throw new ReportError("INVALID_INPUT", "unreadable docx", { userMessage: "无法读取这个 Word 文件，请用 Word 或 WPS 另存为 .docx 后再上传", cause: error });
  }
}

/** With every suggestion rejected the report reads as before: the import only ever adds suggestions. */
function assertSameBaseText(before: Report, after: Report): void {
  const texts = (report: Report) => {
    const base = rejectedView(report);
    const { meta, closing } = base;
    const fields = [meta.title, meta.mainRecipient, meta.copyTo, meta.signature, meta.docNumber, meta.agency, closing];
    return [
      ...fields,
      docToText(base.opening),
      ...base.sections.flatMap((section) => [section.heading, section.lead, ...section.items.flatMap((item) => [item.heading, docToText(item.body)])]),
    ].join("\u0000");
  };
  if (texts(before) !== texts(after))
    throw new ReportError("INTERNAL", "tracked import changed the base text", { userMessage: "导入修订时出现内部错误，报告未作改动" });
}

async function insertThread(tx: Database, user: SessionUser, reportId: string, comment: PlacedComment): Promise<{ threadId: string; body: string }> {
  const body = wordSource("批注", comment) + comment.text;
  const threadId = await insertThreadWithComment(tx, { reportId, anchor: comment.anchor, authorId: user.id, body: body.slice(0, 5000) });
  for (const reply of comment.replies ?? []) await insertReply(tx, user, threadId, reply);
  return { threadId, body: body.slice(0, 5000) };
}

/** A Word reply (commentsExtended.xml) as a comment of its thread, attributed like the thread's first comment. */
async function insertReply(tx: Database, user: SessionUser, threadId: string, reply: WordReply): Promise<void> {
  await tx.insert(tables.comments).values({ threadId, authorId: user.id, body: (wordSource("回复", reply) + reply.text).slice(0, 5000) });
}

/** “【Word 批注：王局长，2026年11月25日】”: who wrote it in Word, and when. */
function wordSource(kind: "批注" | "回复", { author, date }: { author: string; date: string }): string {
  const when = date ? formatChineseDate(date.slice(0, 10)) : "";
  return `【Word ${kind}：${author || "未署名"}${when ? `，${when}` : ""}】`;
}

/** Whether this user may import a DOCX with tracked changes into a report in this state, and if not, why. */
export function trackedImportAccess(user: Pick<SessionUser, "roles">, status: string): { canImport: boolean; reason?: string } {
  try {
    changeModeFor(user, status);
    return { canImport: true };
  } catch (error) {
    if (error instanceof ReportError) return { canImport: false, reason: `不能导入修订：${error.userMessage}` };
    throw error;
  }
}
