import { and, desc, eq, gte, inArray, lt, or, type SQL } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { beijingMidnight } from "@/lib/report-model";
import { auditQuerySchema, type AuditQuery } from "@/lib/schemas/admin";
import { assertCan } from "@/lib/workflow/assert-can";

export type AuditEventRow = typeof tables.auditEvents.$inferSelect;

export const AUDIT_PAGE_SIZE = 50;
/** The CSV download stops here; narrow the filter for more. */
export const AUDIT_EXPORT_LIMIT = 50_000;

async function whereFor(db: Database, user: SessionUser, query: ReturnType<typeof auditQuerySchema.parse>): Promise<SQL | undefined> {
  // Failed and successful sign-ins carry the user but not the agency: include the agency's users' events too.
  const members = await db.select({ id: tables.memberships.userId }).from(tables.memberships).where(eq(tables.memberships.agencyId, user.agencyId));
  const ids = [...new Set(members.map((member) => member.id))];
  const conditions: Array<SQL | undefined> = [
    ids.length > 0
      ? or(eq(tables.auditEvents.agencyId, user.agencyId), inArray(tables.auditEvents.userId, ids))
      : eq(tables.auditEvents.agencyId, user.agencyId),
  ];
  if (query.action) conditions.push(eq(tables.auditEvents.action, query.action));
  if (query.username) conditions.push(eq(tables.auditEvents.username, query.username));
  if (query.from) conditions.push(gte(tables.auditEvents.at, beijingMidnight(query.from)));
  if (query.to) conditions.push(lt(tables.auditEvents.at, beijingMidnight(query.to, 1)));
  return and(...conditions);
}

/** One page of the agency's audit log, newest first, filtered by action, user and date range. */
export async function listAuditEvents({
  db,
  user,
  query,
}: {
  db: Database;
  user: SessionUser;
  query: AuditQuery;
}): Promise<{ events: AuditEventRow[]; hasMore: boolean; page: number }> {
  assertCan(user, "audit.read");
  const data = auditQuerySchema.parse(query);
  const rows = await db
    .select()
    .from(tables.auditEvents)
    .where(await whereFor(db, user, data))
    .orderBy(desc(tables.auditEvents.at), desc(tables.auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((data.page - 1) * AUDIT_PAGE_SIZE);
  return { events: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE, page: data.page };
}

/** Every matching entry (up to the export limit), oldest first, for the CSV download. */
export async function listAuditEventsForExport({ db, user, query }: { db: Database; user: SessionUser; query: AuditQuery }): Promise<AuditEventRow[]> {
  assertCan(user, "audit.read");
  const data = auditQuerySchema.parse(query);
  return db
    .select()
    .from(tables.auditEvents)
    .where(await whereFor(db, user, data))
    .orderBy(tables.auditEvents.at, tables.auditEvents.id)
    .limit(AUDIT_EXPORT_LIMIT);
}
