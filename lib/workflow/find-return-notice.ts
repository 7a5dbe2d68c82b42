import type { Database } from "@/lib/db";
import { findDisplayName } from "@/lib/reports/display-name";
import { findLatestRevisionWithStatus } from "@/lib/history/find-latest-revision";

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
  const returned = await findLatestRevisionWithStatus(db, reportId, "returned");
  if (!returned) return undefined;
  const note = returned.note ?? "";
  return {
    by: (await findDisplayName(db, returned.createdBy)) || "（已删除的用户）",
    at: returned.createdAt,
    reason: note.startsWith(RETURN_PREFIX) ? note.slice(RETURN_PREFIX.length) : note,
  };
}
