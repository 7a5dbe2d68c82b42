import { and, eq } from "drizzle-orm";

import { loadSessionUser } from "@/lib/accounts/load-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";

function invalid(userMessage: string): ReportError {
  return new ReportError("INVALID_INPUT", userMessage, { userMessage });
}

/**
 * The account the command line acts as for a supervising agency: named by --agency (or the only agency that
 * has subordinates) and, with --user, by username; it must hold the 督导 role there. Exports and audit
 * entries are then recorded under that account, as in the browser.
 */
export async function findSupervisorAccount({ db, agencyName, username }: { db: Database; agencyName?: string; username?: string }): Promise<SessionUser> {
  const agencies = await db.select({ id: tables.agencies.id, name: tables.agencies.name, parentId: tables.agencies.parentId }).from(tables.agencies);
  const supervising = agencies.filter((agency) => agencies.some((child) => child.parentId === agency.id));
  let agency = agencyName ? agencies.find((candidate) => candidate.name === agencyName) : undefined;
  if (agencyName && !agency) throw invalid(`找不到机关“${agencyName}”`);
  if (!agency) {
    if (supervising.length === 0) throw invalid("系统中还没有带下级机关的机关");
    if (supervising.length > 1) throw invalid(`请用 --agency 指定督导机关：${supervising.map((candidate) => candidate.name).join("、")}`);
    agency = supervising[0]!;
  }
  const members = await db
    .select({ userId: tables.users.id, username: tables.users.username })
    .from(tables.memberships)
    .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
    .where(and(eq(tables.memberships.agencyId, agency.id), eq(tables.memberships.role, "supervisor"), eq(tables.users.isActive, true)));
  const chosen = username ? members.find((member) => member.username === username) : members.sort((a, b) => a.username.localeCompare(b.username))[0];
  if (!chosen) {
    throw invalid(
      username ? `机关“${agency.name}”没有督导角色的用户“${username}”` : `机关“${agency.name}”还没有督导角色的用户，请先用 create-user --roles supervisor 创建`,
    );
  }
  const user = await loadSessionUser(db, chosen.userId);
  if (!user) throw invalid(`用户“${chosen.username}”已停用`);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    agencyId: user.agencyId,
    agencyName: user.agencyName,
    agencyLevel: user.agencyLevel,
    roles: user.roles,
  };
}
