import { and, desc, eq } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";

export interface ReturnNotice {
  /** Who returned the report. */
  by: string;
  at: Date;
  /** The reason they gave (退回意见). */
  reason: string;
}

const RETURN_PREFIX = "退回修改：";

/**
 * Who returned the report, when and why — for the banner the drafter sees while the report is 退回修改.
 * Undefined unless the report is in that state. The caller has already checked that the user may read it.
 */
export async function findReturnNotice({ db, reportId, status }: { db: Database; reportId: string; status: string }): Promise<ReturnNotice | undefined> {
  if (status !== "returned") return undefined;
  const [row] = await db
    .select({ note: tables.reportRevisions.note, at: tables.reportRevisions.createdAt, by: tables.users.displayName })
    .from(tables.reportRevisions)
    .leftJoin(tables.users, eq(tables.users.id, tables.reportRevisions.createdBy))
    .where(and(eq(tables.reportRevisions.reportId, reportId), eq(tables.reportRevisions.status, "returned")))
    .orderBy(desc(tables.reportRevisions.revision))
    .limit(1);
  if (!row) return undefined;
  const note = row.note ?? "";
  return { by: row.by ?? "（已删除的用户）", at: row.at, reason: note.startsWith(RETURN_PREFIX) ? note.slice(RETURN_PREFIX.length) : note };
}
