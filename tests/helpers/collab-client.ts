import type { IncomingMessage } from "node:http";

import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";

import { bytesToBase64, readConfirmAnswer, type ConfirmRequest } from "@/lib/collab/yjs/confirm";
import { collabDocumentName } from "@/lib/collab/yjs/fields";

/** Header the in-process test server reads the user from (the app's own server reads the session cookie). */
export const TEST_USER_HEADER = "x-test-user";

export function testUserOf(request: IncomingMessage): string | undefined {
  const value = request.headers[TEST_USER_HEADER];
  return typeof value === "string" ? value : undefined;
}

export interface CollabClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves once every change typed here was acknowledged (stored) by the server. */
  acknowledged: () => Promise<void>;
  destroy: () => void;
}

/** A Node co-editing client for the report's live document, as a browser window runs it (Hocuspocus provider). */
export async function connectCollabClient(options: {
  url: string;
  reportId: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}): Promise<CollabClient> {
  const doc = new Y.Doc();
  const headers = options.headers ?? {};
  class HeaderWebSocket extends WebSocket {
    constructor(address: string) {
      super(address, { headers });
    }
  }
  // The provider hands its whole configuration to the socket it creates, WebSocketPolyfill included.
  const configuration = { url: options.url, name: collabDocumentName(options.reportId), document: doc, token: "session", WebSocketPolyfill: HeaderWebSocket };
  const provider = new HocuspocusProvider(configuration as ConstructorParameters<typeof HocuspocusProvider>[0]);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("collab client did not sync")), options.timeoutMs ?? 10_000);
    provider.on("synced", ({ state }: { state: boolean }) => {
      if (state) {
        clearTimeout(timer);
        resolve();
      }
    });
    provider.on("authenticationFailed", () => {
      clearTimeout(timer);
      reject(new Error("authentication failed"));
    });
  }).catch((error: unknown) => {
    // A refused client closes its socket: the server keeps a refused socket open, and the test's HTTP server
    // would wait for it (30 s) when it closes.
    provider.destroy();
    doc.destroy();
    throw error;
  });
  let lastSeq = 0;
  const answers = new Map<number, (isHeld: boolean) => void>();
  provider.on("stateless", ({ payload }: { payload: string }) => {
    const answer = readConfirmAnswer(payload);
    if (answer) answers.get(answer.seq)?.(answer.isHeld);
  });
  /** Asks the server whether its document holds everything this one has (see lib/collab/yjs/confirm.ts). */
  const isHeldByServer = () =>
    new Promise<boolean>((resolve) => {
      const seq = ++lastSeq;
      const timer = setTimeout(() => answers.delete(seq) && resolve(false), 2_000);
      answers.set(seq, (isHeld) => {
        clearTimeout(timer);
        answers.delete(seq);
        resolve(isHeld);
      });
      const request: ConfirmRequest = { type: "confirm", seq, update: bytesToBase64(Y.encodeStateAsUpdate(doc)) };
      provider.sendStateless(JSON.stringify(request));
    });
  return {
    doc,
    provider,
    acknowledged: async () => {
      const deadline = Date.now() + 10_000;
      // The provider's count first, then the server's confirmation that it holds this document's every change
      // (the count alone restarts at one on a reconnection, ahead of the updates still queued).
      while (provider.hasUnsyncedChanges || !(await isHeldByServer())) {
        if (Date.now() > deadline) throw new Error("changes were not acknowledged");
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
