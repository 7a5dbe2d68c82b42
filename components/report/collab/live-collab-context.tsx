"use client";

import { useEffect, useState, useSyncExternalStore } from "react";

import type { LiveCollabSession } from "./live-collab";

export type LiveCollabStatus = "off" | "connecting" | "live" | "fallback";

export interface LiveCollabValue {
  status: LiveCollabStatus;
  session: LiveCollabSession | null;
}

/** A socket that has not synced by then is taken as blocked (a proxy): the page keeps item-level saves with merge. */
const CONNECT_TIMEOUT_MS = 5000;
const OFF: LiveCollabValue = { status: "off", session: null };

// One report workspace per page: its co-editing state is shared with the body editors through this small store
// (a context provider would wrap, and re-indent, the whole workspace tree).
let current: LiveCollabValue = OFF;
const listeners = new Set<() => void>();

function publish(value: LiveCollabValue): void {
  current = value;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The workspace's co-editing state, for the body editors. */
export function useLiveCollabContext(): LiveCollabValue {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => OFF,
  );
}

/**
 * Starts co-editing of the report's bodies (loading Yjs only now) when the report opened editable here and
 * `shouldStart` (the official has started on a body, or others are in the report). A later workflow lock keeps
 * the session (the editors turn read-only), so the bodies on screen stay the live ones.
 */
export function useLiveCollab(reportId: string, isEditable: boolean, shouldStart = true): LiveCollabValue {
  const [isEditableAtOpen] = useState(isEditable);
  const value = useLiveCollabContext();
  useEffect(() => {
    if (!isEditableAtOpen || !shouldStart) return;
    let isCancelled = false;
    let started: LiveCollabSession | null = null;
    publish({ status: "connecting", session: null });
    import("./live-collab")
      .then(({ startLiveCollab }) => startLiveCollab({ reportId }, CONNECT_TIMEOUT_MS))
      .then((session) => {
        if (isCancelled) return session.destroy();
        started = session;
        publish({ status: "live", session });
      })
      .catch(() => {
        if (!isCancelled) publish({ status: "fallback", session: null });
      });
    return () => {
      isCancelled = true;
      started?.destroy();
      publish(OFF);
    };
  }, [reportId, isEditableAtOpen, shouldStart]);
  return value;
}
