/** Resolves with an IndexedDB request's result. */
export function idbRequest<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB 请求失败"));
  });
}

/** Runs one request in its own transaction on one object store and resolves once the transaction is complete. */
export type RunInStore = <T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>) => Promise<T>;

/**
 * One object store of one IndexedDB database (version 1, the store created on first open), opened at the first
 * request and opened again after a failed open. Used by the page's local draft and its unconfirmed live changes.
 */
export function indexedDbStore(factory: IDBFactory, databaseName: string, storeName: string): RunInStore {
  let database: Promise<IDBDatabase> | undefined;
  const open = () => {
    database ??= (() => {
      const req = factory.open(databaseName, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(storeName)) req.result.createObjectStore(storeName);
      };
      return idbRequest(req);
    })().catch((error: unknown) => {
      database = undefined;
      throw error;
    });
    return database;
  };
  return async (mode, action) => {
    const db = await open();
    const transaction = db.transaction(storeName, mode);
    const done = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB 事务失败"));
      transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB 事务中止"));
    });
    const [result] = await Promise.all([idbRequest(action(transaction.objectStore(storeName))), done]);
    return result;
  };
}
