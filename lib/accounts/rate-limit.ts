import { and, count, eq, gt, lt, max } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";

/** Failures within the window before delays start, per account (from any address) and per address. */
export const FREE_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const FAILURE_WINDOW_MINUTES = 15;
/**
 * Longest wait an account's failures from other addresses can impose: anyone who knows a username can
 * fail on purpose, so the owner is only ever slowed by this much, never locked out.
 */
export const MAX_ACCOUNT_DELAY_SECONDS = 30;
/** Longest wait for the address that made the failures (the guesser itself). */
export const MAX_PAIR_DELAY_SECONDS = 15 * 60;

export interface SignInDelay {
  /** Seconds until the next attempt is allowed; 0 when it is allowed now. */
  seconds: number;
  /** The address made more than MAX_FAILURES_PER_ADDRESS failures: blocked for the window. */
  isAddressBlocked: boolean;
}

function windowStart(now: Date): Date {
  return new Date(now.getTime() - FAILURE_WINDOW_MINUTES * 60_000);
}

async function failuresSince(db: Database, key: string, since: Date): Promise<{ total: number; last: Date | null }> {
  const [row] = await db
    .select({ total: count(), last: max(tables.loginAttempts.at) })
    .from(tables.loginAttempts)
    .where(and(eq(tables.loginAttempts.key, key), gt(tables.loginAttempts.at, since)));
  return { total: row?.total ?? 0, last: row?.last ? new Date(row.last) : null };
}

/** 5 s after the last free failure, doubling with each further failure, up to `cap`. */
function progressiveDelay(failures: { total: number; last: Date | null }, cap: number, now: Date): number {
  if (failures.total < FREE_FAILURES_PER_ACCOUNT || !failures.last) return 0;
  const seconds = Math.min(cap, 5 * 2 ** Math.min(20, failures.total - FREE_FAILURES_PER_ACCOUNT));
  return Math.max(0, Math.ceil((failures.last.getTime() + seconds * 1000 - now.getTime()) / 1000));
}

function accountKey(username: string): string {
  return `user:${username.toLowerCase()}`;
}

/** How long this account may not try from this address. */
export async function signInDelay(db: Database, username: string, ip: string | undefined, now = new Date()): Promise<SignInDelay> {
  const since = windowStart(now);
  if (ip && (await failuresSince(db, `ip:${ip}`, since)).total >= MAX_FAILURES_PER_ADDRESS)
    return { seconds: FAILURE_WINDOW_MINUTES * 60, isAddressBlocked: true };
  const account = progressiveDelay(await failuresSince(db, accountKey(username), since), MAX_ACCOUNT_DELAY_SECONDS, now);
  const pair = ip ? progressiveDelay(await failuresSince(db, `pair:${username.toLowerCase()}|${ip}`, since), MAX_PAIR_DELAY_SECONDS, now) : 0;
  return { seconds: Math.max(account, pair), isAddressBlocked: false };
}

/** Records a failure; returns the account's failure count in the window (for the administrator alert). */
export async function recordSignInFailure(db: Database, username: string, ip: string | undefined): Promise<number> {
  const rows = [{ key: accountKey(username) }];
  if (ip) rows.push({ key: `ip:${ip}` }, { key: `pair:${username.toLowerCase()}|${ip}` });
  await db.insert(tables.loginAttempts).values(rows);
  await db.delete(tables.loginAttempts).where(lt(tables.loginAttempts.at, new Date(Date.now() - 24 * 3600_000)));
  return (await failuresSince(db, accountKey(username), windowStart(new Date()))).total;
}

export async function clearSignInFailures(db: Database, username: string, ip?: string): Promise<void> {
  await db.delete(tables.loginAttempts).where(eq(tables.loginAttempts.key, accountKey(username)));
  if (ip) await db.delete(tables.loginAttempts).where(eq(tables.loginAttempts.key, `pair:${username.toLowerCase()}|${ip}`));
}
