import type { Report } from "@/lib/report-model";
import type { SavedRevision } from "@/lib/schemas/report";

import { isSameContent } from "../conflict/is-same-content";

import type { LocalDraftStore } from "./local-draft-store";
import { classifySaveResponse, retryDelayMs } from "./save-response";

export type SaveStatus = "saved" | "dirty" | "saving" | "retrying" | "offline" | "conflict" | "error";

export interface ConflictState {
  mine: Report;
  theirs: Report;
  theirsRevision: SavedRevision;
}

export interface AutosaveState {
  status: SaveStatus;
  /** The server revision the next save is based on. */
  base: SavedRevision;
  conflict: ConflictState | null;
  /** Shown with status "error" / "retrying". */
  message: string;
  /** Whether unsent edits sit in IndexedDB. */
  isStoredLocally: boolean;
}

export interface SendSaveRequest {
  baseRevision: number;
  content: Report;
  /** Set when the page is being hidden or closed. */
  keepalive: boolean;
}

export interface AutosaveOptions {
  reportId: string;
  initial: SavedRevision;
  /** The latest content (the workspace keeps it in a ref). */
  getContent: () => Report;
  isComposing: () => boolean;
  /** Resolves with the HTTP answer; rejects when there is none (network down, server gone). */
  send: (request: SendSaveRequest) => Promise<{ status: number; body: unknown }>;
  store: LocalDraftStore;
  isOnline: () => boolean;
  onState: (state: AutosaveState) => void;
  /** @default 1500 */
  debounceMs?: number;
  now?: () => number;
}

const COMPOSING_RECHECK_MS = 250;

export interface AutosaveController {
  getState: () => AutosaveState;
  /** The content changed: save after the pause. */
  markDirty: () => void;
  /** Save now (Ctrl+S, blur, leaving the page). */
  flush: (options?: { keepalive?: boolean }) => Promise<void>;
  /** Keep a copy in IndexedDB now (the page is going away). */
  stashLocally: () => Promise<void>;
  /** The user resolved a conflict; `content` becomes the report, based on the server's revision. */
  resolveConflict: (content: Report) => Promise<void>;
  /** Continue from a local draft restored on load, based on the revision it was made on. */
  restoreDraft: (baseRevision: number) => void;
  /** Connection is back: send what is waiting. */
  notifyOnline: () => void;
  hasUnsavedChanges: () => boolean;
  dispose: () => void;
}

export function createAutosaveController(options: AutosaveOptions): AutosaveController {
  const debounceMs = options.debounceMs ?? 1500;
  const now = options.now ?? Date.now;
  let state: AutosaveState = { status: "saved", base: options.initial, conflict: null, message: "", isStoredLocally: false };
  let version = 0;
  let savedVersion = 0;
  let attempt = 0;
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  let isDisposed = false;

  function setState(patch: Partial<AutosaveState>) {
    state = { ...state, ...patch };
    if (!isDisposed) options.onState(state);
  }

  function clearTimers() {
    clearTimeout(debounceTimer);
    clearTimeout(retryTimer);
  }

  function schedule(delay: number) {
    clearTimeout(debounceTimer);
    debounceTimer = setTimeout(onTimer, delay);
  }

  function onTimer() {
    // Never save mid-composition: the half-typed pinyin is not the user's text yet.
    if (options.isComposing()) schedule(COMPOSING_RECHECK_MS);
    else void flush();
  }

  async function stashLocally() {
    if (version === savedVersion && state.status !== "conflict") return;
    try {
      await options.store.save(options.reportId, { content: options.getContent(), baseRevision: state.base.revision, savedAt: now() });
      setState({ isStoredLocally: true });
    } catch {
      // No IndexedDB (private mode): the retry loop still holds the edits in memory.
    }
  }

  async function send(keepalive: boolean): Promise<void> {
    const sentVersion = version;
    const content = options.getContent();
    setState({ status: "saving" });
    let outcome;
    try {
      const response = await options.send({ baseRevision: state.base.revision, content, keepalive });
      outcome = classifySaveResponse(response.status, response.body);
    } catch {
      outcome = { kind: "retry" as const, message: "无法连接服务器", isUnreachable: true };
    }
    if (isDisposed) return;
    switch (outcome.kind) {
      case "saved": {
        attempt = 0;
        savedVersion = sentVersion;
        const isCurrent = version === sentVersion;
        setState({ base: outcome.saved, status: isCurrent ? "saved" : "dirty", message: "" });
        if (isCurrent) {
          await options.store.clear(options.reportId).catch(() => undefined);
          setState({ isStoredLocally: false });
        } else schedule(debounceMs);
        return;
      }
      case "conflict": {
        clearTimers();
        const { content: theirs, ...theirsRevision } = outcome.current;
        setState({ status: "conflict", conflict: { mine: options.getContent(), theirs, theirsRevision }, message: "" });
        await stashLocally();
        return;
      }
      case "rejected":
        setState({ status: "error", message: outcome.message });
        await stashLocally();
        return;
      case "retry": {
        attempt += 1;
        const isOffline = "isUnreachable" in outcome && !options.isOnline();
        setState({ status: isOffline ? "offline" : "retrying", message: outcome.message });
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => void flush(), retryDelayMs(attempt));
        await stashLocally();
      }
    }
  }

  async function flush(flushOptions: { keepalive?: boolean } = {}): Promise<void> {
    clearTimeout(debounceTimer);
    if (isDisposed || state.status === "conflict" || version === savedVersion) return;
    if (inFlight) {
      // One request at a time: the next one must carry the revision this one returns.
      await inFlight;
      return flush(flushOptions);
    }
    clearTimeout(retryTimer);
    inFlight = send(flushOptions.keepalive ?? false).finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  function markDirty() {
    version += 1;
    if (state.status === "conflict") return;
    if (state.status === "saved" || state.status === "error") setState({ status: "dirty", message: "" });
    // While retrying, the retry timer sends; a fresh edit does not reset the backoff.
    if (state.status !== "retrying" && state.status !== "offline") schedule(debounceMs);
  }

  return {
    getState: () => state,
    markDirty,
    flush,
    stashLocally,
    async resolveConflict(content) {
      const conflict = state.conflict;
      if (!conflict) return;
      const isTheirs = isSameContent(content, conflict.theirs);
      version += 1;
      if (isTheirs) savedVersion = version;
      setState({ base: conflict.theirsRevision, conflict: null, status: isTheirs ? "saved" : "dirty", message: "" });
      if (isTheirs) {
        await options.store.clear(options.reportId).catch(() => undefined);
        setState({ isStoredLocally: false });
      } else await flush();
    },
    restoreDraft(baseRevision) {
      setState({ base: { ...state.base, revision: baseRevision } });
      markDirty();
    },
    notifyOnline() {
      if (state.status === "offline" || state.status === "retrying") void flush();
    },
    hasUnsavedChanges: () => version !== savedVersion || state.status === "conflict",
    dispose() {
      isDisposed = true;
      clearTimers();
    },
  };
}
