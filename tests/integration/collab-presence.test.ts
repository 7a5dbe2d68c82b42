import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPresenceRegistry, touchPresence } from "@/lib/collab/server";
import * as tables from "@/lib/db/schema";
import { createReport } from "@/lib/reports";

import { seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

describe.skipIf(!isAvailable)(`[COLLAB] presence heartbeat on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it("lists the other windows of the same report, with its status and revision", async () => {
    await withRollback(handle.db, async (db) => {
      const registry = createPresenceRegistry();
      const owner = await seedUser(db, { roles: ["drafter"] });
      const colleague = await seedUser(db, { roles: ["reviewer"], agencyId: owner.agencyId });
      const { reportId } = await createReport({ db, user: owner, input: { year: 2025, templateId: "department" } });
      const first = await touchPresence({ db, user: owner, reportId, registry, input: { clientId: "window-owner-1", itemId: "item-a" } });
      expect(first).toEqual({ people: [], status: "draft", revision: 1 });
      const second = await touchPresence({ db, user: colleague, reportId, registry, input: { clientId: "window-colleague", itemId: null } });
      expect(second.people).toEqual([{ clientId: "window-owner-1", userId: owner.id, displayName: owner.displayName, itemId: "item-a", sectionId: null }]);

      await db.update(tables.reports).set({ status: "in_review", revision: 7 }).where(eq(tables.reports.id, reportId));
      const third = await touchPresence({ db, user: owner, reportId, registry, input: { clientId: "window-owner-1", itemId: "item-b" } });
      expect(third).toMatchObject({ status: "in_review", revision: 7, people: [{ userId: colleague.id, itemId: null }] });

      await touchPresence({ db, user: colleague, reportId, registry, input: { clientId: "window-colleague", isLeaving: true } });
      expect((await touchPresence({ db, user: owner, reportId, registry, input: { clientId: "window-owner-1" } })).people).toEqual([]);
    });
  });

  it("another agency can neither announce itself nor see who is in the report", async () => {
    await withRollback(handle.db, async (db) => {
      const registry = createPresenceRegistry();
      const owner = await seedUser(db, { roles: ["drafter"] });
      const stranger = await seedUser(db, { roles: ["admin", "drafter"] });
      const { reportId } = await createReport({ db, user: owner, input: { year: 2025, templateId: "department" } });
      await touchPresence({ db, user: owner, reportId, registry, input: { clientId: "window-owner-1", itemId: "item-a" } });
      await expect(touchPresence({ db, user: stranger, reportId, registry, input: { clientId: "window-stranger" } })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(touchPresence({ db, user: stranger, reportId: "not-a-uuid", registry, input: { clientId: "window-stranger" } })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      expect(registry.list(reportId, stranger.agencyId)).toEqual([]);
      expect(registry.list(reportId, owner.agencyId).map((entry) => entry.userId)).toEqual([owner.id]);
    });
  });

  it("refuses a malformed heartbeat", async () => {
    await withRollback(handle.db, async (db) => {
      const owner = await seedUser(db, { roles: ["drafter"] });
      const { reportId } = await createReport({ db, user: owner, input: { year: 2025, templateId: "department" } });
      await expect(touchPresence({ db, user: owner, reportId, input: { clientId: "x" } })).rejects.toThrow();
      await expect(touchPresence({ db, user: owner, reportId, input: { clientId: "window-owner-1", itemId: "<script>" } })).rejects.toThrow();
    });
  });
});
