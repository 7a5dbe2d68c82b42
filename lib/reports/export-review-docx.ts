import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { listCommentThreads } from "@/lib/workflow/list-comment-threads";

import { exportReport, type ExportedFile } from "./export-report";

export interface ExportReviewDocxOptions {
  db: Database;
  user: SessionUser;
  reportId: string;
}

/**
 * The report under review as a DOCX for Word/WPS: its suggestions as tracked changes (w:ins/w:del by author and
 * time) and its open comment threads as Word comments anchored to their text, so a leader can go on in 修订模式.
 */
export async function exportReviewDocx({ db, user, reportId }: ExportReviewDocxOptions): Promise<ExportedFile> {
  // Also checks that the report is of the user's agency.
  const threads = await listCommentThreads({ db, user, reportId });
  const comments = threads
    .filter((thread) => !thread.isResolved && thread.comments.length > 0)
    .map(({ sectionId, itemId, field, range, quote, comments: list }) => ({
      sectionId,
      itemId,
      field,
      range,
      quote,
      comments: list.map(({ authorName, body, createdAt }) => ({ authorName, body, createdAt })),
    }));
  const file = await exportReport({ db, user, reportId, format: "docx", comments });
  return { ...file, fileName: file.fileName.replace(/\.docx$/, "（修订稿）.docx") };
}
