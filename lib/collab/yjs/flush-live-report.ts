const COLLAB_FLUSH = Symbol.for("nianbao.collab-flush");

type Holder = { [COLLAB_FLUSH]?: (reportId: string) => Promise<boolean> };

/**
 * Writes the report's live (co-edited) bodies into its JSON now, so a read right after a keystroke was
 * acknowledged sees it. True when something was written. A no-op when nobody co-edits the report.
 */
export async function flushLiveReport(reportId: string): Promise<boolean> {
  const flush = (globalThis as Holder)[COLLAB_FLUSH];
  return flush ? flush(reportId) : false;
}

/** Installed by the co-editing server (register.ts). */
export function installLiveReportFlush(flush: (reportId: string) => Promise<boolean>): void {
  (globalThis as Holder)[COLLAB_FLUSH] = flush;
}

const COLLAB_REFRESH = Symbol.for("nianbao.collab-refresh");

type RefreshHolder = { [COLLAB_REFRESH]?: (reportId: string) => Promise<void> };

/**
 * Tells the co-editing server that the report's status changed (a workflow step), so it stops taking live
 * changes now and tells every window, rather than at its next poll. A no-op when nobody co-edits the report.
 */
export async function refreshLiveReportStatus(reportId: string): Promise<void> {
  await (globalThis as RefreshHolder)[COLLAB_REFRESH]?.(reportId);
}

/** Installed by the co-editing server (register.ts). */
export function installLiveReportStatusRefresh(refresh: (reportId: string) => Promise<void>): void {
  (globalThis as RefreshHolder)[COLLAB_REFRESH] = refresh;
}
