import { and, desc, eq } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import type { ReportStatus } from "@/lib/report-model";

export interface RevisionStamp {
  revision: number;
  createdAt: Date;
  createdBy: string | null;
  note: string | null;
}

/**
 * The newest revision in which the report entered `status` (who submitted it, when it was signed, why it was
 * returned). The caller has already checked that the user may read the report.
 */
export async function findLatestRevisionWithStatus(db: Database, reportId: string, status: ReportStatus): Promise<RevisionStamp | undefined> {
  const [row] = await db
    .select({
      revision: tables.reportRevisions.revision,
      createdAt: tables.reportRevisions.createdAt,
      createdBy: tables.reportRevisions.createdBy,
      note: tables.reportRevisions.note,
    })
    .from(tables.reportRevisions)
    .where(and(eq(tables.reportRevisions.reportId, reportId), eq(tables.reportRevisions.status, status)))
    .orderBy(desc(tables.reportRevisions.revision))
    .limit(1);
  return row;
}
