/** One open editor window of a report, as the other windows see it. */
export interface PresenceEntry {
  /** Random per window; several windows of one user are separate entries. */
  clientId: string;
  userId: string;
  displayName: string;
  agencyId: string;
  /** The item the cursor is in, or null (outside any item). */
  itemId: string | null;
  sectionId: string | null;
  /** Epoch milliseconds of the last heartbeat. */
  lastSeen: number;
}

export interface PresenceRegistry {
  touch(reportId: string, entry: Omit<PresenceEntry, "lastSeen">): void;
  leave(reportId: string, userId: string, clientId: string): void;
  /** Windows seen within the time-to-live, of this agency only. */
  list(reportId: string, agencyId: string): PresenceEntry[];
}

export interface PresenceRegistryOptions {
  /** A window that sent nothing for this long has gone. @default 15000 */
  ttlMs?: number;
  now?: () => number;
}

/** In-memory presence of one server process (the app runs as one process; see README). */
export function createPresenceRegistry({ ttlMs = 15_000, now = Date.now }: PresenceRegistryOptions = {}): PresenceRegistry {
  const reports = new Map<string, Map<string, PresenceEntry>>();
  // A client may only refresh or remove its own entry: the key includes the session's user id.
  const keyOf = (userId: string, clientId: string) => `${userId}:${clientId}`;

  function prune(reportId: string): Map<string, PresenceEntry> | undefined {
    const entries = reports.get(reportId);
    if (!entries) return undefined;
    const cutoff = now() - ttlMs;
    for (const [key, entry] of entries) if (entry.lastSeen < cutoff) entries.delete(key);
    if (entries.size === 0) reports.delete(reportId);
    return entries.size > 0 ? entries : undefined;
  }

  return {
    touch(reportId, entry) {
      const entries = reports.get(reportId) ?? new Map<string, PresenceEntry>();
      reports.set(reportId, entries);
      entries.set(keyOf(entry.userId, entry.clientId), { ...entry, lastSeen: now() });
    },
    leave(reportId, userId, clientId) {
      reports.get(reportId)?.delete(keyOf(userId, clientId));
      prune(reportId);
    },
    list(reportId, agencyId) {
      const entries = prune(reportId);
      return entries ? [...entries.values()].filter((entry) => entry.agencyId === agencyId) : [];
    },
  };
}

const GLOBAL_KEY = Symbol.for("nianbao.presence-registry");

/** The process-wide registry (kept on globalThis so every route bundle shares it). */
export function getPresenceRegistry(): PresenceRegistry {
  const holder = globalThis as { [GLOBAL_KEY]?: PresenceRegistry };
  holder[GLOBAL_KEY] ??= createPresenceRegistry();
  return holder[GLOBAL_KEY];
}
