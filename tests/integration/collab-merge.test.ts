import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { mergeReports, type MergeChoice } from "@/lib/collab";
import type { Database } from "@/lib/db";
import * as tables from "@/lib/db/schema";
import { docToText, textToDoc, type Report } from "@/lib/report-model";
import { ConflictError, createReport, getReport, saveReportContent } from "@/lib/reports";
import type { SessionUser } from "@/lib/auth/session-user";

import { seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, withRollback, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

/** One editor window as the browser runs it: a base it loaded or last saved, and its own copy. */
class Window {
  base!: Report;
  revision!: number;
  mine!: Report;
  constructor(
    private readonly db: Database,
    private readonly user: SessionUser,
    private readonly reportId: string,
  ) {}

  async open() {
    const row = await getReport({ db: this.db, user: this.user, reportId: this.reportId });
    [this.base, this.revision, this.mine] = [row.content, row.revision, structuredClone(row.content)];
    return this;
  }

  typeInItem(index: number, text: string) {
    const item = this.mine.sections.flatMap((section) => section.items)[index]!;
    item.body = { ...item.body, content: [...(item.body.content ?? []), ...textToDoc(text).content!] };
  }

  /** Saves as autosave does: on a conflict, merge three-way and save again; returns the units offered to the user. */
  async save(choose: (key: string) => MergeChoice = () => "both"): Promise<string[]> {
    const offered: string[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      try {
        const saved = await saveReportContent({
          db: this.db,
          user: this.user,
          reportId: this.reportId,
          input: { baseRevision: this.revision, content: this.mine },
        });
        [this.base, this.revision] = [structuredClone(this.mine), saved.revision];
        return offered;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        const theirs = error.current.content;
        const first = mergeReports({ base: this.base, mine: this.mine, theirs });
        offered.push(...first.conflicts.map((conflict) => conflict.key));
        const choices = Object.fromEntries(first.conflicts.map((conflict) => [conflict.key, choose(conflict.key)]));
        this.mine = mergeReports({ base: this.base, mine: this.mine, theirs, choices }).report;
        [this.base, this.revision] = [theirs, error.current.revision];
      }
    }
    throw new Error("save did not settle");
  }
}

describe.skipIf(!isAvailable)(`[COLLAB] three-way merge of concurrent saves on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  async function setup(db: Database, people = 2) {
    const owner = await seedUser(db, { roles: ["drafter"] });
    const others = await Promise.all(Array.from({ length: people - 1 }, () => seedUser(db, { roles: ["drafter"], agencyId: owner.agencyId })));
    const { reportId } = await createReport({ db, user: owner, input: { year: 2025, templateId: "department" } });
    return { reportId, users: [owner, ...others] };
  }

  const storedText = async (db: Database, user: SessionUser, reportId: string) =>
    (await getReport({ db, user, reportId })).content.sections.flatMap((section) => section.items.map((item) => docToText(item.body))).join("\n");

  it("saves on different items by two people merge without a question and both texts are stored", async () => {
    await withRollback(handle.db, async (db) => {
      const { reportId, users } = await setup(db);
      const a = await new Window(db, users[0]!, reportId).open();
      const b = await new Window(db, users[1]!, reportId).open();
      a.typeInItem(2, "甲在第三项写的内容。");
      expect(await a.save()).toEqual([]);
      b.typeInItem(3, "乙在第四项写的内容。");
      expect(await b.save()).toEqual([]);
      const text = await storedText(db, users[0]!, reportId);
      expect(text).toContain("甲在第三项写的内容。");
      expect(text).toContain("乙在第四项写的内容。");
      const revisions = await db.select().from(tables.reportRevisions).where(eq(tables.reportRevisions.reportId, reportId));
      expect(revisions.map((revision) => revision.revision).sort((x, y) => x - y)).toEqual([1, 2, 3]);
    });
  });

  it("the stored jsonb (keys reordered) merges with no spurious conflict, over several rounds", async () => {
    await withRollback(handle.db, async (db) => {
      const { reportId, users } = await setup(db, 3);
      const windows = await Promise.all(users.map((user) => new Window(db, user, reportId).open()));
      for (let round = 0; round < 3; round += 1) {
        for (const [index, window] of windows.entries()) {
          window.typeInItem(index, `第${round + 1}轮第${index + 1}人。`);
          expect(await window.save()).toEqual([]);
        }
      }
      const text = await storedText(db, users[0]!, reportId);
      for (let round = 1; round <= 3; round += 1) for (let person = 1; person <= 3; person += 1) expect(text).toContain(`第${round}轮第${person}人。`);
    });
  });

  it("the same item changed by both is the only unit offered; keeping both stores both texts", async () => {
    await withRollback(handle.db, async (db) => {
      const { reportId, users } = await setup(db);
      const a = await new Window(db, users[0]!, reportId).open();
      const b = await new Window(db, users[1]!, reportId).open();
      a.typeInItem(0, "甲的句子。");
      a.typeInItem(1, "甲在第二项。");
      await a.save();
      b.typeInItem(0, "乙的句子。");
      const firstItemId = b.mine.sections[0]!.items[0]!.id;
      expect(await b.save(() => "both")).toEqual([`item:${firstItemId}`]);
      const text = await storedText(db, users[0]!, reportId);
      for (const sentence of ["甲的句子。", "乙的句子。", "甲在第二项。"]) expect(text).toContain(sentence);
    });
  });

  it("keeping mine in a conflict changes only that item; their other work stays", async () => {
    await withRollback(handle.db, async (db) => {
      const { reportId, users } = await setup(db);
      const a = await new Window(db, users[0]!, reportId).open();
      const b = await new Window(db, users[1]!, reportId).open();
      a.typeInItem(0, "甲的句子。");
      a.typeInItem(1, "甲在第二项。");
      await a.save();
      b.typeInItem(0, "乙的句子。");
      await b.save(() => "mine");
      const text = await storedText(db, users[0]!, reportId);
      expect(text).toContain("乙的句子。");
      expect(text).not.toContain("甲的句子。");
      expect(text).toContain("甲在第二项。");
    });
  });

  it("refuses a malformed save without touching the stored report", async () => {
    await withRollback(handle.db, async (db) => {
      const { reportId, users } = await setup(db);
      const row = await getReport({ db, user: users[0]!, reportId });
      const withScript = structuredClone(row.content);
      withScript.sections[0]!.items[0]!.body = { type: "doc", content: [{ type: "script", text: "alert(1)" }] } as never;
      await expect(saveReportContent({ db, user: users[1]!, reportId, input: { baseRevision: row.revision, content: withScript } })).rejects.toBeTruthy();
      const truncated = { ...row.content, sections: "none" } as unknown as Report;
      await expect(saveReportContent({ db, user: users[1]!, reportId, input: { baseRevision: row.revision, content: truncated } })).rejects.toBeTruthy();
      const after = await getReport({ db, user: users[0]!, reportId });
      expect(after.revision).toBe(row.revision);
      expect(after.content).toEqual(row.content);
    });
  });

  it("refuses and logs a save to a report that left 草稿, and one from another agency", async () => {
    await withRollback(handle.db, async (db) => {
      const { reportId, users } = await setup(db);
      const stranger = await seedUser(db, { roles: ["drafter"] });
      const row = await getReport({ db, user: users[0]!, reportId });
      await expect(saveReportContent({ db, user: stranger, reportId, input: { baseRevision: row.revision, content: row.content } })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await db.update(tables.reports).set({ status: "in_review" }).where(eq(tables.reports.id, reportId));
      await expect(saveReportContent({ db, user: users[1]!, reportId, input: { baseRevision: row.revision, content: row.content } })).rejects.toMatchObject({
        code: "INVALID_STATE",
      });
      const events = await db
        .select()
        .from(tables.auditEvents)
        .where(and(eq(tables.auditEvents.action, "report.save_refused"), eq(tables.auditEvents.targetId, reportId)));
      expect(events.map((event) => [event.userId, (event.detail as { code: string }).code]).sort()).toEqual(
        [
          [stranger.id, "NOT_FOUND"],
          [users[1]!.id, "INVALID_STATE"],
        ].sort(),
      );
      expect((await getReport({ db, user: users[0]!, reportId })).revision).toBe(row.revision);
    });
  });
});
