import { and, count, desc, eq, lte } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { getReport } from "@/lib/reports/get-report";
import { assertCan } from "@/lib/workflow/assert-can";

export interface RevisionSummary {
  id: string;
  /** The report's internal save counter: saves folded into one entry leave gaps in it. */
  revision: number;
  /** 第N版 as people count: 1 for the oldest entry, no gaps. */
  number: number;
  status: string;
  /** 提交审核, 退回修改：…, 恢复自第3版…; null for ordinary saves. */
  note: string | null;
  authorName: string;
  createdAt: Date;
  /** Last save coalesced into this revision. */
  updatedAt: Date;
}

/** Every revision of a report, newest first: who, when, in which state. */
export async function listRevisions({ db, user, reportId }: { db: Database; user: SessionUser; reportId: string }): Promise<RevisionSummary[]> {
  assertCan(user, "report.history");
  await getReport({ db, user, reportId });
  const rows = await db
    .select({
      id: tables.reportRevisions.id,
      revision: tables.reportRevisions.revision,
      status: tables.reportRevisions.status,
      note: tables.reportRevisions.note,
      authorName: tables.users.displayName,
      createdAt: tables.reportRevisions.createdAt,
      updatedAt: tables.reportRevisions.updatedAt,
    })
    .from(tables.reportRevisions)
    .leftJoin(tables.users, eq(tables.users.id, tables.reportRevisions.createdBy))
    .where(eq(tables.reportRevisions.reportId, reportId))
    .orderBy(desc(tables.reportRevisions.revision), desc(tables.reportRevisions.createdAt));
  return rows.map((row, index) => ({ ...row, number: rows.length - index, authorName: row.authorName ?? "（系统）" }));
}

/** The 第N版 people see for an entry of the history: how many entries there are up to and including it. */
export async function countRevisionsUpTo(db: Database, reportId: string, revision: number): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(tables.reportRevisions)
    .where(and(eq(tables.reportRevisions.reportId, reportId), lte(tables.reportRevisions.revision, revision)));
  return Number(row?.total ?? 0);
}
