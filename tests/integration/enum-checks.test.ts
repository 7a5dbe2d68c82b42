import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AGENCY_LEVELS, REPORT_STATUSES, ROLES } from "@/lib/report-model";
import { createReport } from "@/lib/reports";

import { seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

/** The error a statement raised inside a rolled-back transaction (or undefined when it succeeded). */
async function errorOf(db: Parameters<Parameters<typeof withRollback>[1]>[0], statement: ReturnType<typeof sql>): Promise<string | undefined> {
  try {
    await db.execute(sql`savepoint probe`);
    await db.execute(statement);
    await db.execute(sql`release savepoint probe`);
    return undefined;
  } catch (error) {
    await db.execute(sql`rollback to savepoint probe`);
    const cause = (error as { cause?: { message?: string } }).cause;
    return String(cause?.message ?? (error as Error).message);
  }
}

describe.skipIf(!isAvailable)(`[ENUMS] status, role and level columns accept only known values on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("refuses an unknown report status, role, agency level and assignment status", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      const { reportId } = await createReport({ db, user, input: { year: 2025, templateId: "department" } });
      expect(await errorOf(db, sql`update reports set status = 'archived' where id = ${reportId}`)).toMatch(/reports_status_check/);
      expect(await errorOf(db, sql`update report_revisions set status = 'lost' where report_id = ${reportId}`)).toMatch(/report_revisions_status_check/);
      expect(await errorOf(db, sql`update memberships set role = 'root' where user_id = ${user.id}`)).toMatch(/memberships_role_check/);
      expect(await errorOf(db, sql`update agencies set level = 'village' where id = ${user.agencyId}`)).toMatch(/agencies_level_check/);
      expect(
        await errorOf(db, sql`insert into assignments (report_id, assignee_id, section_id, status) values (${reportId}, ${user.id}, 's1', 'maybe')`),
      ).toMatch(/assignments_status_check/);
    });
  });

  it("accepts every value the application defines", async () => {
    await withRollback(handle.db, async (db) => {
      const user = await seedUser(db);
      const { reportId } = await createReport({ db, user, input: { year: 2025, templateId: "department" } });
      for (const status of REPORT_STATUSES) expect(await errorOf(db, sql`update reports set status = ${status} where id = ${reportId}`)).toBeUndefined();
      for (const level of AGENCY_LEVELS) expect(await errorOf(db, sql`update agencies set level = ${level} where id = ${user.agencyId}`)).toBeUndefined();
      for (const role of ROLES) {
        expect(await errorOf(db, sql`delete from memberships where user_id = ${user.id} and role = ${role}`)).toBeUndefined();
        expect(await errorOf(db, sql`insert into memberships (user_id, agency_id, role) values (${user.id}, ${user.agencyId}, ${role})`)).toBeUndefined();
      }
    });
  });
});
