import { eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import type { AgencyLevel, Role } from "@/lib/report-model";

/** Reads the user with agency, roles and session version; null when missing, deactivated or without membership. */
export async function loadSessionUser(db: Database, userId: string): Promise<(SessionUser & { sessionVersion: number }) | null> {
  const rows = await db
    .select({
      id: tables.users.id,
      username: tables.users.username,
      displayName: tables.users.displayName,
      isActive: tables.users.isActive,
      sessionVersion: tables.users.sessionVersion,
      agencyId: tables.agencies.id,
      agencyName: tables.agencies.name,
      agencyLevel: tables.agencies.level,
      role: tables.memberships.role,
    })
    .from(tables.users)
    .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
    .innerJoin(tables.agencies, eq(tables.agencies.id, tables.memberships.agencyId))
    .where(eq(tables.users.id, userId));
  const first = rows[0];
  if (!first || !first.isActive) return null;
  // A user belongs to one agency; roles are all memberships in that agency.
  const roles = rows.filter((row) => row.agencyId === first.agencyId).map((row) => row.role as Role);
  return {
    id: first.id,
    username: first.username,
    displayName: first.displayName,
    agencyId: first.agencyId,
    agencyName: first.agencyName,
    agencyLevel: first.agencyLevel as AgencyLevel,
    roles,
    sessionVersion: first.sessionVersion,
  };
}
