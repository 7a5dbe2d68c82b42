import { and, count, eq, gt } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";

/**
 * Usernames (sign-in is by username alone) and agency names are unique across the whole installation, so an
 * administrator choosing one may hit a name another agency holds. The answer must not confirm that: a name
 * held outside the administrator's own agency gets the same answer as a reserved name ("不能使用"), never
 * "已被使用" and never which agency; a name held in the administrator's own agency (which the administrator
 * sees in the user list anyway) is named plainly. The answer offers a free alternative so the administrator can
 * go on, and refusals of the first kind are counted per administrator: past NAME_REFUSALS_PER_HOUR the form
 * answers "too many attempts" without looking the name up, so the names of other agencies cannot be listed by
 * trying them in bulk.
 */
export const NAME_REFUSALS_PER_HOUR = 20;

/** Names that are never given to an account, whether or not one holds them. */
export const RESERVED_USERNAMES: ReadonlySet<string> = new Set([
  "admin",
  "administrator",
  "root",
  "system",
  "sysadmin",
  "superuser",
  "nianbao",
  "guest",
  "test",
  "operator",
  "support",
  "security",
  "anonymous",
  "null",
  "undefined",
]);

function refusalKey(actorId: string): string {
  return `name-refusal:${actorId}`;
}

async function assertUnderRefusalLimit(db: Database, actorId: string | undefined): Promise<void> {
  if (!actorId) return;
  const [row] = await db
    .select({ total: count() })
    .from(tables.loginAttempts)
    .where(and(eq(tables.loginAttempts.key, refusalKey(actorId)), gt(tables.loginAttempts.at, new Date(Date.now() - 3600_000))));
  if ((row?.total ?? 0) >= NAME_REFUSALS_PER_HOUR)
    throw new ReportError("RATE_LIMITED", "name refusals", { userMessage: "名称检查过于频繁，请一小时后再试，或联系系统管理员" });
}

async function countRefusal(db: Database, actorId: string | undefined): Promise<void> {
  if (actorId) await db.insert(tables.loginAttempts).values({ key: refusalKey(actorId) });
}

async function isUsernameFree(db: Database, username: string): Promise<boolean> {
  if (RESERVED_USERNAMES.has(username.toLowerCase())) return false;
  const rows = await db.select({ id: tables.users.id }).from(tables.users).where(eq(tables.users.username, username));
  return rows.length === 0;
}

/** `wang.fang` → the first of `wang.fang2`, `wang.fang3`, … that no account holds (within the length limit). */
async function suggestUsername(db: Database, username: string): Promise<string | undefined> {
  const stem = username.slice(0, 30);
  for (let suffix = 2; suffix < 100; suffix++) {
    const candidate = `${stem}${suffix}`;
    if (candidate.length <= 32 && (await isUsernameFree(db, candidate))) return candidate;
  }
  return undefined;
}

/**
 * Refuses a username an administrator (or the CLI, without `actorId`) may not give to a new user of `agencyId`,
 * with a message that names only what the administrator can see anyway.
 */
export async function assertUsernameAvailable(
  db: Database,
  { username, agencyId, actorId }: { username: string; agencyId: string; actorId?: string },
): Promise<void> {
  await assertUnderRefusalLimit(db, actorId);
  const holders = await db
    .select({ displayName: tables.users.displayName, agencyId: tables.memberships.agencyId })
    .from(tables.users)
    .leftJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
    .where(eq(tables.users.username, username));
  const own = holders.find((holder) => holder.agencyId === agencyId);
  if (own)
    throw new ReportError("INVALID_INPUT", "username in own agency", {
      userMessage: `本机关已有用户“${username}”（${own.displayName}），如需调整请在用户列表中修改其角色，或换一个用户名`,
    });
  if (holders.length === 0 && !RESERVED_USERNAMES.has(username.toLowerCase())) return;
  await countRefusal(db, actorId);
  throw new ReportError("INVALID_INPUT", "username unavailable", { userMessage: usernameUnavailableMessage(username, await suggestUsername(db, username)) });
}

/** The one answer for a username held outside the administrator's agency, reserved, or lost to a concurrent insert. */
export function usernameUnavailableMessage(username: string, suggestion?: string): string {
  return `用户名“${username}”不能使用，请换一个${suggestion ? `，例如“${suggestion}”（当前可用）` : ""}`;
}

/** The one answer for an agency name held outside the administrator's own agency and its subordinates. */
export function agencyNameUnavailableMessage(name: string): string {
  return `机关名称“${name}”不能使用，请填写含上级行政区划的全称（如“某某省某某市某某县司法局”）`;
}

/**
 * Refuses an agency name that another agency holds. `agencyId` is the administrator's own agency: a clash with
 * it or one of its subordinates (which the administrator sees) is named; any other clash gets the neutral answer.
 * `exceptAgencyId` is the agency being renamed (keeping its own name is no clash).
 */
export async function assertAgencyNameAvailable(
  db: Database,
  { name, agencyId, actorId, exceptAgencyId }: { name: string; agencyId: string; actorId?: string; exceptAgencyId?: string },
): Promise<void> {
  await assertUnderRefusalLimit(db, actorId);
  const [holder] = await db.select({ id: tables.agencies.id, parentId: tables.agencies.parentId }).from(tables.agencies).where(eq(tables.agencies.name, name));
  if (!holder || holder.id === exceptAgencyId) return;
  if (holder.id === agencyId || holder.parentId === agencyId)
    throw new ReportError("INVALID_INPUT", "agency name visible", {
      userMessage: holder.id === agencyId ? `“${name}”就是本机关的名称` : `本机关的下级机关中已有“${name}”`,
    });
  await countRefusal(db, actorId);
  throw new ReportError("INVALID_INPUT", "agency name unavailable", { userMessage: agencyNameUnavailableMessage(name) });
}
