import { and, eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

export type ReportRowForUpdate = typeof tables.reports.$inferSelect;

/**
 * Inside a transaction: the user's agency's report, locked until the transaction ends, so the revision read
 * is the one written on. Missing and another agency's report are told apart by nobody.
 */
export async function lockReportRow(tx: Database, user: SessionUser, reportId: string): Promise<ReportRowForUpdate> {
  const [row] = await tx
    .select()
    .from(tables.reports)
    .where(and(eq(tables.reports.id, reportId), eq(tables.reports.agencyId, user.agencyId)))
    .for("update");
  if (!row) throw new NotFoundError("报告");
  return row;
}
