import { and, eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { ROLES, type Role } from "@/lib/report-model";

export interface AgencyMember {
  id: string;
  username: string;
  displayName: string;
  isActive: boolean;
  roles: Role[];
  createdAt: Date;
}

/** Users of the administrator's own agency; a user of another agency is "not found". */
export async function listAgencyMembers(db: Database, agencyId: string, userId?: string): Promise<AgencyMember[]> {
  const rows = await db
    .select({ user: tables.users, role: tables.memberships.role })
    .from(tables.users)
    .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
    .where(userId ? and(eq(tables.memberships.agencyId, agencyId), eq(tables.users.id, userId)) : eq(tables.memberships.agencyId, agencyId))
    .orderBy(tables.users.createdAt, tables.users.username);
  const members = new Map<string, AgencyMember>();
  for (const { user, role } of rows) {
    const member = members.get(user.id) ?? {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      isActive: user.isActive,
      roles: [],
      createdAt: user.createdAt,
    };
    member.roles.push(role as Role);
    members.set(user.id, member);
  }
  for (const member of members.values()) member.roles.sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
  return [...members.values()];
}

export async function getAgencyMember(db: Database, admin: SessionUser, userId: string): Promise<AgencyMember> {
  const [member] = await listAgencyMembers(db, admin.agencyId, userId);
  if (!member) throw new NotFoundError("用户");
  return member;
}

/** Refuses a change that would leave the agency without an active administrator. */
export async function hasOtherActiveAdmin(db: Database, agencyId: string, exceptUserId: string): Promise<boolean> {
  const members = await listAgencyMembers(db, agencyId);
  return members.some((member) => member.id !== exceptUserId && member.isActive && member.roles.includes("admin"));
}
