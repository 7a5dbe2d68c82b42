import { isSameJson, mergeReports, type MergeChoice, type MergeConflict } from "@/lib/collab";
import { keepBaseBodies } from "@/lib/collab/yjs/fields";
import type { Report } from "@/lib/report-model";
import type { SavedRevision } from "@/lib/schemas/report";

import type { LocalDraftStore } from "./local-draft-store";
import { classifySaveResponse, retryDelayMs } from "./save-response";

export type SaveStatus = "saved" | "dirty" | "saving" | "retrying" | "offline" | "merging" | "conflict" | "error";

/** Units both this window and someone else changed since the common base; everything else is merged already. */
export interface ConflictState {
  /** The content both sides started from; null when unknown (an old local draft). */
  base: Report | null;
  mine: Report;
  theirs: Report;
  theirsRevision: SavedRevision;
  conflicts: MergeConflict[];
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
  /** The last time others' changes were merged in without a question. */
  lastMerge: { updatedBy: string; updatedAt: string } | null;
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
  /** The content of `initial`: the base of the first three-way merge. */
  initialContent: Report;
  /** The latest content (the workspace keeps it in a ref). */
  getContent: () => Report;
  isComposing: () => boolean;
  /** Resolves with the HTTP answer; rejects when there is none (network down, server gone). */
  send: (request: SendSaveRequest) => Promise<{ status: number; body: unknown }>;
  store: LocalDraftStore;
  isOnline: () => boolean;
  onState: (state: AutosaveState) => void;
  /** Resolves once the editors hold no pending input (IME composition ended, debounced text flushed). */
  prepareMerge?: () => Promise<void>;
  /** Shows merged content in place of the current one, synchronously (the next `getContent` returns it). */
  applyMerged: (content: Report) => void;
  /** Reads the server's latest content (GET), to take in others' saves while this window has nothing unsaved. */
  load?: () => Promise<SavedRevision & { content: Report }>;
  /** A save was refused because the report left 草稿/退回 (the edits stay in IndexedDB). */
  onLocked?: () => void;
  /** Body fragments shown by live (Yjs) editors: the co-editing server saves them, so saves here send the base's. */
  liveFields?: () => ReadonlySet<string>;
  /** Live (Yjs) keystrokes the co-editing server has not acknowledged yet: "saved" waits for them. */
  hasUnsyncedLive?: () => boolean;
  /** False while the co-editing socket is down (its keystrokes wait in the page and are sent on reconnection). */
  isLiveConnected?: () => boolean;
  /** @default 1500 */
  debounceMs?: number;
  now?: () => number;
}

const COMPOSING_RECHECK_MS = 250;
const LIVE_ACK_RECHECK_MS = 200;

export interface AutosaveController {
  getState: () => AutosaveState;
  /** The content changed: save after the pause. */
  markDirty: () => void;
  /** Save now (Ctrl+S, blur, leaving the page). */
  flush: (options?: { keepalive?: boolean }) => Promise<void>;
  /** Keep a copy in IndexedDB now (the page is going away). */
  stashLocally: () => Promise<void>;
  /** The user settled the conflicting units; the merge is applied and saved on the server's revision. */
  resolveConflict: (choices: Readonly<Record<string, MergeChoice>>) => Promise<void>;
  /** Continue from a local draft restored on load, based on the revision (and content) it was made on. */
  restoreDraft: (draft: { baseRevision: number; baseContent?: Report }) => void;
  /** Connection is back: send what is waiting. */
  notifyOnline: () => void;
  /** The server is at `revision` (from the presence heartbeat): take in others' saves when idle. */
  notifyRemoteRevision: (revision: number) => void;
  /** The revision and content the next save is based on (kept when the controller is replaced). */
  getBase: () => { saved: SavedRevision; content: Report | null };
  hasUnsavedChanges: () => boolean;
  dispose: () => void;
}

export function createAutosaveController(options: AutosaveOptions): AutosaveController {
  const debounceMs = options.debounceMs ?? 1500;
  const now = options.now ?? Date.now;
  let state: AutosaveState = { status: "saved", base: options.initial, conflict: null, message: "", isStoredLocally: false, lastMerge: null };
  /** The content of `state.base`, as this window knows it: what its own changes are measured against. */
  let baseContent: Report | null = options.initialContent;
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
      await options.store.save(options.reportId, {
        content: options.getContent(),
        baseRevision: state.base.revision,
        baseContent: baseContent ?? undefined,
        savedAt: now(),
      });
      setState({ isStoredLocally: true });
    } catch {
      // No IndexedDB (private mode): the retry loop still holds the edits in memory.
    }
  }

  /** The content to save: live bodies as in the base (the co-editing server writes them). */
  function contentToSave(): Report {
    const content = options.getContent();
    const live = options.liveFields?.();
    return live && baseContent ? keepBaseBodies(content, baseContent, live) : content;
  }

  async function send(keepalive: boolean): Promise<void> {
    const sentVersion = version;
    const content = contentToSave();
    if (baseContent && isSameJson(content, baseContent)) {
      // Only live bodies changed: nothing for an ordinary save to send; "saved" once the server acknowledged them.
      if (options.hasUnsyncedLive?.()) {
        const isDown = options.isLiveConnected?.() === false;
        setState(isDown ? { status: "offline", message: "无法连接服务器" } : { status: "saving", message: "" });
        schedule(LIVE_ACK_RECHECK_MS);
        return;
      }
      savedVersion = sentVersion;
      setState({ status: "saved", message: "" });
      return;
    }
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
        baseContent = content;
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
        attempt = 0;
        const { content: theirs, ...theirsRevision } = outcome.current;
        await mergeWith(theirs, theirsRevision);
        return;
      }
      case "rejected":
        setState({ status: "error", message: outcome.message });
        await stashLocally();
        if (outcome.isLocked) options.onLocked?.();
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

  /**
   * Another save came first: merge base → mine and base → theirs. Without a unit both changed the
   * result is shown and saved at once; otherwise only those units wait for the user.
   */
  async function mergeWith(theirs: Report, theirsRevision: SavedRevision) {
    setState({ status: "merging", message: "" });
    await options.prepareMerge?.();
    if (isDisposed) return;
    // From here to adopt() nothing awaits, so no keystroke falls between reading and replacing the content.
    const mine = contentToSave();
    const result = mergeReports({ base: baseContent, mine, theirs });
    if (result.unresolved.length === 0) {
      adopt(result.report, theirs, theirsRevision);
      setState({ lastMerge: { updatedBy: theirsRevision.updatedBy, updatedAt: theirsRevision.updatedAt } });
      return;
    }
    setState({ status: "conflict", conflict: { base: baseContent, mine, theirs, theirsRevision, conflicts: result.conflicts } });
    await stashLocally();
  }

  /** Makes `merged` the content, based on the server's revision, and saves it unless it is the server's already. */
  function adopt(merged: Report, theirs: Report, theirsRevision: SavedRevision) {
    options.applyMerged(merged);
    baseContent = theirs;
    version += 1;
    const isTheirs = isSameJson(merged, theirs);
    if (isTheirs) savedVersion = version;
    setState({ base: theirsRevision, conflict: null, status: isTheirs ? "saved" : "dirty", message: "" });
    if (isTheirs) {
      void options.store
        .clear(options.reportId)
        .then(() => setState({ isStoredLocally: false }))
        .catch(() => undefined);
    } else schedule(0);
  }

  async function flush(flushOptions: { keepalive?: boolean } = {}): Promise<void> {
    clearTimeout(debounceTimer);
    if (isDisposed || state.status === "conflict" || state.status === "merging" || version === savedVersion) return;
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
    if (state.status === "conflict" || state.status === "merging") return;
    if (state.status === "saved" || state.status === "error") setState({ status: "dirty", message: "" });
    // While retrying, the retry timer sends; a fresh edit does not reset the backoff.
    if (state.status !== "retrying" && state.status !== "offline") schedule(debounceMs);
  }

  return {
    getState: () => state,
    markDirty,
    flush,
    stashLocally,
    async resolveConflict(choices) {
      const conflict = state.conflict;
      if (!conflict) return;
      const mine = options.getContent();
      const result = mergeReports({ base: conflict.base, mine, theirs: conflict.theirs, choices });
      if (result.unresolved.length > 0) {
        setState({ conflict: { ...conflict, mine, conflicts: result.conflicts } });
        return;
      }
      adopt(result.report, conflict.theirs, conflict.theirsRevision);
      await flush();
    },
    restoreDraft(draft) {
      const isInitialBase = draft.baseRevision === options.initial.revision;
      baseContent = draft.baseContent ?? (isInitialBase ? options.initialContent : null);
      setState({ base: { ...state.base, revision: draft.baseRevision } });
      markDirty();
    },
    notifyOnline() {
      if (state.status === "offline" || state.status === "retrying") void flush();
    },
    notifyRemoteRevision(revision) {
      const load = options.load;
      if (!load || isDisposed || revision <= state.base.revision || inFlight) return;
      // With unsaved edits the next save merges anyway; a window with nothing pending refreshes now.
      if (state.status !== "saved" || version !== savedVersion) return;
      inFlight = (async () => {
        try {
          const { content, ...latest } = await load();
          if (!isDisposed && latest.revision > state.base.revision) await mergeWith(content, latest);
        } catch {
          // The next heartbeat tries again.
        }
      })().finally(() => {
        inFlight = null;
      });
    },
    getBase: () => ({ saved: state.base, content: baseContent }),
    hasUnsavedChanges: () => version !== savedVersion || state.status === "conflict",
    dispose() {
      isDisposed = true;
      clearTimers();
    },
  };
}
