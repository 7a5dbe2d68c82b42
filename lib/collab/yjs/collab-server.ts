import "server-only";

import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

import { Hocuspocus, type Connection, type Document } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import * as Y from "yjs";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { isEditableStatus } from "@/lib/report-model";
import { eq } from "drizzle-orm";

import { findCollabAccess, type CollabAccess } from "./access";
import { authenticateUpgrade, isSameOrigin } from "./authenticate-upgrade";
import { appendCollabUpdates, hasPendingCollabUpdates, loadCollabState } from "./collab-store";
import { writeLiveMessage, type LiveRefusalReason } from "./live-messages";
import { readSyncPayload } from "./message";
import { base64ToBytes, documentHoldsUpdate, readConfirmRequest, type ConfirmAnswer } from "./confirm";
import { collabDocumentName, reportIdOfDocument } from "./fields";
import { syncReportWithDocument, type LiveReportState } from "./sync-report";
import { checkUpdate, RefusedUpdateError } from "./validate-update";

export interface CollabServerOptions {
  getDb: () => Promise<Database>;
  /** The user of an upgrade request. @default the session cookie (authenticateUpgrade) */
  authenticate?: (db: Database, request: IncomingMessage) => Promise<SessionUser | null>;
  /** Write the live bodies into the report JSON this long after the last keystroke. @default 1000 */
  storeDebounceMs?: number;
  /** …and at least this often while people keep typing. @default 5000 */
  storeMaxDebounceMs?: number;
  /** How often a loaded document looks for saves made outside it and for a workflow lock. @default 2000 */
  pollMs?: number;
}

export interface CollabServer {
  /** Takes a WebSocket upgrade for COLLAB_PATH (authenticated by the session cookie). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Writes the report's live bodies into its JSON now; true when its document is loaded and something changed. */
  flushReport(reportId: string): Promise<boolean>;
  /**
   * Refuses live changes to the report from now on (telling every window why) and resolves once the changes
   * already taken are in its document. The returned release reads the status and tells every window (editing
   * stops for good, or resumes when the step failed).
   */
  holdReport(reportId: string, transition: string): Promise<() => Promise<void>>;
  /** Writes every loaded document back and closes the connections. */
  close(): Promise<void>;
}

interface ConnectionContext {
  user: SessionUser;
  access?: CollabAccess;
  /** Messages of one connection are checked one after another, each after the previous one was applied. */
  queue: Promise<void>;
}

interface LoadedDocument {
  document: Document;
  live: LiveReportState;
  status: string;
  /** Syncs run one at a time per document. */
  chain: Promise<unknown>;
  timer: ReturnType<typeof setInterval>;
  /** Changes that passed the checks and are being stored and applied (a hold waits for them). */
  inFlight: Set<Promise<void>>;
}

/** The Hocuspocus server of live co-editing, with the app's session, permissions, workflow lock and database. */
export function createCollabServer({
  getDb,
  authenticate = authenticateUpgrade,
  storeDebounceMs = 1000,
  storeMaxDebounceMs = 5000,
  pollMs = 2000,
}: CollabServerOptions): CollabServer {
  const loaded = new Map<string, LoadedDocument>();
  // Reports a workflow step is running on (by report id, loaded or not): their live changes are refused meanwhile.
  const holds = new Map<string, { count: number; transition: string }>();
  // Group commit: updates that arrive while an append is running go into the next one (one statement for all).
  let appendQueue: Array<{
    row: { reportId: string; update: Uint8Array; userId: string | null };
    resolve: (id: number) => void;
    reject: (error: unknown) => void;
  }> = [];
  let isAppending = false;
  function appendDurably(row: { reportId: string; update: Uint8Array; userId: string | null }): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      appendQueue.push({ row, resolve, reject });
      void drainAppends();
    });
  }
  async function drainAppends(): Promise<void> {
    if (isAppending) return;
    isAppending = true;
    try {
      while (appendQueue.length > 0) {
        const batch = appendQueue;
        appendQueue = [];
        try {
          const ids = await appendCollabUpdates(
            await getDb(),
            batch.map((entry) => entry.row),
          );
          batch.forEach((entry, index) => entry.resolve(ids[index]!));
        } catch (error) {
          for (const entry of batch) entry.reject(error);
        }
      }
    } finally {
      isAppending = false;
    }
  }
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });

  function runSync(name: string, document: Y.Doc): Promise<unknown> {
    const entry = loaded.get(name);
    if (!entry) return Promise.resolve();
    entry.chain = entry.chain
      .then(async () => syncReportWithDocument(await getDb(), document, entry.live))
      .catch((error: unknown) => console.error(`[年报] 协同文档写回失败（${name}）`, error));
    return entry.chain;
  }

  async function refuse(db: Database, user: SessionUser, reportId: string | null, reason: string, message: string): Promise<void> {
    console.warn(`[年报] 拒绝协同编辑更新：${reason}（${user.username}，报告 ${reportId ?? "?"}）：${message}`);
    await recordAuditEvent({ db, action: "report.collab_refused", user, targetId: reportId, detail: { reason, message } }).catch(() => undefined);
  }

  async function poll(name: string, document: Document): Promise<void> {
    const entry = loaded.get(name);
    if (!entry) return;
    const db = await getDb();
    const [row] = await db
      .select({ status: tables.reports.status, revision: tables.reports.revision })
      .from(tables.reports)
      .where(eq(tables.reports.id, entry.live.reportId));
    if (!row) return;
    if (row.status !== entry.status) {
      entry.status = row.status;
      // Tell every window at once; they stop editing and say why (the server refuses updates from now on). While a
      // step holds the report, its release says it, once the hold is over (a window resumes on that message).
      if (!holds.has(entry.live.reportId)) document.broadcastStateless(writeLiveMessage({ type: "status", status: row.status }));
    }
    if (row.revision !== entry.live.syncedRevision) await runSync(name, document);
  }

  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: storeDebounceMs,
    maxDebounce: storeMaxDebounceMs,
    async onAuthenticate({ context, documentName, connectionConfig }) {
      const { user } = context as ConnectionContext;
      const db = await getDb();
      const reportId = reportIdOfDocument(documentName);
      const access = reportId ? await findCollabAccess(db, user, reportId) : null;
      if (!access) {
        await refuse(db, user, reportId, "forbidden", `no access to ${documentName}`);
        // The reason reaches the window (the provider's authenticationFailed), which then stops instead of retrying.
        throw Object.assign(new Error("forbidden"), { reason: "forbidden" });
      }
      (context as ConnectionContext).access = access;
      connectionConfig.readOnly = !access.canEdit;
      return {};
    },
    async onLoadDocument({ document, documentName }) {
      const reportId = reportIdOfDocument(documentName)!;
      const db = await getDb();
      const stored = await loadCollabState(db, reportId);
      Y.transact(document, () => {
        if (stored.state) Y.applyUpdate(document, stored.state);
        for (const { update } of stored.updates) Y.applyUpdate(document, update);
      });
      const live: LiveReportState = {
        reportId,
        syncedBodies: stored.bodies,
        syncedRevision: stored.revision,
        appliedUpdateIds: stored.updates.map((row) => row.id),
        lastEditorOf: new Map(),
      };
      const [row] = await db.select({ status: tables.reports.status }).from(tables.reports).where(eq(tables.reports.id, reportId));
      const entry: LoadedDocument = {
        document,
        live,
        status: row?.status ?? "draft",
        chain: Promise.resolve(),
        timer: setInterval(() => void poll(documentName, document), pollMs),
        inFlight: new Set(),
      };
      entry.timer.unref?.();
      loaded.set(documentName, entry);
      // Seeds a new document from the report, takes in saves made while nobody co-edited, writes back what a crash left.
      await runSync(documentName, document);
      return document;
    },
    async beforeHandleMessage({ context, document, documentName, update: data, connection: socketConnection }) {
      const connection = context as ConnectionContext;
      const previous = connection.queue;
      let release!: () => void;
      connection.queue = new Promise<void>((resolve) => (release = resolve));
      await previous;
      let onApplied: (() => void) | undefined;
      try {
        onApplied = await handleMessage(connection, socketConnection, document, documentName, data);
      } catch (error) {
        // Hocuspocus closes only the document's connection and keeps the socket, on which the provider waits
        // silently (30 s) before it reconnects. A change that arrived before the one it continues is no attack:
        // closing the socket makes the window reconnect at once and send everything unconfirmed first.
        if (error instanceof RefusedUpdateError && error.reason === "out-of-order") setImmediate(() => socketConnection.webSocket.close(4409, "resync"));
        throw error;
      } finally {
        // The previous message is applied right after its hook resolves; the next check waits a macrotask for it.
        setImmediate(() => {
          // A refusal made this message read-only; the connection is as its (possibly re-read) rights say.
          socketConnection.readOnly = !connection.access?.canEdit;
          onApplied?.();
          release();
        });
      }
    },
    // A window asks whether its unconfirmed changes are held (stored) here; messages of one connection are
    // handled in order, so the answer comes after the updates sent before the question were applied.
    async onStateless({ connection, document, payload }) {
      const request = readConfirmRequest(payload);
      if (!request) return;
      let isHeld = false;
      try {
        isHeld = documentHoldsUpdate(document, base64ToBytes(request.update));
      } catch {
        isHeld = false;
      }
      const answer: ConfirmAnswer = { type: "confirmed", seq: request.seq, isHeld };
      connection.sendStateless(JSON.stringify(answer));
    },
    async onStoreDocument({ document, documentName }) {
      await runSync(documentName, document);
    },
    async afterUnloadDocument({ documentName }) {
      const entry = loaded.get(documentName);
      if (entry) clearInterval(entry.timer);
      loaded.delete(documentName);
    },
  });

  /**
   * A change refused for a reason the window can act on: Hocuspocus answers "not applied" to a read-only
   * connection and keeps it open, so the window is told at once and neither waits on a dead connection (30 s)
   * nor reconnects to send the change again. It stays unconfirmed in the window.
   */
  async function refuseSoftly(
    socket: Connection,
    user: SessionUser,
    reportId: string,
    refusal: { reason: LiveRefusalReason; status: string; transition?: string },
    message: string,
  ): Promise<undefined> {
    socket.readOnly = true;
    socket.sendStateless(writeLiveMessage({ type: "refused", ...refusal }));
    await refuse(await getDb(), user, reportId, refusal.reason, message);
    return undefined;
  }

  /** Checks, stores and lets Hocuspocus apply one message; returns what to call once it is applied. */
  async function handleMessage(
    connection: ConnectionContext,
    socket: Connection,
    document: Document,
    documentName: string,
    data: Uint8Array,
  ): Promise<(() => void) | undefined> {
    const { user } = connection;
    let { access } = connection;
    const db = await getDb();
    let payload;
    try {
      payload = readSyncPayload(data);
    } catch (error) {
      await refuse(db, user, access?.reportId ?? null, "malformed", (error as Error).message);
      throw error;
    }
    if (!payload || !access) return;
    if (isEmptyUpdate(payload.update)) return;
    const entry = loaded.get(documentName);
    // A connection opened while the report was locked (a reconnection then): its rights are read again once the
    // report is editable (退回), or the window's changes would be refused for as long as it stays connected.
    if (!access.canEdit && entry && isEditableStatus(entry.status) && !isEditableStatus(access.status)) {
      access = (await findCollabAccess(db, user, access.reportId)) ?? access;
      connection.access = access;
    }
    const status = entry?.status ?? access.status;
    const hold = holds.get(access.reportId);
    if (hold) return refuseSoftly(socket, user, access.reportId, { reason: "held", status, transition: hold.transition }, `held: ${hold.transition}`);
    if (!entry || !isEditableStatus(entry.status)) {
      return refuseSoftly(socket, user, access.reportId, { reason: "locked", status }, "report not editable now");
    }
    if (!access.canEdit) return refuseSoftly(socket, user, access.reportId, { reason: "forbidden", status }, "user may not edit the report");
    let touched: Set<string>;
    try {
      touched = checkUpdate({ doc: document, update: payload.update, canEditField: access.canEditField });
    } catch (error) {
      if (error instanceof RefusedUpdateError && error.reason === "forbidden") {
        return refuseSoftly(socket, user, access.reportId, { reason: "forbidden", status }, error.message);
      }
      const reason = error instanceof RefusedUpdateError ? error.reason : "malformed";
      await refuse(db, user, access.reportId, reason, (error as Error).message);
      throw error;
    }
    if (touched.size === 0) return;
    // Taken: a hold that starts from here on waits until it is in the document.
    let markApplied!: () => void;
    const applied = new Promise<void>((resolve) => (markApplied = resolve));
    entry.inFlight.add(applied);
    const onApplied = () => {
      entry.inFlight.delete(applied);
      markApplied();
    };
    try {
      // Durable before Hocuspocus applies and acknowledges it: a crash after the acknowledgement loses nothing.
      const id = await appendDurably({ reportId: access.reportId, update: payload.update, userId: user.id });
      entry.live.appliedUpdateIds.push(id);
      for (const field of touched) entry.live.lastEditorOf.set(field, user.id);
    } catch (error) {
      onApplied();
      throw error;
    }
    return onApplied;
  }

  return {
    async flushReport(reportId) {
      const name = collabDocumentName(reportId);
      const entry = loaded.get(name);
      if (!entry) {
        // Not open anywhere: updates a crash left unwritten are written back by loading the document once.
        if (!(await hasPendingCollabUpdates(await getDb(), reportId))) return false;
        const connection = await hocuspocus.openDirectConnection(name, {});
        await loaded.get(name)?.chain;
        await connection.disconnect();
        return true;
      }
      const before = entry.live.syncedRevision;
      await runSync(name, entry.document);
      return entry.live.syncedRevision !== before;
    },
    async holdReport(reportId, transition) {
      const name = collabDocumentName(reportId);
      holds.set(reportId, { count: (holds.get(reportId)?.count ?? 0) + 1, transition });
      const entry = loaded.get(name);
      if (entry) {
        entry.document.broadcastStateless(writeLiveMessage({ type: "hold", transition }));
        await Promise.all(entry.inFlight);
      }
      let isReleased = false;
      return async () => {
        if (isReleased) return;
        isReleased = true;
        const hold = holds.get(reportId);
        if (hold && hold.count > 1) {
          hold.count -= 1;
          return;
        }
        // The status is read before the hold ends, so no change is taken on the status from before the step.
        const current = loaded.get(name);
        try {
          if (current) await poll(name, current.document);
        } finally {
          holds.delete(reportId);
        }
        // Every window learns the hold ended, also when the step failed and the status stayed.
        current?.document.broadcastStateless(writeLiveMessage({ type: "status", status: current.status }));
      };
    },
    handleUpgrade(request, socket, head) {
      void (async () => {
        const db = await getDb();
        const user = isSameOrigin(request) ? await authenticate(db, request) : null;
        if (!user) {
          socket.end("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
          return;
        }
        sockets.handleUpgrade(request, socket, head, (websocket) => {
          const context: ConnectionContext = { user, queue: Promise.resolve() };
          hocuspocus.handleConnection(websocket, request, context);
        });
      })().catch((error: unknown) => {
        console.error("[年报] 协同连接失败", error);
        socket.destroy();
      });
    },
    async close() {
      await Promise.all([...loaded.keys()].map((name) => loaded.get(name)?.chain));
      hocuspocus.closeConnections();
      for (const entry of loaded.values()) clearInterval(entry.timer);
      sockets.close();
    },
  };
}

/** An update with no structs and no deletions (Yjs encodes it as two zero bytes). */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
