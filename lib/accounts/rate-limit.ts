import { and, count, eq, gt, lt } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";

/** Failed attempts allowed per window, per account and per address. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const FAILURE_WINDOW_MINUTES = 15;

function windowStart(now: Date): Date {
  return new Date(now.getTime() - FAILURE_WINDOW_MINUTES * 60_000);
}

async function failuresSince(db: Database, key: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(tables.loginAttempts)
    .where(and(eq(tables.loginAttempts.key, key), gt(tables.loginAttempts.at, since)));
  return row?.total ?? 0;
}

export async function isSignInBlocked(db: Database, username: string, ip: string | undefined, now = new Date()): Promise<boolean> {
  const since = windowStart(now);
  if ((await failuresSince(db, `user:${username.toLowerCase()}`, since)) >= MAX_FAILURES_PER_ACCOUNT) return true;
  return ip ? (await failuresSince(db, `ip:${ip}`, since)) >= MAX_FAILURES_PER_ADDRESS : false;
}

export async function recordSignInFailure(db: Database, username: string, ip: string | undefined): Promise<void> {
  const rows = [{ key: `user:${username.toLowerCase()}` }];
  if (ip) rows.push({ key: `ip:${ip}` });
  await db.insert(tables.loginAttempts).values(rows);
  await db.delete(tables.loginAttempts).where(lt(tables.loginAttempts.at, new Date(Date.now() - 24 * 3600_000)));
}

export async function clearSignInFailures(db: Database, username: string): Promise<void> {
  await db.delete(tables.loginAttempts).where(eq(tables.loginAttempts.key, `user:${username.toLowerCase()}`));
}
