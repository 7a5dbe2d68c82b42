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
