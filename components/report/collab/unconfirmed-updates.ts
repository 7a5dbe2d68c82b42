// The live changes typed in this window that the co-editing server has not yet confirmed it holds, kept in
// memory and in IndexedDB (per report) so closing the tab while offline loses none of them: the next window on
// the report applies them to its live document, which sends them like fresh typing.
import * as Y from "yjs";

import { indexedDbStore } from "../indexed-db-store";

const DATABASE = "nianbao-live";
const STORE = "unconfirmed";

/** Unconfirmed live updates of one report, in order. */
export interface UnconfirmedUpdates {
  /** A change typed here (or restored from a closed tab) that the server has not confirmed yet. */
  add: (update: Uint8Array) => void;
  hasAny: () => boolean;
  /** Everything unconfirmed as one update, and the sequence number it goes up to; null when nothing is. */
  merged: () => { seq: number; update: Uint8Array } | null;
  /** The server holds everything up to `seq`. */
  confirm: (seq: number) => void;
  /** Resolves once the copy in IndexedDB matches what is unconfirmed now. */
  persisted: () => Promise<void>;
}

/** Each window keeps its own entry (two tabs on one report never overwrite each other's): `<reportId> <windowId>`. */
export interface UnconfirmedStore {
  /** Every window's unconfirmed updates of the report, by entry key. */
  load: (reportId: string) => Promise<Array<{ key: string; update: Uint8Array }>>;
  /** Writes one window's unconfirmed updates; null removes them. */
  save: (key: string, update: Uint8Array | null) => Promise<void>;
}

export function unconfirmedKey(reportId: string, windowId: string | number): string {
  return `${reportId} ${windowId}`;
}

/** `key`: this window's entry (see unconfirmedKey). */
export function createUnconfirmedUpdates(key: string, store: UnconfirmedStore | null): UnconfirmedUpdates {
  let entries: Array<{ seq: number; update: Uint8Array }> = [];
  let nextSeq = 1;
  // Writes run one after another; each writes the state at the time it runs, so the last one is current.
  let writing: Promise<void> = Promise.resolve();
  let isWriteQueued = false;

  function mergedNow() {
    if (entries.length === 0) return null;
    const last = entries[entries.length - 1]!;
    if (entries.length > 1) entries = [{ seq: last.seq, update: Y.mergeUpdates(entries.map((entry) => entry.update)) }];
    return { seq: last.seq, update: entries[0]!.update };
  }

  function persist() {
    if (!store || isWriteQueued) return;
    isWriteQueued = true;
    writing = writing.then(async () => {
      isWriteQueued = false;
      // Nothing anyone typed is lost for want of local storage (private mode): the page keeps it in memory.
      await store.save(key, mergedNow()?.update ?? null).catch(() => undefined);
    });
  }

  return {
    add(update) {
      entries.push({ seq: nextSeq++, update });
      persist();
    },
    hasAny: () => entries.length > 0,
    merged: mergedNow,
    confirm(seq) {
      const before = entries.length;
      entries = entries.filter((entry) => entry.seq > seq);
      if (entries.length !== before) persist();
    },
    persisted: () => writing,
  };
}

/** IndexedDB-backed store; `factory` and `keyRange` are injectable for tests (fake-indexeddb). Null without IndexedDB. */
export function createIndexedDbUnconfirmedStore(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  keyRange: typeof IDBKeyRange | undefined = globalThis.IDBKeyRange,
): UnconfirmedStore | null {
  if (!factory || !keyRange) return null;
  const run = indexedDbStore(factory, DATABASE, STORE);
  return {
    async load(reportId) {
      // Keys of one report sort together: from "<reportId> " up to "<reportId>!" (the next character after the space).
      const range = keyRange.bound(`${reportId} `, `${reportId}!`, false, true);
      const [keys, values] = await Promise.all([
        run("readonly", (store) => store.getAllKeys(range)),
        run("readonly", (store) => store.getAll(range)) as Promise<unknown[]>,
      ]);
      return keys.flatMap((key, index) => {
        const value = values[index];
        const update = value instanceof Uint8Array ? value : value instanceof ArrayBuffer ? new Uint8Array(value) : null;
        return update && typeof key === "string" ? [{ key, update }] : [];
      });
    },
    async save(key, update) {
      if (update) await run("readwrite", (store) => store.put(update, key));
      else await run("readwrite", (store) => store.delete(key));
    },
  };
}
