import "server-only";

import { and, asc, eq, inArray } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import type { RichDoc } from "@/lib/report-model";

export interface StoredCollabState {
  /** The compacted state, or null before the report was first co-edited. */
  state: Uint8Array | null;
  bodies: Record<string, RichDoc>;
  revision: number;
  /** Updates appended after the compaction, oldest first. */
  updates: Array<{ id: number; update: Uint8Array }>;
}

/** Loads what the database holds of a report's Yjs document. */
export async function loadCollabState(db: Database, reportId: string): Promise<StoredCollabState> {
  const [row] = await db.select().from(tables.reportCollabStates).where(eq(tables.reportCollabStates.reportId, reportId));
  const updates = await db
    .select({ id: tables.reportCollabUpdates.id, update: tables.reportCollabUpdates.update })
    .from(tables.reportCollabUpdates)
    .where(eq(tables.reportCollabUpdates.reportId, reportId))
    .orderBy(asc(tables.reportCollabUpdates.id));
  return { state: row?.state ?? null, bodies: row?.bodies ?? {}, revision: row?.revision ?? 0, updates };
}

/** Whether updates wait to be folded into the state (a crash came before their write-back). */
export async function hasPendingCollabUpdates(db: Database, reportId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: tables.reportCollabUpdates.id })
    .from(tables.reportCollabUpdates)
    .where(eq(tables.reportCollabUpdates.reportId, reportId))
    .limit(1);
  return Boolean(row);
}

/** Appends updates in one statement; returns their ids in order. */
export async function appendCollabUpdates(
  db: Database,
  rows: ReadonlyArray<{ reportId: string; update: Uint8Array; userId: string | null }>,
): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(tables.reportCollabUpdates)
    .values([...rows])
    .returning({ id: tables.reportCollabUpdates.id });
  return inserted.map((row) => row.id);
}

/** Appends one update; the server acknowledges it to the editor only after this returns. */
export async function appendCollabUpdate(db: Database, reportId: string, update: Uint8Array, userId: string | null): Promise<number> {
  const [row] = await db.insert(tables.reportCollabUpdates).values({ reportId, update, userId }).returning({ id: tables.reportCollabUpdates.id });
  return row!.id;
}

export interface CompactCollabStateOptions {
  db: Database;
  reportId: string;
  state: Uint8Array;
  bodies: Record<string, RichDoc>;
  revision: number;
  /** Appended updates contained in `state`, removed with the same commit. */
  ids: readonly number[];
}

/** Replaces the state with a compacted one and drops the updates it contains, in one transaction. */
export async function compactCollabState({ db, reportId, state, bodies, revision, ids }: CompactCollabStateOptions): Promise<void> {
  await db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .insert(tables.reportCollabStates)
      .values({ reportId, state, bodies, revision, updatedAt: now })
      .onConflictDoUpdate({ target: tables.reportCollabStates.reportId, set: { state, bodies, revision, updatedAt: now } });
    for (let start = 0; start < ids.length; start += 1000) {
      const batch = ids.slice(start, start + 1000);
      await tx.delete(tables.reportCollabUpdates).where(and(eq(tables.reportCollabUpdates.reportId, reportId), inArray(tables.reportCollabUpdates.id, batch)));
    }
  });
}
