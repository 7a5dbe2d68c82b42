import type { Report } from "@/lib/report-model";

import { isSameJson as isSameContent } from "@/lib/collab";

import { indexedDbStore, type RunInStore } from "../indexed-db-store";

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

/** IndexedDB-backed store; `factory` is injectable for tests (fake-indexeddb). */
export function createIndexedDbDraftStore(factory: IDBFactory | undefined = globalThis.indexedDB): LocalDraftStore {
  const opened = factory ? indexedDbStore(factory, DATABASE, STORE) : null;
  const run: RunInStore = (mode, action) => (opened ? opened(mode, action) : Promise.reject(new Error("此浏览器不支持本机暂存")));
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
