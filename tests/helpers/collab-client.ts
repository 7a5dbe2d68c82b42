import type { IncomingMessage } from "node:http";

import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";

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
  });
  return {
    doc,
    provider,
    acknowledged: async () => {
      const deadline = Date.now() + 10_000;
      while (provider.hasUnsyncedChanges) {
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
