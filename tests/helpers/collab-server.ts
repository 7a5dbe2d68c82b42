import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import type { SessionUser } from "@/lib/auth/session-user";
import { createCollabServer, type CollabServer } from "@/lib/collab/yjs/collab-server";
import { installLiveReportHooks, type LiveReportHooks } from "@/lib/collab/yjs/flush-live-report";
import type { Database } from "@/lib/db";

import { connectCollabClient, TEST_USER_HEADER, testUserOf, type CollabClient } from "./collab-client";

export interface StartCollabServerOptions {
  /**
   * "live": writes the live document back 50 ms after typing stops and polls every 100 ms, as a busy server would;
   * "manual": only when asked (a flush or a workflow step), so nothing happens in the test's time unless it asks.
   * @default "live"
   */
  timing?: "live" | "manual";
  /**
   * Offer the server to the app's verbs (flush before a read or export, hold during a workflow step) as the app's
   * own server registers it; a function may put a test's probe around those hooks. @default false
   */
  hooks?: boolean | ((server: CollabServer) => LiveReportHooks);
}

export interface CollabTestServer {
  /** ws://…/api/collab on a free loopback port. */
  url: string;
  collab: CollabServer;
  /** A crash: the sockets and the HTTP server go without the co-editing server writing anything back. */
  crash: () => Promise<void>;
}

/**
 * The co-editing server on its own HTTP server, with users taken from TEST_USER_HEADER instead of a session cookie,
 * and the Node clients of its tests; `cleanup` (afterEach) closes whatever the test started.
 */
export function createCollabTestHarness(getDb: () => Database) {
  const users = new Map<string, SessionUser>();
  const clients: CollabClient[] = [];
  const stops: Array<() => Promise<void>> = [];
  let hasHooks = false;

  async function start({ timing = "live", hooks = false }: StartCollabServerOptions = {}): Promise<CollabTestServer> {
    const isManual = timing === "manual";
    const collab = createCollabServer({
      getDb: async () => getDb(),
      authenticate: async (_db, request) => users.get(testUserOf(request) ?? "") ?? null,
      storeDebounceMs: isManual ? 600_000 : 50,
      storeMaxDebounceMs: isManual ? 600_000 : 200,
      pollMs: isManual ? 600_000 : 100,
    });
    if (hooks) {
      installLiveReportHooks(typeof hooks === "function" ? hooks(collab) : collab);
      hasHooks = true;
    }
    const http = createServer((_request, response) => response.end());
    http.on("upgrade", (request, socket, head) => collab.handleUpgrade(request, socket, head));
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const closeHttp = async () => {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    };
    let isStopped = false;
    const stop = async (shouldWriteBack: boolean) => {
      if (isStopped) return;
      isStopped = true;
      if (shouldWriteBack) await collab.close();
      await closeHttp();
    };
    stops.push(() => stop(true));
    return { url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/api/collab`, collab, crash: () => stop(false) };
  }

  return {
    /** Users the server lets in, by id (send the id in TEST_USER_HEADER). */
    users,
    addUsers(...list: SessionUser[]): void {
      for (const user of list) users.set(user.id, user);
    },
    start,
    /** A Node client (the unmodified Hocuspocus provider) of the report's live document, as this user. */
    async connect(url: string, user: SessionUser, reportId: string): Promise<CollabClient> {
      const client = await connectCollabClient({ url, reportId, headers: { [TEST_USER_HEADER]: user.id } });
      clients.push(client);
      return client;
    },
    /** Forgets clients a test already dropped itself. */
    forgetClients(): void {
      clients.splice(0);
    },
    async cleanup(): Promise<void> {
      for (const client of clients.splice(0)) client.destroy();
      for (const stop of stops.splice(0)) await stop();
      if (hasHooks) installLiveReportHooks(null);
      hasHooks = false;
    },
  };
}

export type CollabTestHarness = ReturnType<typeof createCollabTestHarness>;
