import { and, eq } from "drizzle-orm";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { reportSchema } from "@/lib/report-model";
import { isUniqueViolation } from "@/lib/reports/errors";
import { getReport } from "@/lib/reports/get-report";
import { restoreRevisionSchema, type RestoreRevision } from "@/lib/schemas/workflow";
import { assertCan } from "@/lib/workflow/assert-can";
import { assertWithinAssignments } from "@/lib/workflow/assert-within-assignments";

import { getRevision } from "./get-revision";
import { countRevisionsUpTo } from "./list-revisions";

/** Makes an old revision's content the newest revision; the draft's history is kept, nothing is overwritten. */
export async function restoreRevision({
  db,
  user,
  reportId,
  input,
}: {
  db: Database;
  user: SessionUser;
  reportId: string;
  input: RestoreRevision;
}): Promise<{ revision: number }> {
  assertCan(user, "report.restore");
  const { revisionId } = restoreRevisionSchema.parse(input);
  const row = await getReport({ db, user, reportId });
  if (row.status !== "draft") throw new ReportError("INVALID_STATE", "not a draft", { userMessage: "只有草稿状态的报告可以恢复旧版本" });
  const source = await getRevision({ db, user, reportId, revisionId });
  const content = reportSchema.parse(source.content);
  await assertWithinAssignments({ db, user, row, content });
  const revision = row.revision + 1;
  // The 第N版 the history shows for the source, not its internal save counter.
  const sourceNumber = await countRevisionsUpTo(db, reportId, source.revision);
  try {
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(tables.reports)
        .set({ content, revision, title: content.meta.title, year: content.meta.year, updatedAt: new Date(), updatedBy: user.id })
        .where(and(eq(tables.reports.id, reportId), eq(tables.reports.revision, row.revision), eq(tables.reports.status, "draft")))
        .returning({ id: tables.reports.id });
      if (updated.length === 0) throw new ReportError("CONFLICT", "changed meanwhile", { userMessage: "报告刚被修改，请刷新后再恢复" });
      await tx.insert(tables.reportRevisions).values({ reportId, revision, status: "draft", content, createdBy: user.id, note: `恢复自第${sourceNumber}版` });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ReportError("INVALID_INPUT", "duplicate year", { userMessage: "该版本的年度与本机关另一份报告相同，不能恢复", cause: error });
    throw error;
  }
  await recordAuditEvent({ db, action: "report.restore", user, targetId: reportId, detail: { fromRevision: source.revision, revision } });
  return { revision };
}
