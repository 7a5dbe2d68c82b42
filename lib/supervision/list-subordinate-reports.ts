import { and, inArray } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { assertCan } from "@/lib/workflow/assert-can";

import { listSubordinateAgencies, type SubordinateAgency } from "./list-subordinate-agencies";

export type SubordinateReportRow = typeof tables.reports.$inferSelect;

export interface SubordinateReports {
  /** Every agency below the user's, in tree order. */
  agencies: SubordinateAgency[];
  /** Their reports of the given years (none when there are no subordinates). */
  reports: SubordinateReportRow[];
  /** The report of one agency and year, or null. */
  reportOf: (agencyId: string, year: number) => SubordinateReportRow | null;
}

/** The supervisor's view of its subordinate agencies and their reports of some years; the role is checked first. */
export async function listSubordinateReports({ db, user, years }: { db: Database; user: SessionUser; years: readonly number[] }): Promise<SubordinateReports> {
  assertCan(user, "supervision.read");
  const agencies = await listSubordinateAgencies(db, user.agencyId);
  const reports =
    agencies.length === 0
      ? []
      : await db
          .select()
          .from(tables.reports)
          .where(
            and(
              inArray(tables.reports.year, [...years]),
              inArray(
                tables.reports.agencyId,
                agencies.map((agency) => agency.id),
              ),
            ),
          );
  const reportOf = (agencyId: string, year: number) => reports.find((row) => row.agencyId === agencyId && row.year === year) ?? null;
  return { agencies, reports, reportOf };
}
