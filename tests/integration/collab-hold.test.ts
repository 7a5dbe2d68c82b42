import { and, eq } from "drizzle-orm";
import WebSocket from "ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";

import { startLiveCollab, type LiveCollabSession, type LiveEditState } from "@/components/report/collab/live-collab";
import type { UnconfirmedStore } from "@/components/report/collab/unconfirmed-updates";
import type { SessionUser } from "@/lib/auth/session-user";
import type { CollabServer } from "@/lib/collab/yjs/collab-server";
import { bodyFieldName } from "@/lib/collab/yjs/fields";
import { readFragmentBody, writeFragmentBody } from "@/lib/collab/yjs/yjs-bodies";
import type { Database } from "@/lib/db";
import * as tables from "@/lib/db/schema";
import { docToText, textToDoc } from "@/lib/report-model";
import { createReport, getReport, insertReport } from "@/lib/reports";
import { transitionReport } from "@/lib/workflow";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { TEST_USER_HEADER } from "../helpers/collab-client";
import { createCollabTestHarness } from "../helpers/collab-server";
import { createTestDb, isTestDbAvailable, testDbKind, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Types at the end of the body's last paragraph, as a keystroke does. */
function typeAtEnd(doc: Y.Doc, field: string, text: string): void {
  const paragraph = doc.getXmlFragment(field).toArray().at(-1) as Y.XmlElement;
  const last = paragraph.toArray().at(-1);
  if (last instanceof Y.XmlText) last.insert(last.length, text);
  else paragraph.push([new Y.XmlText(text)]);
}

const bodyText = (doc: Y.Doc, field: string) => docToText(readFragmentBody(doc.getXmlFragment(field)));

/** The browser's IndexedDB copy of unconfirmed changes, in memory. */
function memoryStore(): UnconfirmedStore & { text: (base: Y.Doc, field: string) => string } {
  const entries = new Map<string, Uint8Array>();
  return {
    load: async (reportId) => [...entries].filter(([key]) => key.startsWith(`${reportId} `)).map(([key, update]) => ({ key, update })),
    save: async (key, update) => void (update ? entries.set(key, update) : entries.delete(key)),
    /** The body with the stored changes applied to what the server holds (they continue its text). */
    text: (base, field) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
      for (const update of entries.values()) Y.applyUpdate(doc, update);
      return bodyText(doc, field);
    },
  };
}

/**
 * A workflow step (提交审核/退回/审核/签发) and a live keystroke in the same instant: the co-editing server holds
 * live editing while the step runs, so every keystroke it acknowledged is in what the step moved on, and one it
 * refused is told to its window at once, kept there unconfirmed, and sent again if the step failed.
 */
describe.skipIf(!isAvailable)(`[COLLAB] live editing is held while a workflow step runs, on ${testDbKind()}`, () => {
  let handle: TestDatabase;
  let db: Database;
  const harness = createCollabTestHarness(() => db);
  const sessions: LiveCollabSession[] = [];

  beforeAll(async () => {
    handle = await createTestDb();
    db = handle.db;
  });
  afterAll(async () => handle?.destroy());
  afterEach(async () => {
    for (const session of sessions.splice(0)) session.destroy();
    await harness.cleanup();
  });

  /** Lets the test act right after the step flushed the live document, i.e. while the step itself runs. */
  let afterStepFlush: (() => Promise<void>) | null = null;
  const probeHooks = (collab: CollabServer) => ({
    holdReport: (reportId: string, transition: string) => collab.holdReport(reportId, transition),
    flushReport: async (reportId: string) => {
      const isFlushed = await collab.flushReport(reportId);
      const probe = afterStepFlush;
      afterStepFlush = null;
      await probe?.();
      return isFlushed;
    },
  });

  async function seed(isComplete: boolean) {
    const agency = await seedAgency(db, { name: `青溪市水务局${Math.random().toString(36).slice(2, 6)}` });
    const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
    const colleague = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
    const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: agency.id });
    harness.addUsers(drafter, colleague, reviewer);
    const { reportId } = isComplete
      ? await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: agency.name }), source: "test" })
      : await createReport({ db, user: drafter, input: { year: 2025, templateId: "department" } });
    const report = await getReport({ db, user: drafter, reportId });
    const field = bodyFieldName(report.content.sections[0]!.items[0]!.id);
    return { drafter, colleague, reviewer, reportId, field };
  }

  /** The colleague's window, with the page's own co-editing code; `sockets` counts its connections. */
  async function openWindow(url: string, user: SessionUser, reportId: string) {
    const store = memoryStore();
    const sockets: WebSocket[] = [];
    class HeaderWebSocket extends WebSocket {
      constructor(address: string) {
        super(address, { headers: { [TEST_USER_HEADER]: user.id } });
        sockets.push(this);
      }
    }
    const session = await startLiveCollab({ reportId, url, store, WebSocketPolyfill: HeaderWebSocket }, 10_000);
    sessions.push(session);
    const states: LiveEditState[] = [];
    session.onEditState((state) => states.push(state));
    return { session, store, sockets, states, doc: session.document };
  }

  const storedText = async (user: SessionUser, reportId: string) => JSON.stringify((await getReport({ db, user, reportId })).content);
  const refusalsOf = async (reportId: string) =>
    (
      await db
        .select()
        .from(tables.auditEvents)
        .where(and(eq(tables.auditEvents.action, "report.collab_refused"), eq(tables.auditEvents.targetId, reportId)))
    ).map((row) => (row.detail as { reason?: string }).reason);

  /** Types a paragraph and waits until the server confirms it holds it. */
  async function typeConfirmed(session: LiveCollabSession, field: string, text: string): Promise<void> {
    const body = readFragmentBody(session.document.getXmlFragment(field));
    writeFragmentBody(session.document, field, { ...body, content: [...(body.content ?? []), ...textToDoc(text).content!] });
    await until(() => !session.hasUnsyncedChanges());
  }

  it("a keystroke that arrives while 提交审核 runs is refused and its window told why; every acknowledged keystroke is in the submitted report", async () => {
    const server = await harness.start({ timing: "manual", hooks: probeHooks });
    const { drafter, colleague, reportId, field } = await seed(true);
    const window = await openWindow(server.url, colleague, reportId);
    const watcher = await harness.connect(server.url, drafter, reportId);
    await typeConfirmed(window.session, field, "提交前已经确认的一句。");
    const late = "同一瞬间按下的字";
    afterStepFlush = async () => {
      typeAtEnd(window.doc, field, late);
      // The server's answer to it: a refusal, or (without the hold) its confirmation.
      await until(() => window.states.some((state) => state.refusal !== null) || !window.session.hasUnsyncedChanges(), 5_000);
    };
    await transitionReport({ db, user: drafter, reportId, input: { transition: "submit" } });

    const submitted = await getReport({ db, user: drafter, reportId });
    expect(submitted.status).toBe("in_review");
    expect(await storedText(drafter, reportId)).toContain("提交前已经确认的一句。");
    // Not acknowledged, since it is not in the submitted report: refused with the step named, kept in the window.
    expect(await storedText(drafter, reportId)).not.toContain(late);
    expect(window.session.hasUnsyncedChanges()).toBe(true);
    expect(window.states.find((state) => state.refusal)).toMatchObject({ hold: "提交审核", refusal: { reason: "held", transition: "提交审核" } });
    await until(() => window.store.text(watcher.doc, field).includes(late));
    // Then told that editing stopped for good; nothing else reaches the others' screens.
    await until(() => window.session.editState().status === "in_review");
    expect(window.session.editState()).toMatchObject({ hold: null, refusal: { reason: "held" } });
    expect(bodyText(watcher.doc, field)).not.toContain(late);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await refusalsOf(reportId)).toEqual(["held"]);
    expect(window.sockets).toHaveLength(1);
  });

  it("when the step fails, editing resumes: the keystroke refused meanwhile is sent again and stored", async () => {
    const server = await harness.start({ timing: "manual", hooks: probeHooks });
    // A new report from the template has error findings, so 提交审核 fails after it started.
    const { drafter, colleague, reportId, field } = await seed(false);
    const window = await openWindow(server.url, colleague, reportId);
    const watcher = await harness.connect(server.url, drafter, reportId);
    await typeConfirmed(window.session, field, "失败的提交之前写的。");
    afterStepFlush = async () => {
      typeAtEnd(window.doc, field, "提交途中写的");
      await until(() => window.states.some((state) => state.refusal !== null) || !window.session.hasUnsyncedChanges(), 5_000);
    };
    await expect(transitionReport({ db, user: drafter, reportId, input: { transition: "submit" } })).rejects.toThrow(/blocked/);
    expect(window.states.find((state) => state.refusal)?.refusal).toEqual({ reason: "held", transition: "提交审核" });

    await until(() => !window.session.hasUnsyncedChanges(), 5_000);
    expect(window.session.editState()).toEqual({ status: "draft", hold: null, refusal: null });
    await until(() => bodyText(watcher.doc, field).includes("失败的提交之前写的。提交途中写的"), 5_000);
    await server.collab.flushReport(reportId);
    expect(await storedText(drafter, reportId)).toContain("失败的提交之前写的。提交途中写的");
    expect(await refusalsOf(reportId)).toEqual(["held"]);
    expect(window.sockets).toHaveLength(1);
  });

  it("a change that reaches a locked report is refused at once with the status, without a reconnection or a retry; after 退回 it is stored", async () => {
    const server = await harness.start({ timing: "manual", hooks: true });
    const { drafter, colleague, reviewer, reportId, field } = await seed(true);
    const window = await openWindow(server.url, colleague, reportId);
    const watcher = await harness.connect(server.url, drafter, reportId);
    await typeConfirmed(window.session, field, "锁定之前的内容。");
    await transitionReport({ db, user: drafter, reportId, input: { transition: "submit" } });
    await until(() => window.session.editState().status === "in_review", 3_000);

    // A keystroke already on its way (or a closed tab's change replayed) reaches the server after the lock.
    typeAtEnd(window.doc, field, "锁定之后到达的字");
    await until(() => window.session.editState().refusal !== null, 3_000);
    expect(window.session.editState()).toEqual({ status: "in_review", hold: null, refusal: { reason: "locked" } });
    // Neither a silent wait nor a retry storm: the socket stays, the change is not sent again.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await refusalsOf(reportId)).toEqual(["locked"]);
    expect(window.sockets).toHaveLength(1);
    expect(window.session.isConnected()).toBe(true);
    expect(window.session.hasUnsyncedChanges()).toBe(true);
    await until(() => window.store.text(watcher.doc, field).includes("锁定之后到达的字"));
    // A reconnection while locked (its connection is opened read-only) sends it once more, refused the same way.
    window.sockets.at(-1)!.close();
    await until(async () => (await refusalsOf(reportId)).length === 2, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await refusalsOf(reportId)).toEqual(["locked", "locked"]);
    expect(window.sockets).toHaveLength(2);

    await transitionReport({ db, user: reviewer, reportId, input: { transition: "return", note: "请补充执法数据。" } });
    await until(() => !window.session.hasUnsyncedChanges(), 5_000);
    expect(window.session.editState()).toEqual({ status: "returned", hold: null, refusal: null });
    await server.collab.flushReport(reportId);
    expect(await storedText(drafter, reportId)).toContain("锁定之前的内容。锁定之后到达的字");
  });

  it("a window refused at authentication learns the reason at once", async () => {
    const server = await harness.start({ timing: "manual" });
    const { reportId } = await seed(true);
    const stranger = await seedUser(db, { roles: ["drafter"] });
    harness.addUsers(stranger);
    await expect(openWindow(server.url, stranger, reportId)).rejects.toThrow("co-editing refused: forbidden");
  });
});
