// Loaded with import() only when co-editing starts: Yjs, the provider and the Collaboration extension stay out
// of the editor page's first-load JavaScript.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type { AnyExtension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import { Plugin } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import * as Y from "yjs";

import { bytesToBase64, readConfirmAnswer, type ConfirmRequest } from "@/lib/collab/yjs/confirm";
import { bodyFieldName, collabDocumentName, COLLAB_PATH } from "@/lib/collab/yjs/fields";
import { readLiveMessage, type LiveRefusalReason } from "@/lib/collab/yjs/live-messages";
import { isEditableStatus } from "@/lib/report-model/workflow/status";
import { writeUpdateMessage } from "@/lib/collab/yjs/message";

import { createIndexedDbUnconfirmedStore, createUnconfirmedUpdates, unconfirmedKey, type UnconfirmedStore } from "./unconfirmed-updates";

/** What the server last said about this window's right to edit live. */
export interface LiveEditState {
  /** The report's status as the server last said; null before it said anything. */
  status: string | null;
  /** The workflow step running on the report (live changes are refused until it ends), or null. */
  hold: string | null;
  /** Why the server did not take a change typed here; cleared when editing resumes and the change is sent again. */
  refusal: { reason: LiveRefusalReason; transition?: string } | null;
}

export interface LiveCollabSession {
  /** The report's live document (the editors' Collaboration extensions are bound to its body fragments). */
  document: Y.Doc;
  /** The Collaboration extension bound to one body's fragment. */
  extensionFor: (editorId: string) => AnyExtension;
  /** Bodies shown by live editors: the Yjs server writes them, so ordinary saves leave them alone. */
  markLive: (editorId: string, isLive: boolean) => void;
  liveFields: () => ReadonlySet<string>;
  /** True when the live document has no content at all for this body (an item made in this page since it loaded). */
  isBodyUnknown: (editorId: string) => boolean;
  /**
   * Changes typed here (or restored from a tab closed before they were stored) that the server has not yet
   * confirmed it holds. Only the server's answer to a confirmation clears them, never a bare acknowledgement.
   */
  hasUnsyncedChanges: () => boolean;
  /** False while the socket is down; typed changes wait in the page and are sent when it is back. */
  isConnected: () => boolean;
  /** Called when the server says the report left 草稿/退回 (editing stops at once). */
  onStatus: (listener: (status: string) => void) => () => void;
  /** Called on every change of the edit state (a workflow step's hold, a refusal, the status). */
  onEditState: (listener: (state: LiveEditState) => void) => () => void;
  editState: () => LiveEditState;
  destroy: () => void;
}

export interface StartLiveCollabOptions {
  reportId: string;
  /** @default the page's own origin, ws: or wss: */
  url?: string;
  onConnectionChange?: (isConnected: boolean) => void;
  /** Where unconfirmed changes survive the tab. @default IndexedDB (none without it) */
  store?: UnconfirmedStore | null;
  /** The WebSocket class. @default the browser's (tests in Node pass the ws package's, with headers) */
  WebSocketPolyfill?: unknown;
}

/**
 * The provider's socket without its outgoing queue. @hocuspocus/provider 3.4.4 queues whatever is sent while the
 * socket is down and flushes that queue only when the first message of the next connection arrives: after the
 * authentication, the SyncStep1 and every change typed since the socket opened, which go out at once. The server
 * then receives a change before the change it continues ("refers to an unknown item"), refuses it and closes the
 * document's connection on a socket that stays open, and the window stops being live until the provider gives
 * up on the silent socket (30 s). Here nothing is queued: a change typed while the socket is down stays in the
 * window's unconfirmed updates, which go out first, the moment the socket opens (see onOpen below).
 */
class UnqueuedWebsocket extends HocuspocusProviderWebsocket {
  override send(message: unknown): void {
    if (this.webSocket?.readyState === 1) this.webSocket.send(message as Uint8Array);
  }
}

/** Transaction origin of unconfirmed changes restored from a closed tab. */
const RESTORE_ORIGIN = "nianbao-restore";
/** A confirmation is asked this long after the last change (a burst of keystrokes asks once). */
const CONFIRM_DELAY_MS = 120;
/** No answer by then (the socket dropped): ask again. */
const CONFIRM_TIMEOUT_MS = 3000;

/**
 * A caret moved by a click, Home/End or Ctrl+Home/End reaches ProseMirror's state only at the browser's next
 * selectionchange event. A colleague's change handled before that event made y-tiptap save the old selection from
 * the state, restore it after the change and write it into the page over the move, so the next keys landed where
 * the caret had been. Reading each focused editor's page selection first puts the move in the state before the
 * change is applied. `domObserver.flush()` is what prosemirror-view (1.42) itself runs on selectionchange and on
 * every DOM mutation; it is internal, so it is looked up rather than typed. An open IME composition is left alone:
 * its text and caret are ProseMirror's own handling, and the caret does not move while it is open.
 */
function readCaretsFromPage(views: ReadonlySet<EditorView>) {
  for (const view of views) {
    if (view.isDestroyed || view.composing || !view.hasFocus()) continue;
    const observer = (view as unknown as { domObserver?: { flush?: () => void } }).domObserver;
    if (typeof observer?.flush === "function") observer.flush();
  }
}

/** Keeps the set of this page's live editor views, for reading their carets before a colleague's change. */
function liveViewsPlugin(views: Set<EditorView>) {
  return new Plugin({
    view: (view) => {
      views.add(view);
      return { destroy: () => void views.delete(view) };
    },
  });
}

/** Connects to the report's live document; resolves once the first sync is done, rejects when it cannot. */
export function startLiveCollab(
  { reportId, url, onConnectionChange, store = createIndexedDbUnconfirmedStore(), WebSocketPolyfill }: StartLiveCollabOptions,
  timeoutMs: number,
): Promise<LiveCollabSession> {
  const document = new Y.Doc();
  const unconfirmed = createUnconfirmedUpdates(unconfirmedKey(reportId, document.clientID), store);
  const restored = store ? store.load(reportId).catch(() => []) : Promise.resolve([]);
  const live = new Set<string>();
  const views = new Set<EditorView>();
  const LiveCollaboration = Collaboration.extend({
    addProseMirrorPlugins() {
      return [...(this.parent?.() ?? []), liveViewsPlugin(views)];
    },
  });
  const statusListeners = new Set<(status: string) => void>();
  const editStateListeners = new Set<(state: LiveEditState) => void>();
  let editState: LiveEditState = { status: null, hold: null, refusal: null };
  let isConnected = false;
  const socketUrl = url ?? `${window.location.protocol === "https:" ? "wss:" : "ws:"}//${window.location.host}${COLLAB_PATH}`;
  return new Promise<LiveCollabSession>((resolve, reject) => {
    let isSettled = false;
    const socket = new UnqueuedWebsocket({ url: socketUrl, ...(WebSocketPolyfill ? { WebSocketPolyfill } : {}) });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: collabDocumentName(reportId),
      document,
      // The server reads the session cookie; the token only makes the provider authenticate.
      token: "session",
      // Runs for every message before the provider applies it (a colleague's change included).
      onMessage: () => readCaretsFromPage(views),
      onSynced: ({ state }) => {
        if (!state) return;
        scheduleConfirm(0);
        if (isSettled) return;
        isSettled = true;
        clearTimeout(timer);
        // Changes a closed tab left unconfirmed go in before the editors bind; the provider sends what is new.
        void restored.then(async (entries) => {
          if (isDestroyed) return;
          // What the server lacks becomes this window's own unconfirmed change (and its entry); then the old
          // entries go. A tab still open on the report writes its entry again with its next change.
          for (const { update } of entries) Y.applyUpdate(document, update, RESTORE_ORIGIN);
          resolve(session);
          if (entries.length === 0 || !store) return;
          await unconfirmed.persisted();
          const own = unconfirmedKey(reportId, document.clientID);
          for (const { key } of entries) if (key !== own) await store.save(key, null).catch(() => undefined);
        });
      },
      // The socket has just opened (nothing else was sent on it yet): everything the server has not confirmed goes
      // first, ahead of the authentication, so no change typed after this can reach the server before one it continues.
      onOpen: () => {
        const pending = unconfirmed.merged();
        // Known to be refused (a lock): the sync that follows still offers it once, in case the lock ended meanwhile.
        if (pending && !isRefusing()) socket.send(writeUpdateMessage(collabDocumentName(reportId), pending.update));
      },
      onAuthenticationFailed: ({ reason }) => {
        if (!isSettled) return fail(new Error(`co-editing refused: ${reason}`));
        // Refused on a reconnection (access lost): say so at once and stop, rather than retry on a silent socket.
        setEditState({ ...editState, refusal: { reason: "forbidden" } });
        socket.disconnect();
      },
      onStatus: ({ status }) => {
        isConnected = status === "connected";
        // A question asked on the lost socket gets no answer: ask again on the new one.
        awaitingSeq = null;
        onConnectionChange?.(isConnected);
      },
      onStateless: ({ payload }) => {
        const answer = readConfirmAnswer(payload);
        if (answer) return onConfirmAnswer(answer.seq, answer.isHeld);
        const message = readLiveMessage(payload);
        if (message?.type === "hold") setEditState({ ...editState, hold: message.transition });
        if (message?.type === "refused") {
          const { reason, transition } = message;
          setEditState({
            status: message.status,
            hold: reason === "held" ? (transition ?? editState.hold) : editState.hold,
            refusal: transition ? { reason, transition } : { reason },
          });
          // A lock this window had not heard of yet: its editors stop now.
          if (reason === "locked") for (const listener of statusListeners) listener(message.status);
        }
        if (message?.type === "status") {
          const wasRefused = editState.refusal !== null;
          const isResumed = isEditableStatus(message.status) && editState.refusal?.reason !== "forbidden";
          setEditState({ status: message.status, hold: null, refusal: isResumed ? null : editState.refusal });
          for (const listener of statusListeners) listener(message.status);
          // Editing resumes: what the server refused meanwhile goes again now, ahead of anything typed next.
          const pending = unconfirmed.merged();
          if (isResumed && wasRefused && pending && isConnected) socket.send(writeUpdateMessage(collabDocumentName(reportId), pending.update));
          if (isResumed) scheduleConfirm(CONFIRM_DELAY_MS);
        }
      },
    });
    provider.attach();
    const session: LiveCollabSession = {
      document,
      extensionFor: (editorId) => LiveCollaboration.configure({ document, field: bodyFieldName(editorId) }),
      markLive: (editorId, isLive) => void (isLive ? live.add(bodyFieldName(editorId)) : live.delete(bodyFieldName(editorId))),
      liveFields: () => live,
      isBodyUnknown: (editorId) => document.getXmlFragment(bodyFieldName(editorId)).length === 0,
      hasUnsyncedChanges: () => unconfirmed.hasAny(),
      isConnected: () => isConnected,
      onStatus: (listener) => {
        statusListeners.add(listener);
        return () => statusListeners.delete(listener);
      },
      onEditState: (listener) => {
        editStateListeners.add(listener);
        return () => editStateListeners.delete(listener);
      },
      editState: () => editState,
      destroy: () => {
        // What is unconfirmed stays in IndexedDB for the next window on the report.
        isDestroyed = true;
        clearTimeout(confirmTimer);
        clearTimeout(answerTimer);
        document.off("update", onDocumentUpdate);
        provider.destroy();
        socket.destroy();
        document.destroy();
      },
    };

    // Every change made here (typing, a restored tab's changes) waits for the server's confirmation.
    let isDestroyed = false;
    let awaitingSeq: number | null = null;
    let confirmTimer: ReturnType<typeof setTimeout> | undefined;
    let answerTimer: ReturnType<typeof setTimeout> | undefined;
    function onDocumentUpdate(update: Uint8Array, origin: unknown) {
      if (origin === provider) return;
      unconfirmed.add(update);
      scheduleConfirm(CONFIRM_DELAY_MS);
    }
    document.on("update", onDocumentUpdate);
    function setEditState(next: LiveEditState) {
      editState = next;
      for (const listener of editStateListeners) listener(next);
    }
    /**
     * The server refuses this window's changes for now (a step runs, the report is locked, or a change it may not
     * make is pending): asking would only make the provider send them again and again.
     */
    function isRefusing() {
      const { status, hold, refusal } = editState;
      return hold !== null || (status !== null && !isEditableStatus(status)) || refusal?.reason === "forbidden";
    }
    function scheduleConfirm(delayMs: number) {
      if (isDestroyed) return;
      clearTimeout(confirmTimer);
      confirmTimer = setTimeout(askConfirmation, delayMs);
    }
    /** Asks the server whether it holds everything unconfirmed; it answers after the updates sent before. */
    function askConfirmation() {
      const pending = unconfirmed.merged();
      // Asked again when the socket is back and synced (onSynced), or when the answer to this question comes.
      if (!pending || !isConnected || !provider.isSynced || isRefusing() || (awaitingSeq !== null && awaitingSeq >= pending.seq)) return;
      awaitingSeq = pending.seq;
      const request: ConfirmRequest = { type: "confirm", seq: pending.seq, update: bytesToBase64(pending.update) };
      provider.sendStateless(JSON.stringify(request));
      // No answer in time (the socket dropped without a close): ask again.
      clearTimeout(answerTimer);
      answerTimer = setTimeout(() => {
        awaitingSeq = null;
        askConfirmation();
      }, CONFIRM_TIMEOUT_MS);
    }
    function onConfirmAnswer(seq: number, isHeld: boolean) {
      const isLatest = seq === awaitingSeq;
      if (isLatest) {
        awaitingSeq = null;
        clearTimeout(answerTimer);
      }
      if (isHeld) unconfirmed.confirm(seq);
      // Not held: an update was lost on a dropped socket. A fresh sync makes the provider send what the server lacks.
      else if (isLatest && !isRefusing()) provider.forceSync();
      if (unconfirmed.hasAny()) scheduleConfirm(isHeld ? 0 : CONFIRM_DELAY_MS);
    }
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
