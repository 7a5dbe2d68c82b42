import type { Report } from "@/lib/report-model";

import { isSameJson as isSameContent } from "@/lib/collab";

/** Edits not yet accepted by the server, kept in the browser (IndexedDB) per report. */
export interface LocalDraft {
  content: Report;
  /** Server revision the edits were made on; a save sends it as `baseRevision`. */
  baseRevision: number;
  /** The content of that revision, so the edits can be merged with later saves (absent in drafts of older versions). */
  baseContent?: Report;
  /** Epoch milliseconds. */
  savedAt: number;
}

export interface LocalDraftStore {
  load(reportId: string): Promise<LocalDraft | null>;
  save(reportId: string, draft: LocalDraft): Promise<void>;
  clear(reportId: string): Promise<void>;
}

const DATABASE = "nianbao-drafts";
const STORE = "drafts";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB 请求失败"));
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(DATABASE, 1);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
  };
  return request(req);
}

/** IndexedDB-backed store; `factory` is injectable for tests (fake-indexeddb). */
export function createIndexedDbDraftStore(factory: IDBFactory | undefined = globalThis.indexedDB): LocalDraftStore {
  let database: Promise<IDBDatabase> | undefined;
  const open = () => {
    if (!factory) return Promise.reject(new Error("此浏览器不支持本机暂存"));
    database ??= openDatabase(factory).catch((error: unknown) => {
      database = undefined;
      throw error;
    });
    return database;
  };
  async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await open();
    const transaction = db.transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB 事务失败"));
      transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB 事务中止"));
    });
    const [result] = await Promise.all([request(action(transaction.objectStore(STORE))), done]);
    return result;
  }
  return {
    async load(reportId) {
      const value = (await run("readonly", (store) => store.get(reportId))) as LocalDraft | undefined;
      return value ?? null;
    },
    async save(reportId, draft) {
      await run("readwrite", (store) => store.put(draft, reportId));
    },
    async clear(reportId) {
      await run("readwrite", (store) => store.delete(reportId));
    },
  };
}

/**
 * Whether to offer restoring a local draft on load: it differs from the server's content and was
 * written after the server's last save (or on its current revision).
 */
export function shouldOfferRestore(draft: LocalDraft | null, server: { revision: number; updatedAt: string; content: Report }): draft is LocalDraft {
  if (!draft) return false;
  if (isSameContent(draft.content, server.content)) return false;
  const serverTime = Date.parse(server.updatedAt);
  return draft.baseRevision >= server.revision || (Number.isFinite(serverTime) && draft.savedAt > serverTime);
}
