const COLLAB_HOOKS = Symbol.for("nianbao.collab-hooks");

/** What the co-editing server (collab-server.ts) offers the rest of the app's process. */
export interface LiveReportHooks {
  flushReport(reportId: string): Promise<boolean>;
  holdReport(reportId: string, transition: string): Promise<() => Promise<void>>;
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
 * Holds live editing of the report while a workflow step runs on it: from now on the co-editing server refuses
 * (and tells each window) new live changes, and this resolves once those it already took are in its document, so
 * a flush after it holds every acknowledged keystroke. The returned release (always call it, also when the step
 * failed) reads the new status and tells every window: editing stops for good, or resumes. A no-op without co-editing.
 */
export async function holdLiveReport(reportId: string, transition: string): Promise<() => Promise<void>> {
  return (await hooks()?.holdReport(reportId, transition)) ?? (async () => undefined);
}

/** Installed by the co-editing server (register.ts); null removes it. */
export function installLiveReportHooks(server: LiveReportHooks | null): void {
  (globalThis as Holder)[COLLAB_HOOKS] = server;
}
