import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";

import { bodyFieldName } from "@/lib/collab/yjs/fields";
import { syncReportWithDocument, type LiveReportState } from "@/lib/collab/yjs/sync-report";
import { readFragmentBody, writeFragmentBody } from "@/lib/collab/yjs/yjs-bodies";
import type { Database } from "@/lib/db";
import { docToText, textToDoc } from "@/lib/report-model";
import { createReport, getReport, saveReportContent } from "@/lib/reports";

import { seedUser } from "../fixtures/factories";
import { createTestDb, isTestDbAvailable, testDbKind, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

describe.skipIf(!isAvailable)("[COLLAB] the live document and the report JSON stay together when saves race the write-back", () => {
  let handle: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    handle = await createTestDb();
    db = handle.db;
  });
  afterAll(async () => handle?.destroy());

  it("a save that lands while live text is being written back still reaches the live document (the three-people flake)", async () => {
    const owner = await seedUser(db, { roles: ["drafter"] });
    const colleague = await seedUser(db, { roles: ["drafter"], agencyId: owner.agencyId });
    const { reportId } = await createReport({ db, user: owner, input: { year: 2025, templateId: "department" } });
    const [first, second] = (await getReport({ db, user: owner, reportId })).content.sections.flatMap((section) => section.items.map((item) => item.id));
    const doc = new Y.Doc();
    const live: LiveReportState = { reportId, syncedBodies: {}, syncedRevision: 0, appliedUpdateIds: [], lastEditorOf: new Map() };
    await syncReportWithDocument(db, doc, live);

    // Someone types live in the second item…
    const secondField = bodyFieldName(second!);
    writeFragmentBody(doc, secondField, textToDoc("王强实时写的第二项。"));
    live.lastEditorOf.set(secondField, owner.id);
    // …and a window without a live editor on the first item saves it just as the write-back takes the row lock.
    let hasSaved = false;
    const racing = new Proxy(db, {
      get(target, property) {
        const value = Reflect.get(target, property) as unknown;
        if (property === "transaction" && !hasSaved) {
          return async (...args: unknown[]) => {
            hasSaved = true;
            const row = await getReport({ db, user: colleague, reportId });
            const content = structuredClone(row.content);
            content.sections.flatMap((section) => section.items).find((item) => item.id === first)!.body = textToDoc("张敏保存的第一项。");
            await saveReportContent({ db, user: colleague, reportId, input: { baseRevision: row.revision, content } });
            return (value as (...inner: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === "function" ? (value as (...inner: unknown[]) => unknown).bind(target) : value;
      },
    });
    await syncReportWithDocument(racing, doc, live);
    expect(hasSaved).toBe(true);

    const stored = await getReport({ db, user: owner, reportId });
    const storedText = (itemId: string) => docToText(stored.content.sections.flatMap((section) => section.items).find((item) => item.id === itemId)!.body);
    expect(storedText(first!)).toBe("张敏保存的第一项。");
    expect(storedText(second!)).toBe("王强实时写的第二项。");
    // The server's poll syncs when the report is at a revision the document has not taken in.
    if (stored.revision !== live.syncedRevision) await syncReportWithDocument(db, doc, live);
    expect(docToText(readFragmentBody(doc.getXmlFragment(bodyFieldName(first!))))).toBe("张敏保存的第一项。");
    expect(docToText(readFragmentBody(doc.getXmlFragment(secondField)))).toBe("王强实时写的第二项。");
  });

  it("a save of the very body being written back is not overwritten by it: the next sync keeps both texts", async () => {
    const owner = await seedUser(db, { roles: ["drafter"] });
    const colleague = await seedUser(db, { roles: ["drafter"], agencyId: owner.agencyId });
    const { reportId } = await createReport({ db, user: owner, input: { year: 2024, templateId: "department" } });
    const [itemId] = (await getReport({ db, user: owner, reportId })).content.sections.flatMap((section) => section.items.map((item) => item.id));
    const field = bodyFieldName(itemId!);
    const doc = new Y.Doc();
    const live: LiveReportState = { reportId, syncedBodies: {}, syncedRevision: 0, appliedUpdateIds: [], lastEditorOf: new Map() };
    writeFragmentBody(doc, field, textToDoc("原有第一段。\n原有第二段。"));
    await syncReportWithDocument(db, doc, live);
    // Live typing changes the first paragraph; a save from a window without a socket changes the second.
    writeFragmentBody(doc, field, textToDoc("原有第一段。王强实时补充。\n原有第二段。"));
    let hasSaved = false;
    const racing = new Proxy(db, {
      get(target, property) {
        const value = Reflect.get(target, property) as unknown;
        if (property === "transaction" && !hasSaved) {
          return async (...args: unknown[]) => {
            hasSaved = true;
            const row = await getReport({ db, user: colleague, reportId });
            const content = structuredClone(row.content);
            content.sections.flatMap((section) => section.items).find((item) => item.id === itemId)!.body =
              textToDoc("原有第一段。\n原有第二段。张敏保存的补充。");
            await saveReportContent({ db, user: colleague, reportId, input: { baseRevision: row.revision, content } });
            return (value as (...inner: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === "function" ? (value as (...inner: unknown[]) => unknown).bind(target) : value;
      },
    });
    await syncReportWithDocument(racing, doc, live);
    expect(hasSaved).toBe(true);
    const afterRace = await getReport({ db, user: owner, reportId });
    const storedText = (report: typeof afterRace) =>
      docToText(report.content.sections.flatMap((section) => section.items).find((item) => item.id === itemId)!.body);
    // The write-back did not replace the save it had not seen.
    expect(storedText(afterRace)).toContain("张敏保存的补充。");
    if (afterRace.revision !== live.syncedRevision) await syncReportWithDocument(db, doc, live);
    const merged = "原有第一段。王强实时补充。\n原有第二段。张敏保存的补充。";
    expect(storedText(await getReport({ db, user: owner, reportId }))).toBe(merged);
    expect(docToText(readFragmentBody(doc.getXmlFragment(field)))).toBe(merged);
  });
});
