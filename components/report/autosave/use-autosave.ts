"use client";

import { useEffect, useRef, useState } from "react";

import type { MergeChoice } from "@/lib/collab";
import type { Report } from "@/lib/report-model";
import { readEnvelope } from "@/lib/errors";
import { storedRevisionSchema, type SavedRevision, type StoredRevision } from "@/lib/schemas/report";

import { isImeKeyEvent, type CompositionTracker } from "@/components/editor/composition";
import { useLatest } from "@/components/editor/use-latest";

import { createAutosaveController, type AutosaveController, type AutosaveState, type SendSaveRequest } from "./autosave-controller";
import { createIndexedDbDraftStore, shouldOfferRestore, type LocalDraft, type LocalDraftStore } from "./local-draft-store";

/** Browsers refuse keepalive bodies above 64 KiB (bytes on the wire); larger reports rely on the IndexedDB copy instead. */
export const KEEPALIVE_LIMIT = 60_000;

/** The body's size as sent: UTF-8 bytes (a Chinese character is three), not UTF-16 code units. */
export function utf8ByteLength(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

export async function sendSaveRequest(reportId: string, request: SendSaveRequest): Promise<{ status: number; body: unknown }> {
  const body = JSON.stringify({ baseRevision: request.baseRevision, content: request.content });
  const response = await fetch(`/api/reports/${encodeURIComponent(reportId)}/content`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    credentials: "same-origin",
    body,
    keepalive: request.keepalive && utf8ByteLength(body) < KEEPALIVE_LIMIT,
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** GET /api/reports/:id/content: the server's latest content. */
export async function loadLatestContent(reportId: string): Promise<StoredRevision> {
  const response = await fetch(`/api/reports/${encodeURIComponent(reportId)}/content`, { credentials: "same-origin", cache: "no-store" });
  const answer = await readEnvelope(response, storedRevisionSchema);
  if (!answer.ok) throw new Error(`读取最新内容失败：${answer.message}`);
  return answer.data;
}

export interface UseAutosaveOptions {
  reportId: string;
  initial: SavedRevision & { content: Report };
  getContent: () => Report;
  composition: CompositionTracker;
  isEnabled: boolean;
  /** Resolves when the editors hold no pending input (see AutosaveOptions.prepareMerge). */
  prepareMerge?: () => Promise<void>;
  /** Shows merged content synchronously (see AutosaveOptions.applyMerged). */
  applyMerged: (content: Report) => void;
  /** A save was refused because the report is no longer editable. */
  onLocked?: () => void;
  /** Body fragments the live co-editing document owns (see AutosaveOptions.liveFields). */
  liveFields?: () => ReadonlySet<string>;
  /** Live keystrokes not yet acknowledged by the co-editing server (see AutosaveOptions.hasUnsyncedLive). */
  hasUnsyncedLive?: () => boolean;
  /** False while the co-editing socket is down (see AutosaveOptions.isLiveConnected). */
  isLiveConnected?: () => boolean;
  /** Injectable for tests. */
  store?: LocalDraftStore;
  send?: (request: SendSaveRequest) => Promise<{ status: number; body: unknown }>;
}

export interface UseAutosave {
  state: AutosaveState;
  markDirty: () => void;
  flush: () => Promise<void>;
  /** True when the server has everything (read after awaiting `flush`). */
  isAllSaved: () => boolean;
  /** The server is at this revision (heartbeat): refresh when nothing is pending. */
  notifyRemoteRevision: (revision: number) => void;
  resolveConflict: (choices: Readonly<Record<string, MergeChoice>>) => Promise<void>;
  /** A local draft newer than the server's content, offered once on load. */
  restorable: LocalDraft | null;
  /** Returns the draft's content for the workspace to show; saving continues from its base revision. */
  acceptRestore: () => Report | null;
  discardRestore: () => void;
}

export function useAutosave(options: UseAutosaveOptions): UseAutosave {
  const { reportId, initial, isEnabled } = options;
  const optionsRef = useLatest(options);
  const controllerRef = useRef<AutosaveController | null>(null);
  const storeRef = useRef<LocalDraftStore>(options.store ?? createIndexedDbDraftStore());
  const [state, setState] = useState<AutosaveState>({
    status: "saved",
    base: { revision: initial.revision, updatedAt: initial.updatedAt, updatedBy: initial.updatedBy },
    conflict: null,
    message: "",
    isStoredLocally: false,
    lastMerge: null,
  });
  const [restorable, setRestorable] = useState<LocalDraft | null>(null);
  // Survives a controller being replaced (editing locked and unlocked again), so merges keep the right base.
  const baseRef = useRef<{ saved: SavedRevision; content: Report | null } | null>(null);

  useEffect(() => {
    if (!isEnabled) return;
    const store = storeRef.current;
    const kept = baseRef.current;
    const controller = createAutosaveController({
      reportId,
      initial: kept?.saved ?? { revision: initial.revision, updatedAt: initial.updatedAt, updatedBy: initial.updatedBy },
      initialContent: kept ? (kept.content ?? initial.content) : initial.content,
      load: () => loadLatestContent(reportId),
      onLocked: () => optionsRef.current.onLocked?.(),
      prepareMerge: () => optionsRef.current.prepareMerge?.() ?? Promise.resolve(),
      applyMerged: (content) => optionsRef.current.applyMerged(content),
      getContent: () => optionsRef.current.getContent(),
      liveFields: () => optionsRef.current.liveFields?.() ?? new Set<string>(),
      hasUnsyncedLive: () => optionsRef.current.hasUnsyncedLive?.() ?? false,
      isLiveConnected: () => optionsRef.current.isLiveConnected?.() ?? true,
      isComposing: () => optionsRef.current.composition.isComposing(),
      send: (request) => (optionsRef.current.send ?? ((r: SendSaveRequest) => sendSaveRequest(reportId, r)))(request),
      store,
      isOnline: () => (typeof navigator === "undefined" ? true : navigator.onLine),
      onState: setState,
    });
    controllerRef.current = controller;

    let isActive = true;
    store
      .load(reportId)
      .then((draft) => {
        if (isActive && shouldOfferRestore(draft, initial)) setRestorable(draft);
      })
      .catch(() => undefined);

    const leave = () => {
      if (!controller.hasUnsavedChanges()) return;
      void controller.stashLocally();
      void controller.flush({ keepalive: true });
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") leave();
    };
    const onOnline = () => controller.notifyOnline();
    const onKeyDown = (event: KeyboardEvent) => {
      if (isImeKeyEvent(event)) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        optionsRef.current.composition.whenIdle(() => void controller.flush());
      }
    };
    window.addEventListener("pagehide", leave);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("online", onOnline);
    window.addEventListener("keydown", onKeyDown, true);
    return () => {
      isActive = false;
      window.removeEventListener("pagehide", leave);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("keydown", onKeyDown, true);
      // Locked mid-edit: what was not saved yet goes to IndexedDB (offered again when editing reopens).
      if (controller.hasUnsavedChanges()) void controller.stashLocally();
      baseRef.current = controller.getBase();
      controller.dispose();
      setState((current) => (current.conflict ? { ...current, conflict: null, status: "saved" } : current));
      controllerRef.current = null;
    };
    // The controller lives as long as the report is open; `initial` is read once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reportId, isEnabled]);

  return {
    state,
    markDirty: () => controllerRef.current?.markDirty(),
    flush: async () => controllerRef.current?.flush(),
    isAllSaved: () => !controllerRef.current?.hasUnsavedChanges(),
    notifyRemoteRevision: (revision) => controllerRef.current?.notifyRemoteRevision(revision),
    resolveConflict: async (choices) => controllerRef.current?.resolveConflict(choices),
    restorable,
    acceptRestore: () => {
      const draft = restorable;
      setRestorable(null);
      if (!draft) return null;
      controllerRef.current?.restoreDraft(draft);
      return draft.content;
    },
    discardRestore: () => {
      setRestorable(null);
      void storeRef.current.clear(reportId).catch(() => undefined);
    },
  };
}
