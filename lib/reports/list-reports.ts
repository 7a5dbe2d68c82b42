import { desc, eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";

export interface ReportSummary {
  id: string;
  year: number;
  title: string;
  status: string;
  templateId: string;
  revision: number;
  updatedAt: Date;
}

/** The agency's reports, newest year first. */
export async function listReports({ db, user }: { db: Database; user: SessionUser }): Promise<ReportSummary[]> {
  return db
    .select({
      id: tables.reports.id,
      year: tables.reports.year,
      title: tables.reports.title,
      status: tables.reports.status,
      templateId: tables.reports.templateId,
      revision: tables.reports.revision,
      updatedAt: tables.reports.updatedAt,
    })
    .from(tables.reports)
    .where(eq(tables.reports.agencyId, user.agencyId))
    .orderBy(desc(tables.reports.year));
}
