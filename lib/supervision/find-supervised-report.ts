import { eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { can } from "@/lib/permissions";
import type { ReportRow } from "@/lib/reports/get-report";

import { listSubordinateAgencies } from "./list-subordinate-agencies";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A report of an agency below the supervisor's own, read-only; null for anyone without
 * supervision.read and for reports outside the supervised tree (never told apart).
 */
export async function findReportForSupervisor({
  db,
  user,
  reportId,
}: {
  db: Database;
  user: SessionUser;
  reportId: string;
}): Promise<(ReportRow & { agencyName: string }) | null> {
  if (!can(user.roles, "supervision.read") || !UUID.test(reportId)) return null;
  const [row] = await db
    .select({ report: tables.reports, agencyName: tables.agencies.name })
    .from(tables.reports)
    .innerJoin(tables.agencies, eq(tables.agencies.id, tables.reports.agencyId))
    .where(eq(tables.reports.id, reportId));
  if (!row) return null;
  const subordinates = await listSubordinateAgencies(db, user.agencyId);
  if (!subordinates.some((agency) => agency.id === row.report.agencyId)) return null;
  return { ...row.report, agencyName: row.agencyName };
}
