import { and, eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

export type RevisionRow = typeof tables.reportRevisions.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One revision of one of the agency's reports; anything else is "not found". */
export async function getRevision({
  db,
  user,
  reportId,
  revisionId,
}: {
  db: Database;
  user: SessionUser;
  reportId: string;
  revisionId: string;
}): Promise<RevisionRow> {
  if (!UUID.test(revisionId) || !UUID.test(reportId)) throw new NotFoundError("版本");
  const [row] = await db
    .select({ revision: tables.reportRevisions })
    .from(tables.reportRevisions)
    .innerJoin(tables.reports, eq(tables.reports.id, tables.reportRevisions.reportId))
    .where(and(eq(tables.reportRevisions.id, revisionId), eq(tables.reportRevisions.reportId, reportId), eq(tables.reports.agencyId, user.agencyId)));
  if (!row) throw new NotFoundError("版本");
  return row.revision;
}
