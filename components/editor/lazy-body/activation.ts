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
 * Bodies typed into before their engine took over: that text is on screen only (not yet in the report or the live
 * document), so the page must not say 已保存 until each has been handed over. Keyed by item id.
 */
const staticEdits = new Set<string>();
const staticEditListeners = new Set<() => void>();

export function setStaticEditPending(itemId: string, isPending: boolean): void {
  if (staticEdits.has(itemId) === isPending) return;
  if (isPending) staticEdits.add(itemId);
  else staticEdits.delete(itemId);
  for (const listener of staticEditListeners) listener();
}

export function hasPendingStaticEdits(): boolean {
  return staticEdits.size > 0;
}

/** Called whenever a body starts or stops holding text typed before its engine. */
export function onStaticEditsChange(listener: () => void): () => void {
  staticEditListeners.add(listener);
  return () => staticEditListeners.delete(listener);
}
