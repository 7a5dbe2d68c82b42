"use client";

import { useSyncExternalStore } from "react";

import type * as BodyEngineModule from "./engine";

/**
 * Whether the official has started working in the bodies of this page (a pointer, focus or key in one), or
 * others are in the report. Until then the bodies are static HTML and neither the editing engine nor Yjs is
 * loaded; from then on live co-editing starts (components/report/collab/live-collab-context.tsx).
 */
let isActivated = false;
const listeners = new Set<() => void>();

export function activateBodies(): void {
  if (isActivated) return;
  isActivated = true;
  void loadBodyEngine();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useBodiesActivated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => isActivated,
    () => false,
  );
}

type BodyEngine = typeof BodyEngineModule;
let engine: Promise<BodyEngine> | undefined;

/** The engine module, loaded once (retried after a failed load). */
export function loadBodyEngine(): Promise<BodyEngine> {
  engine ??= import("./engine").catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

/**
 * Bodies holding text that is on screen only, not yet in the report or the live document: typed into the static
 * copy before the engine took over (keyed by item id), or typed into an editor without a co-editing connection
 * and not yet handed to the report (its 300 ms debounce, longer while a composition is open; keyed "typed:<item id>").
 * The page must not say 已保存 while any is pending.
 */
const pendingBodyEdits = new Set<string>();
const pendingListeners = new Set<() => void>();

export function setBodyEditPending(key: string, isPending: boolean): void {
  if (pendingBodyEdits.has(key) === isPending) return;
  if (isPending) pendingBodyEdits.add(key);
  else pendingBodyEdits.delete(key);
  for (const listener of pendingListeners) listener();
}

export function hasPendingBodyEdits(): boolean {
  return pendingBodyEdits.size > 0;
}

/** Called whenever a body starts or stops holding text that is on screen only. */
export function onPendingBodyEditsChange(listener: () => void): () => void {
  pendingListeners.add(listener);
  return () => pendingListeners.delete(listener);
}
