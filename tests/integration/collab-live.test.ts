import { and, eq } from "drizzle-orm";
import WebSocket from "ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";

import type { SessionUser } from "@/lib/auth/session-user";
import { bodyFieldName, collabDocumentName } from "@/lib/collab/yjs/fields";
import { startLiveCollab, type LiveCollabSession } from "@/components/report/collab/live-collab";
import { readFragmentBody, writeFragmentBody } from "@/lib/collab/yjs/yjs-bodies";
import type { Database } from "@/lib/db";
import * as tables from "@/lib/db/schema";
import { docToText, textToDoc } from "@/lib/report-model";
import { createReport, getReport, saveReportContent } from "@/lib/reports";

import { seedUser } from "../fixtures/factories";
import { connectCollabClient, TEST_USER_HEADER, type CollabClient } from "../helpers/collab-client";
import { createCollabTestHarness, type CollabTestServer } from "../helpers/collab-server";
import { createTestDb, isTestDbAvailable, testDbKind, type TestDatabase } from "../helpers/create-test-db";
import { requireOrSkip } from "../helpers/environment";

const isAvailable = requireOrSkip(isTestDbAvailable(), `${testDbKind()} test database (TEST_DATABASE_URL)`);

/** Appends a paragraph to a body in a client's document, as typing at the end would. */
function typeParagraph(client: CollabClient, field: string, text: string): void {
  const fragment = client.doc.getXmlFragment(field);
  const body = readFragmentBody(fragment);
  writeFragmentBody(client.doc, field, { ...body, content: [...(body.content ?? []), ...textToDoc(text).content!] });
}

/** Types at the end of the body's last paragraph (each character continues the one before it, as typing does). */
function appendText(doc: Y.Doc, field: string, text: string): void {
  const paragraph = doc.getXmlFragment(field).toArray().at(-1) as Y.XmlElement;
  const last = paragraph.toArray().at(-1);
  if (last instanceof Y.XmlText) last.insert(last.length, text);
  else paragraph.push([new Y.XmlText(text)]);
}

const bodyText = (doc: Y.Doc, field: string) => docToText(readFragmentBody(doc.getXmlFragment(field)));

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!isAvailable)("[COLLAB] live co-editing server (Yjs over Hocuspocus)", () => {
  let handle: TestDatabase;
  let db: Database;
  const harness = createCollabTestHarness(() => db);
  let server: CollabTestServer | undefined;

  beforeAll(async () => {
    handle = await createTestDb();
    db = handle.db;
  });
  afterAll(async () => handle?.destroy());
  const sessions: LiveCollabSession[] = [];
  afterEach(async () => {
    for (const session of sessions.splice(0)) session.destroy();
    await harness.cleanup();
  });

  async function startServer(): Promise<string> {
    server = await harness.start();
    return server.url;
  }

  const connect = (url: string, user: SessionUser, reportId: string): Promise<CollabClient> => harness.connect(url, user, reportId);

  async function seedReport() {
    const owner = await seedUser(db, { roles: ["drafter"] });
    const colleague = await seedUser(db, { roles: ["drafter"], agencyId: owner.agencyId });
    harness.addUsers(owner, colleague);
    const { reportId } = await createReport({ db, user: owner, input: { year: 2025, templateId: "department" } });
    const report = await getReport({ db, user: owner, reportId });
    const itemIds = report.content.sections.flatMap((section) => section.items.map((item) => item.id));
    return { owner, colleague, reportId, itemIds };
  }

  const storedBody = async (user: SessionUser, reportId: string, itemId: string) =>
    docToText((await getReport({ db, user, reportId })).content.sections.flatMap((section) => section.items).find((item) => item.id === itemId)!.body);

  it("two people type in the same item live; both texts reach the other screen and the report JSON with a revision", async () => {
    const url = await startServer();
    const { owner, colleague, reportId, itemIds } = await seedReport();
    const field = bodyFieldName(itemIds[0]!);
    const before = await getReport({ db, user: owner, reportId });
    const [a, b] = [await connect(url, owner, reportId), await connect(url, colleague, reportId)];
    typeParagraph(a, field, "甲在本项写的第一句。");
    typeParagraph(b, field, "乙在同一项写的第二句。");
    await Promise.all([a.acknowledged(), b.acknowledged()]);
    await until(
      () =>
        docToText(readFragmentBody(a.doc.getXmlFragment(field))).includes("乙在同一项") &&
        docToText(readFragmentBody(b.doc.getXmlFragment(field))).includes("甲在本项"),
    );
    await until(async () => {
      const text = await storedBody(owner, reportId, itemIds[0]!);
      return text.includes("甲在本项写的第一句。") && text.includes("乙在同一项写的第二句。");
    });
    const after = await getReport({ db, user: owner, reportId });
    expect(after.revision).toBeGreaterThan(before.revision);
    const revisions = await db.select().from(tables.reportRevisions).where(eq(tables.reportRevisions.reportId, reportId));
    expect(revisions.some((row) => JSON.stringify(row.content).includes("乙在同一项写的第二句。"))).toBe(true);
  });

  it("an ordinary save of a body (a window without a socket) reaches the live document, merged with live typing", async () => {
    const url = await startServer();
    const { owner, colleague, reportId, itemIds } = await seedReport();
    const field = bodyFieldName(itemIds[1]!);
    const a = await connect(url, owner, reportId);
    const row = await getReport({ db, user: colleague, reportId });
    const content = structuredClone(row.content);
    content.sections.flatMap((section) => section.items).find((item) => item.id === itemIds[1])!.body = textToDoc("离线窗口保存的正文。");
    await saveReportContent({ db, user: colleague, reportId, input: { baseRevision: row.revision, content } });
    await until(() => docToText(readFragmentBody(a.doc.getXmlFragment(field))).includes("离线窗口保存的正文。"));
    typeParagraph(a, field, "在线补充的一句。");
    await a.acknowledged();
    await until(async () => {
      const text = await storedBody(owner, reportId, itemIds[1]!);
      return text.includes("离线窗口保存的正文。") && text.includes("在线补充的一句。");
    });
  });

  it("a malformed update is refused and logged, and the stored document is unharmed", async () => {
    const url = await startServer();
    const { owner, reportId, itemIds } = await seedReport();
    const field = bodyFieldName(itemIds[0]!);
    const a = await connect(url, owner, reportId);
    typeParagraph(a, field, "攻击之前已确认的正文。");
    await a.acknowledged();
    // Raw Hocuspocus message: document name, Sync (0), Update (2), then bytes that are no Yjs update.
    const name = new TextEncoder().encode(collabDocumentName(reportId));
    const garbage = [0xff, 0xff, 0xff, 0x7f, 0x05, 0x01, 0x02, 0x03];
    const message = Uint8Array.from([name.length, ...name, 0, 2, garbage.length, ...garbage]);
    const raw = new WebSocket(url, { headers: { [TEST_USER_HEADER]: owner.id } });
    await new Promise((resolve) => raw.once("open", resolve));
    const auth = Uint8Array.from([name.length, ...name, 2, 0, 7, ...new TextEncoder().encode("session")]);
    raw.send(auth);
    await new Promise((resolve) => setTimeout(resolve, 200));
    raw.send(message);
    await until(
      async () =>
        (
          await db
            .select()
            .from(tables.auditEvents)
            .where(and(eq(tables.auditEvents.action, "report.collab_refused"), eq(tables.auditEvents.targetId, reportId)))
        ).length > 0,
    );
    raw.terminate();
    typeParagraph(a, field, "攻击之后继续写。");
    await a.acknowledged();
    await until(async () => (await storedBody(owner, reportId, itemIds[0]!)).includes("攻击之后继续写。"));
    expect(await storedBody(owner, reportId, itemIds[0]!)).toContain("攻击之前已确认的正文。");
  });

  it("refuses another agency's report and a contributor's update to an item not assigned to them, and logs both", async () => {
    const url = await startServer();
    const { owner, reportId, itemIds } = await seedReport();
    const stranger = await seedUser(db, { roles: ["drafter"] });
    harness.addUsers(stranger);
    await expect(connectCollabClient({ url, reportId, headers: { [TEST_USER_HEADER]: stranger.id }, timeoutMs: 3000 })).rejects.toThrow();
    const contributor = await seedUser(db, { roles: ["drafter"], agencyId: owner.agencyId });
    harness.addUsers(contributor);
    const report = await getReport({ db, user: owner, reportId });
    const section = report.content.sections.find((candidate) => candidate.items.some((item) => item.id === itemIds[0]))!;
    await db.insert(tables.assignments).values({ reportId, sectionId: section.id, itemId: itemIds[0]!, assigneeId: contributor.id, createdBy: owner.id });
    const c = await connect(url, contributor, reportId);
    const other = itemIds.find((id) => !section.items.some((item) => item.id === id))!;
    typeParagraph(c, bodyFieldName(other), "越权写入别人的条目。");
    await until(async () => {
      const refused = await db
        .select()
        .from(tables.auditEvents)
        .where(and(eq(tables.auditEvents.action, "report.collab_refused"), eq(tables.auditEvents.userId, contributor.id)));
      return refused.some((row) => (row.detail as { reason?: string }).reason === "forbidden");
    });
    expect(await storedBody(owner, reportId, other)).not.toContain("越权写入");
    const strangerRefusals = await db
      .select()
      .from(tables.auditEvents)
      .where(and(eq(tables.auditEvents.action, "report.collab_refused"), eq(tables.auditEvents.userId, stranger.id)));
    expect(strangerRefusals.length).toBeGreaterThan(0);
  });

  it("acknowledged updates survive a server that stops without writing back (they were appended before the acknowledgement)", async () => {
    let url = await startServer();
    const { owner, reportId, itemIds } = await seedReport();
    const field = bodyFieldName(itemIds[0]!);
    const a = await connect(url, owner, reportId);
    typeParagraph(a, field, "崩溃前已确认的一句。");
    await a.acknowledged();
    // Crash: drop the server and the connection without letting them store anything more.
    a.provider.configuration.websocketProvider.destroy();
    harness.forgetClients();
    await server!.crash();
    url = await startServer();
    const b = await connect(url, owner, reportId);
    expect(docToText(readFragmentBody(b.doc.getXmlFragment(field)))).toContain("崩溃前已确认的一句。");
    await until(async () => (await storedBody(owner, reportId, itemIds[0]!)).includes("崩溃前已确认的一句。"));
    const fresh = new Y.Doc();
    expect(fresh.getXmlFragment(field).length).toBe(0);
  });

  /** The refusals logged for a report. */
  const refusalsOf = async (reportId: string) =>
    (
      await db
        .select()
        .from(tables.auditEvents)
        .where(and(eq(tables.auditEvents.action, "report.collab_refused"), eq(tables.auditEvents.targetId, reportId)))
    ).map((row) => row.detail as { reason?: string; message?: string });

  it("a window that types while its socket is down and again right after it reopens stays live: nothing refused, every word reaches the other window", async () => {
    const url = await startServer();
    const { owner, colleague, reportId, itemIds } = await seedReport();
    const field = bodyFieldName(itemIds[0]!);
    const sockets: WebSocket[] = [];
    class HeaderWebSocket extends WebSocket {
      constructor(address: string) {
        super(address, { headers: { [TEST_USER_HEADER]: owner.id } });
        sockets.push(this);
      }
    }
    let onOpen: (() => void) | null = null;
    const session = await startLiveCollab(
      { reportId, url, store: null, WebSocketPolyfill: HeaderWebSocket, onConnectionChange: (isConnected) => void (isConnected && onOpen?.()) },
      10_000,
    );
    sessions.push(session);
    const doc = session.document;
    const b = await connect(url, colleague, reportId);
    const body = readFragmentBody(doc.getXmlFragment(field));
    writeFragmentBody(doc, field, { ...body, content: [...(body.content ?? []), ...textToDoc("断线之前。").content!] });
    await until(() => bodyText(b.doc, field).includes("断线之前。"));
    const typed = ["断线之前。"];
    for (let round = 1; round <= 4; round++) {
      // Typing goes on as the socket comes back: the first keystroke after it opened continues the offline text.
      const reopened = new Promise<void>(
        (resolve) =>
          (onOpen = () =>
            setTimeout(() => {
              appendText(doc, field, `重连后第${round}句。`);
              resolve();
            }, 0)),
      );
      sockets.at(-1)!.close();
      appendText(doc, field, `离线第${round}句。`);
      typed.push(`离线第${round}句。重连后第${round}句。`);
      await reopened;
      onOpen = null;
      // Well within the provider's 30 s silent-socket timeout: a window that stalled would miss it.
      await until(() => typed.every((text) => bodyText(b.doc, field).includes(text)), 5_000);
    }
    expect(await refusalsOf(reportId)).toEqual([]);
    await until(() => !session.hasUnsyncedChanges(), 5_000);
    await until(async () => {
      const stored = await storedBody(owner, reportId, itemIds[0]!);
      return typed.every((text) => stored.includes(text));
    });
  });

  it("a window whose change arrives before the one it continues is refused, reconnects at once and loses nothing", async () => {
    const url = await startServer();
    const { owner, colleague, reportId, itemIds } = await seedReport();
    const field = bodyFieldName(itemIds[1]!);
    // The provider as it is, with its outgoing queue: after a reconnection it sends what was typed offline last.
    const a = await connect(url, owner, reportId);
    const b = await connect(url, colleague, reportId);
    typeParagraph(a, field, "断线之前。");
    await a.acknowledged();
    const websocketProvider = a.provider.configuration.websocketProvider;
    const reopened = new Promise<void>((resolve) => {
      const onStatus = ({ status }: { status: string }) => {
        if (status !== "connected") return;
        websocketProvider.off("status", onStatus);
        setTimeout(() => {
          appendText(a.doc, field, "重连后一句。");
          resolve();
        }, 0);
      };
      websocketProvider.on("status", onStatus);
    });
    websocketProvider.webSocket!.close();
    appendText(a.doc, field, "离线一句。");
    await reopened;
    await until(async () => (await refusalsOf(reportId)).some((refusal) => refusal.reason === "out-of-order"));
    await until(() => bodyText(b.doc, field).includes("断线之前。离线一句。重连后一句。"), 5_000);
    await a.acknowledged();
    await until(async () => (await storedBody(owner, reportId, itemIds[1]!)).includes("断线之前。离线一句。重连后一句。"));
  });
});
