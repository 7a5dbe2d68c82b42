// Loaded with import() only when co-editing starts: Yjs, the provider and the Collaboration extension stay out
// of the editor page's first-load JavaScript.
import { HocuspocusProvider } from "@hocuspocus/provider";
import type { AnyExtension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import * as Y from "yjs";

import { bodyFieldName, collabDocumentName, COLLAB_PATH } from "@/lib/collab/yjs/fields";

export interface LiveCollabSession {
  /** The Collaboration extension bound to one body's fragment. */
  extensionFor: (editorId: string) => AnyExtension;
  /** Bodies shown by live editors: the Yjs server writes them, so ordinary saves leave them alone. */
  markLive: (editorId: string, isLive: boolean) => void;
  liveFields: () => ReadonlySet<string>;
  /** True when the live document has no content at all for this body (an item made in this page since it loaded). */
  isBodyUnknown: (editorId: string) => boolean;
  /** Changes typed here that the server has not yet stored and acknowledged. */
  hasUnsyncedChanges: () => boolean;
  /** False while the socket is down; typed changes wait in the page and are sent when it is back. */
  isConnected: () => boolean;
  /** Called when the server says the report left 草稿/退回 (editing stops at once). */
  onStatus: (listener: (status: string) => void) => () => void;
  destroy: () => void;
}

export interface StartLiveCollabOptions {
  reportId: string;
  /** @default the page's own origin, ws: or wss: */
  url?: string;
  onConnectionChange?: (isConnected: boolean) => void;
}

/** Connects to the report's live document; resolves once the first sync is done, rejects when it cannot. */
export function startLiveCollab({ reportId, url, onConnectionChange }: StartLiveCollabOptions, timeoutMs: number): Promise<LiveCollabSession> {
  const document = new Y.Doc();
  const live = new Set<string>();
  const statusListeners = new Set<(status: string) => void>();
  let isConnected = false;
  const socketUrl = url ?? `${window.location.protocol === "https:" ? "wss:" : "ws:"}//${window.location.host}${COLLAB_PATH}`;
  return new Promise<LiveCollabSession>((resolve, reject) => {
    let isSettled = false;
    const provider = new HocuspocusProvider({
      url: socketUrl,
      name: collabDocumentName(reportId),
      document,
      // The server reads the session cookie; the token only makes the provider authenticate.
      token: "session",
      onSynced: ({ state }) => {
        if (!state || isSettled) return;
        isSettled = true;
        clearTimeout(timer);
        resolve(session);
      },
      onAuthenticationFailed: () => fail(new Error("co-editing refused")),
      onStatus: ({ status }) => {
        isConnected = status === "connected";
        onConnectionChange?.(isConnected);
      },
      onStateless: ({ payload }) => {
        try {
          const message = JSON.parse(payload) as { type?: string; status?: string };
          if (message.type === "status" && typeof message.status === "string") for (const listener of statusListeners) listener(message.status);
        } catch {
          // not ours
        }
      },
    });
    const session: LiveCollabSession = {
      extensionFor: (editorId) => Collaboration.configure({ document, field: bodyFieldName(editorId) }),
      markLive: (editorId, isLive) => void (isLive ? live.add(bodyFieldName(editorId)) : live.delete(bodyFieldName(editorId))),
      liveFields: () => live,
      isBodyUnknown: (editorId) => document.getXmlFragment(bodyFieldName(editorId)).length === 0,
      hasUnsyncedChanges: () => provider.hasUnsyncedChanges,
      isConnected: () => isConnected,
      onStatus: (listener) => {
        statusListeners.add(listener);
        return () => statusListeners.delete(listener);
      },
      destroy: () => {
        provider.destroy();
        document.destroy();
      },
    };
    function fail(error: Error) {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      session.destroy();
      reject(error);
    }
    const timer = setTimeout(() => fail(new Error("co-editing did not connect in time")), timeoutMs);
  });
}
