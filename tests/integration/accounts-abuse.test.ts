import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { FREE_FAILURES_PER_ACCOUNT, loadSessionUser, MAX_ACCOUNT_DELAY_SECONDS, signInDelay, verifyCredentials } from "@/lib/accounts";
import type { Database } from "@/lib/db";
import * as tables from "@/lib/db/schema";

import { SEED_PASSWORD, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

async function versionOf(db: Database, userId: string): Promise<number> {
  return (await loadSessionUser(db, userId))?.sessionVersion ?? -1;
}

async function fail(db: Database, username: string, ip: string, times: number): Promise<void> {
  for (let attempt = 0; attempt < times; attempt += 1) {
    await verifyCredentials({ db, input: { username, password: "wrong-password" }, ip }).catch(() => undefined);
    // Failures past the free ones are refused (not counted) during the delay: age them so each counts.
    await db.update(tables.loginAttempts).set({ at: new Date(Date.now() - 10 * 60_000) });
  }
}

describe.skipIf(!isAvailable)(`[ABUSE] sessions and sign-in limits on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("[SESSION]: a password change, deactivation, reactivation and role change each raise the session version", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db, { roles: ["drafter"] });
      const start = await versionOf(db, user.id);
      await db.update(tables.users).set({ passwordHash: "$2a$11$different" }).where(eq(tables.users.id, user.id));
      const afterPassword = await versionOf(db, user.id);
      expect(afterPassword).toBeGreaterThan(start);
      await db.update(tables.users).set({ displayName: "改名不影响会话" }).where(eq(tables.users.id, user.id));
      expect(await versionOf(db, user.id)).toBe(afterPassword);
      await db.update(tables.users).set({ isActive: false }).where(eq(tables.users.id, user.id));
      await db.update(tables.users).set({ isActive: true }).where(eq(tables.users.id, user.id));
      const afterReactivation = await versionOf(db, user.id);
      expect(afterReactivation).toBe(afterPassword + 2);
      await db.insert(tables.memberships).values({ userId: user.id, agencyId: user.agencyId, role: "reviewer" });
      expect(await versionOf(db, user.id)).toBe(afterReactivation + 1);
      await db.delete(tables.memberships).where(and(eq(tables.memberships.userId, user.id), eq(tables.memberships.role, "reviewer")));
      expect(await versionOf(db, user.id)).toBe(afterReactivation + 2);
    });
  });

  it("[LOCKOUT]: failures from one address slow that address for long but the owner elsewhere for 30 s at most", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      await fail(db, user.username, "10.0.0.66", 12);
      const now = new Date();
      const attacker = await signInDelay(db, user.username, "10.0.0.66", now);
      const owner = await signInDelay(db, user.username, "10.0.0.7", now);
      expect(attacker.seconds).toBeGreaterThan(MAX_ACCOUNT_DELAY_SECONDS);
      expect(owner.seconds).toBeLessThanOrEqual(MAX_ACCOUNT_DELAY_SECONDS);
      // After the account delay the owner's right password works, and clears the account's count.
      expect((await signInDelay(db, user.username, "10.0.0.7", new Date(now.getTime() + (MAX_ACCOUNT_DELAY_SECONDS + 1) * 1000))).seconds).toBe(0);
      await db.update(tables.loginAttempts).set({ at: new Date(Date.now() - 14 * 60_000) });
      await db.delete(tables.loginAttempts).where(eq(tables.loginAttempts.key, `user:${user.username.toLowerCase()}`));
      await expect(verifyCredentials({ db, input: { username: user.username, password: SEED_PASSWORD }, ip: "10.0.0.7" })).resolves.toMatchObject({
        userId: user.id,
      });
    });
  });

  it("[LOCKOUT]: the agency's administrators get one alert in the audit log when an account starts being slowed", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      await fail(db, user.username, "10.0.0.66", FREE_FAILURES_PER_ACCOUNT + 2);
      const alerts = await db
        .select()
        .from(tables.auditEvents)
        .where(and(eq(tables.auditEvents.action, "sign_in_alert"), eq(tables.auditEvents.userId, user.id)));
      expect(alerts).toHaveLength(1);
      expect(alerts[0]!.detail).toMatchObject({ username: user.username, failures: FREE_FAILURES_PER_ACCOUNT });
      expect(alerts[0]!.ip).toBe("10.0.0.66");
    });
  });
});
