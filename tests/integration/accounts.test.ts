import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import {
  isSetupOpen,
  loadSessionUser,
  FREE_FAILURES_PER_ACCOUNT,
  setupFirstRun,
  SIGN_IN_BLOCKED_MESSAGE,
  SIGN_IN_FAILED_MESSAGE,
  verifyCredentials,
} from "@/lib/accounts";
import { hashPassword } from "@/lib/auth/password";
import { type ReportError } from "@/lib/errors";

import { SEED_PASSWORD, seedUser, uniqueName } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

describe.skipIf(!isAvailable)(`[ACCOUNTS] on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("first-run setup creates the agency and its administrator, then closes for good", async () => {
    await withRollback(handle.db, async (db) => {
      expect(await isSetupOpen(db)).toBe(true);
      const input = { agencyName: "示例县司法局", agencyLevel: "department" as const, username: "admin", displayName: "张三", password: "a-long-password" };
      const { userId } = await setupFirstRun({ db, input });
      expect(await isSetupOpen(db)).toBe(false);
      const user = await loadSessionUser(db, userId);
      expect(user).toMatchObject({ username: "admin", agencyName: "示例县司法局", roles: ["admin"] });
      await expect(setupFirstRun({ db, input: { ...input, username: "second" } })).rejects.toMatchObject({
        code: "FORBIDDEN",
        userMessage: "系统已完成初始化，不能再次设置",
      });
    });
  });

  it("setup rejects malformed fields with Chinese field messages", async () => {
    await withRollback(handle.db, async (db) => {
      await expect(
        setupFirstRun({ db, input: { agencyName: "", agencyLevel: "department", username: "a", displayName: "", password: "short" } }),
      ).rejects.toMatchObject({
        issues: expect.arrayContaining([expect.objectContaining({ message: "密码至少10个字符" }), expect.objectContaining({ message: "用户名至少3个字符" })]),
      });
    });
  });

  it("accepts the right password and gives one message for a wrong password or an unknown user", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      await expect(verifyCredentials({ db, input: { username: user.username, password: SEED_PASSWORD } })).resolves.toMatchObject({ userId: user.id });
      const wrong = await verifyCredentials({ db, input: { username: user.username, password: "nope-nope-nope" } }).catch((error: ReportError) => error);
      const unknown = await verifyCredentials({ db, input: { username: uniqueName("ghost"), password: "nope-nope-nope" } }).catch(
        (error: ReportError) => error,
      );
      expect((wrong as ReportError).userMessage).toBe(SIGN_IN_FAILED_MESSAGE);
      expect((unknown as ReportError).userMessage).toBe(SIGN_IN_FAILED_MESSAGE);
    });
  });

  it("an unknown username costs one full-cost password comparison, like a wrong password, so timing tells nothing", async () => {
    await withRollback(handle.db, async (db) => {
      const costOf = (hash: string) => Number(/^\$2[aby]\$(\d{2})\$/.exec(hash)?.[1]);
      const realCost = costOf(await hashPassword("a-long-password"));
      const compare = vi.spyOn(bcrypt, "compare");
      try {
        await verifyCredentials({ db, input: { username: uniqueName("ghost"), password: "nope-nope-nope" } }).catch(() => undefined);
        expect(compare).toHaveBeenCalledTimes(1);
        expect(costOf(String(compare.mock.calls[0]![1]))).toBe(realCost);
      } finally {
        compare.mockRestore();
      }
    });
  });

  it("blocks an account after repeated failures, even with the right password", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      for (let attempt = 0; attempt < FREE_FAILURES_PER_ACCOUNT; attempt += 1) {
        await verifyCredentials({ db, input: { username: user.username, password: "wrong-password" }, ip: "10.0.0.9" }).catch(() => undefined);
      }
      await expect(verifyCredentials({ db, input: { username: user.username, password: SEED_PASSWORD } })).rejects.toMatchObject({
        code: "RATE_LIMITED",
        userMessage: expect.stringContaining(SIGN_IN_BLOCKED_MESSAGE),
      });
    });
  });

  it("a deactivated user has no session user", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      const { users } = await import("@/lib/db/schema");
      const { eq } = await import("drizzle-orm");
      await db.update(users).set({ isActive: false }).where(eq(users.id, user.id));
      expect(await loadSessionUser(db, user.id)).toBeNull();
    });
  });
});
