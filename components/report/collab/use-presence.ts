"use client";

import { useEffect, useRef, useState } from "react";

import { presenceSnapshotSchema, type PresencePerson, type PresenceSnapshot } from "@/lib/collab";
import { readEnvelope } from "@/lib/errors";

import { useLatest } from "@/components/editor/use-latest";

export interface UsePresenceOptions {
  reportId: string;
  /** Every answer: the report's status and revision (the workspace locks and refreshes on them). */
  onSnapshot: (snapshot: PresenceSnapshot) => void;
  /** @default 3000 */
  intervalMs?: number;
}

interface Location {
  itemId: string | null;
  sectionId: string | null;
}

function randomClientId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The item and part around the focused element: <article id="item-…"> and <section id="section-…"> (ItemForm, SectionForm). */
export function locate(element: Element | null): Location {
  const location: Location = { itemId: null, sectionId: null };
  for (let node = element; node; node = node.parentElement) {
    const id = node.id;
    if (location.itemId === null && node.tagName === "ARTICLE" && id.startsWith("item-")) location.itemId = id.slice("item-".length);
    if (node.tagName === "SECTION" && id.startsWith("section-")) {
      location.sectionId = id.slice("section-".length);
      break;
    }
  }
  return location;
}

/**
 * Heartbeat of this window: tells the server which item the cursor is in, every few seconds and at
 * once when it moves, and returns the other windows of the report.
 */
export function usePresence({ reportId, onSnapshot, intervalMs = 3000 }: UsePresenceOptions): PresencePerson[] {
  const [people, setPeople] = useState<PresencePerson[]>([]);
  const [clientId] = useState(randomClientId);
  const onSnapshotRef = useLatest(onSnapshot);
  const locationRef = useRef<Location>({ itemId: null, sectionId: null });

  useEffect(() => {
    const url = `/api/reports/${encodeURIComponent(reportId)}/presence`;
    const body = (isLeaving: boolean) => JSON.stringify({ clientId, ...locationRef.current, isLeaving });
    let isActive = true;
    let soonTimer: ReturnType<typeof setTimeout> | undefined;

    async function beat() {
      try {
        const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin", body: body(false) });
        const answer = await readEnvelope(response, presenceSnapshotSchema);
        if (!isActive || !answer.ok) return;
        setPeople(answer.data.people);
        onSnapshotRef.current(answer.data);
      } catch {
        // Offline: the next beat tries again; autosave reports the connection.
      }
    }

    const onFocusIn = (event: FocusEvent) => {
      const next = locate(event.target instanceof Element ? event.target : null);
      const current = locationRef.current;
      if (next.itemId === current.itemId && next.sectionId === current.sectionId) return;
      locationRef.current = next;
      clearTimeout(soonTimer);
      soonTimer = setTimeout(() => void beat(), 150);
    };
    const leave = () => {
      const blob = new Blob([body(true)], { type: "application/json" });
      if (!navigator.sendBeacon?.(url, blob))
        void fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: body(true), keepalive: true }).catch(() => undefined);
    };

    void beat();
    const interval = setInterval(() => void beat(), intervalMs);
    document.addEventListener("focusin", onFocusIn);
    window.addEventListener("pagehide", leave);
    return () => {
      isActive = false;
      clearInterval(interval);
      clearTimeout(soonTimer);
      document.removeEventListener("focusin", onFocusIn);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [reportId, clientId, intervalMs, onSnapshotRef]);

  return people;
}
