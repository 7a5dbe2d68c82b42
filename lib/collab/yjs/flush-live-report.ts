const COLLAB_HOOKS = Symbol.for("nianbao.collab-hooks");

/** What the co-editing server (collab-server.ts) offers the rest of the app's process. */
export interface LiveReportHooks {
  flushReport(reportId: string): Promise<boolean>;
  refreshStatus(reportId: string): Promise<void>;
}

type Holder = { [COLLAB_HOOKS]?: LiveReportHooks | null };

const hooks = () => (globalThis as Holder)[COLLAB_HOOKS];

/**
 * Writes the report's live (co-edited) bodies into its JSON now, so a read right after a keystroke was
 * acknowledged sees it. True when something was written. A no-op when nobody co-edits the report.
 */
export async function flushLiveReport(reportId: string): Promise<boolean> {
  return (await hooks()?.flushReport(reportId)) ?? false;
}

/**
 * Tells the co-editing server that the report's status changed (a workflow step), so it stops taking live
 * changes now and tells every window, rather than at its next poll. A no-op when nobody co-edits the report.
 */
export async function refreshLiveReportStatus(reportId: string): Promise<void> {
  await hooks()?.refreshStatus(reportId);
}

/** Installed by the co-editing server (register.ts); null removes it. */
export function installLiveReportHooks(server: LiveReportHooks | null): void {
  (globalThis as Holder)[COLLAB_HOOKS] = server;
}
