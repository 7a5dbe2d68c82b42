import { desc, eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { deadlineStatuses, type DeadlineStatus } from "@/lib/report-model";

export interface ReportSummary {
  id: string;
  year: number;
  title: string;
  status: string;
  templateId: string;
  revision: number;
  updatedAt: Date;
  /** 报送 and 公开 deadlines from the agency settings: done, late, due soon or upcoming. */
  deadlines: DeadlineStatus[];
}

/** The agency's reports, newest year first. */
export async function listReports({ db, user, now = new Date() }: { db: Database; user: SessionUser; now?: Date }): Promise<ReportSummary[]> {
  const rows = await db
    .select({
      id: tables.reports.id,
      year: tables.reports.year,
      title: tables.reports.title,
      status: tables.reports.status,
      templateId: tables.reports.templateId,
      revision: tables.reports.revision,
      updatedAt: tables.reports.updatedAt,
      settings: tables.agencies.settings,
    })
    .from(tables.reports)
    .innerJoin(tables.agencies, eq(tables.agencies.id, tables.reports.agencyId))
    .where(eq(tables.reports.agencyId, user.agencyId))
    .orderBy(desc(tables.reports.year));
  return rows.map(({ settings, ...row }) => ({ ...row, deadlines: deadlineStatuses({ year: row.year, status: row.status, settings, now }) }));
}
