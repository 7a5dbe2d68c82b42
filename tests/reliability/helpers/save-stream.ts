import type { Report, RichDoc } from "@/lib/report-model";

import type { ApiSession } from "./api-session";

/** The editor's body for save number `sequence`: a marker that identifies exactly which save is stored. */
export function contentForSave(base: Report, marker: string): Report {
  const body: RichDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: marker }] }] };
  const [first, ...rest] = base.sections;
  if (!first || first.items.length === 0) throw new Error("fixture report has no item to edit");
  const [item, ...otherItems] = first.items;
  return { ...base, sections: [{ ...first, items: [{ ...item!, body }, ...otherItems] }, ...rest] };
}

/** The marker text stored in a report's first item (what `contentForSave` wrote). */
export function markerOf(content: Report): string {
  const paragraph = content.sections[0]?.items[0]?.body.content[0];
  return paragraph?.content?.[0]?.text ?? "";
}

export interface SaveLog {
  /** The last save the server acknowledged with 200. */
  lastAcknowledged: { revision: number; marker: string } | null;
  /** A save sent but not answered (the server died while it ran). */
  inFlight: { revision: number; marker: string } | null;
  acknowledgedCount: number;
  errors: string[];
}

export function newSaveLog(): SaveLog {
  return { lastAcknowledged: null, inFlight: null, acknowledgedCount: 0, errors: [] };
}

/** Saves in a loop like the editor's autosave (one request at a time, each on the last revision) until `shouldStop`. */
export async function runSaveStream(options: {
  session: ApiSession;
  reportId: string;
  base: Report;
  startRevision: number;
  label: string;
  shouldStop: () => boolean;
  pauseMs?: number;
  /** The log, filled in while the stream runs (so a caller can watch its progress). */
  log?: SaveLog;
}): Promise<SaveLog> {
  const log: SaveLog = options.log ?? newSaveLog();
  let revision = options.startRevision;
  for (let sequence = 1; !options.shouldStop(); sequence++) {
    const marker = `${options.label}第${sequence}次保存：推进严格规范公正文明执法`;
    log.inFlight = { revision: revision + 1, marker };
    try {
      const response = await options.session.request(`/api/reports/${options.reportId}/content`, {
        method: "PUT",
        body: JSON.stringify({ baseRevision: revision, content: contentForSave(options.base, marker) }),
      });
      const body = (await response.json()) as { ok?: boolean; data?: { revision: number } };
      if (response.status !== 200 || !body.data) {
        log.errors.push(`HTTP ${response.status}`);
        break;
      }
      revision = body.data.revision;
      log.lastAcknowledged = { revision, marker };
      log.inFlight = null;
      log.acknowledgedCount++;
    } catch (error) {
      // The connection died with the server: this save may or may not have committed.
      log.errors.push(error instanceof Error ? error.message : String(error));
      break;
    }
    if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
  return log;
}
