import { and, eq, inArray } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { assertCan } from "@/lib/workflow/assert-can";

import { isReportTargetAction } from "./describe-audit-event";

export interface AuditReportTitle {
  year: number;
  title: string;
}

/** Titles of the agency's reports the given audit entries point at (other agencies' reports stay unnamed). */
export async function listAuditReportTitles({
  db,
  user,
  events,
}: {
  db: Database;
  user: SessionUser;
  events: ReadonlyArray<{ action: string; targetId: string | null }>;
}): Promise<Map<string, AuditReportTitle>> {
  assertCan(user, "audit.read");
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const ids = [
    ...new Set(events.filter((event) => isReportTargetAction(event.action) && event.targetId && uuid.test(event.targetId)).map((event) => event.targetId!)),
  ];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: tables.reports.id, year: tables.reports.year, title: tables.reports.title })
    .from(tables.reports)
    .where(and(eq(tables.reports.agencyId, user.agencyId), inArray(tables.reports.id, ids)));
  return new Map(rows.map((row) => [row.id, { year: row.year, title: row.title }]));
}
