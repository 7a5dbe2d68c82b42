import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { NAME_REFUSALS_PER_HOUR } from "@/lib/accounts";
import { createAgencyUser, createChildAgency, updateAgencyProfile, getAgencyProfile } from "@/lib/admin";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import * as tables from "@/lib/db/schema";
import { ReportError } from "@/lib/errors";

import { seedAgency, seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

const NEW_USER = { displayName: "王芳", password: "a-long-password", roles: ["drafter" as const] };

async function refusal(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ReportError);
  return { code: (error as ReportError).code, message: (error as ReportError).userMessage };
}

/** Two unrelated agencies: 甲 (the prober) and 乙 (whose names must not be confirmed). */
async function twoAgencies(db: Database): Promise<{ admin: SessionUser; foreignUsername: string; foreignAgency: string }> {
  const admin = await seedUser(db, { roles: ["admin"] });
  const foreignAgency = await seedAgency(db, { name: "乙县人力资源和社会保障局" });
  const foreign = await seedUser(db, { roles: ["drafter"], agencyId: foreignAgency.id, username: "yi.secret" });
  return { admin, foreignUsername: foreign.username, foreignAgency: foreignAgency.name };
}

describe.skipIf(!isAvailable)(`[ABUSE] usernames and agency names of other agencies are not confirmed on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("a username held by another agency gets the same answer as a reserved one, with a free alternative", async () => {
    await withRollback(handle.db, async (db) => {
      const { admin, foreignUsername } = await twoAgencies(db);
      const taken = await refusal(() => createAgencyUser({ db, user: admin, input: { ...NEW_USER, username: foreignUsername } }));
      const reserved = await refusal(() => createAgencyUser({ db, user: admin, input: { ...NEW_USER, username: "operator" } }));
      expect(taken).toEqual({ code: "INVALID_INPUT", message: "用户名“yi.secret”不能使用，请换一个，例如“yi.secret2”（当前可用）" });
      expect(reserved).toEqual({ code: "INVALID_INPUT", message: "用户名“operator”不能使用，请换一个，例如“operator2”（当前可用）" });
      for (const { message } of [taken, reserved]) {
        expect(message).not.toMatch(/已被使用|已存在|乙县/);
      }
      // The alternative really is free: the administrator can go on with it.
      await createAgencyUser({ db, user: admin, input: { ...NEW_USER, username: "yi.secret2" } });
      // A name in the administrator's own agency is named plainly (the user list shows it anyway).
      const own = await refusal(() => createAgencyUser({ db, user: admin, input: { ...NEW_USER, username: "yi.secret2" } }));
      expect(own.message).toBe("本机关已有用户“yi.secret2”（王芳），如需调整请在用户列表中修改其角色，或换一个用户名");
    });
  });

  it("an agency name held by an unrelated agency is not confirmed, one of the administrator's own subordinates is named", async () => {
    await withRollback(handle.db, async (db) => {
      const { admin, foreignAgency } = await twoAgencies(db);
      const child = { agencyLevel: "department" as const, username: "child.admin", displayName: "李四", password: "a-long-password" };
      const foreign = await refusal(() => createChildAgency({ db, user: admin, input: { ...child, agencyName: foreignAgency } }));
      expect(foreign.message).toBe(`机关名称“${foreignAgency}”不能使用，请填写含上级行政区划的全称（如“某某省某某市某某县司法局”）`);
      const before = await getAgencyProfile({ db, user: admin });
      const rename = await refusal(() => updateAgencyProfile({ db, user: admin, input: { ...before, name: foreignAgency } }));
      expect(rename.message).toBe(foreign.message);

      await createChildAgency({ db, user: admin, input: { ...child, agencyName: "甲县水务局" } });
      const sibling = await refusal(() => createChildAgency({ db, user: admin, input: { ...child, username: "child.admin.b", agencyName: "甲县水务局" } }));
      expect(sibling.message).toBe("本机关的下级机关中已有“甲县水务局”");
      // Keeping one's own name on a profile save is no clash.
      const profile = await getAgencyProfile({ db, user: admin });
      await updateAgencyProfile({ db, user: admin, input: { ...profile, defaultSignature: "甲机关" } });
    });
  });

  it(`after ${NAME_REFUSALS_PER_HOUR} refusals in an hour an administrator gets "too many" without the name being looked up`, async () => {
    await withRollback(handle.db, async (db) => {
      const { admin } = await twoAgencies(db);
      for (let attempt = 0; attempt < NAME_REFUSALS_PER_HOUR; attempt++) {
        const probe = await refusal(() => createAgencyUser({ db, user: admin, input: { ...NEW_USER, username: attempt % 2 ? "yi.secret" : "root" } }));
        expect(probe.code).toBe("INVALID_INPUT");
      }
      // From now on even a free name is answered the same way, so further probing learns nothing.
      for (const username of ["yi.secret", "surely.free.name"]) {
        const limited = await refusal(() => createAgencyUser({ db, user: admin, input: { ...NEW_USER, username } }));
        expect(limited).toEqual({ code: "RATE_LIMITED", message: "名称检查过于频繁，请一小时后再试，或联系系统管理员" });
      }
      // Another administrator is not affected; an hour later the first one may try again.
      const other = await seedUser(db, { roles: ["admin"] });
      await createAgencyUser({ db, user: other, input: { ...NEW_USER, username: "other.new" } });
      await db.update(tables.loginAttempts).set({ at: new Date(Date.now() - 3601_000) });
      await createAgencyUser({ db, user: admin, input: { ...NEW_USER, username: "surely.free.name" } });
    });
  });
});
