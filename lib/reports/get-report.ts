import { and, eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

export type ReportRow = typeof tables.reports.$inferSelect;

export interface GetReportOptions {
  db: Database;
  user: SessionUser;
  reportId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The report if it belongs to the user's agency, else null (another agency's report is "not found"). */
export async function findReport({ db, user, reportId }: GetReportOptions): Promise<ReportRow | null> {
  if (!UUID.test(reportId)) return null;
  const [row] = await db
    .select()
    .from(tables.reports)
    .where(and(eq(tables.reports.id, reportId), eq(tables.reports.agencyId, user.agencyId)));
  return row ?? null;
}

/** Like findReport, but throws NotFoundError. */
export async function getReport(options: GetReportOptions): Promise<ReportRow> {
  const row = await findReport(options);
  if (!row) throw new NotFoundError("报告");
  return row;
}

/** Last year's report of the same agency, when there is one. */
export async function findPreviousReport({ db, user, year }: { db: Database; user: SessionUser; year: number }): Promise<ReportRow | null> {
  const [row] = await db
    .select()
    .from(tables.reports)
    .where(and(eq(tables.reports.agencyId, user.agencyId), eq(tables.reports.year, year - 1)));
  return row ?? null;
}
