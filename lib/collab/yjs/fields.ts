import type { Report, RichDoc } from "@/lib/report-model";

/** The editor id of the opening (导语), as the workspace names it; item editors use the item id. */
export const OPENING_FIELD_ID = "opening";

/** Path of the live-collaboration WebSocket, served by the app's own server (lib/server/server.mjs). */
export const COLLAB_PATH = "/api/collab";

/** One Yjs document per report; each body is a fragment of it. */
export function collabDocumentName(reportId: string): string {
  return `report:${reportId}`;
}

export function reportIdOfDocument(documentName: string): string | null {
  return documentName.startsWith("report:") ? documentName.slice("report:".length) : null;
}

/** The fragment of one body: `body:<itemId>` or `body:opening`. */
export function bodyFieldName(editorId: string): string {
  return `body:${editorId}`;
}

export function editorIdOfField(field: string): string | null {
  return field.startsWith("body:") && field.length > "body:".length ? field.slice("body:".length) : null;
}

/** Every rich-text body of the report, by fragment name. */
export function reportBodies(report: Report): Map<string, RichDoc> {
  const bodies = new Map<string, RichDoc>([[bodyFieldName(OPENING_FIELD_ID), report.opening]]);
  for (const section of report.sections) for (const item of section.items) bodies.set(bodyFieldName(item.id), item.body);
  return bodies;
}

/** The report with the given bodies replaced (fragments of items no longer in the report are ignored). */
export function withBodies(report: Report, bodies: ReadonlyMap<string, RichDoc>): Report {
  const opening = bodies.get(bodyFieldName(OPENING_FIELD_ID));
  return {
    ...report,
    opening: opening ?? report.opening,
    sections: report.sections.map((section) => ({
      ...section,
      items: section.items.map((item) => {
        const body = bodies.get(bodyFieldName(item.id));
        return body ? { ...item, body } : item;
      }),
    })),
  };
}

/**
 * `content` with the named bodies as they are in `base`: what an ordinary save sends for bodies the live
 * document owns, so the three-way merge takes the server's text for them and never writes an older one back.
 */
export function keepBaseBodies(content: Report, base: Report, fields: ReadonlySet<string>): Report {
  if (fields.size === 0) return content;
  const baseBodies = reportBodies(base);
  const kept = new Map<string, RichDoc>();
  for (const field of fields) {
    const body = baseBodies.get(field);
    if (body) kept.set(field, body);
  }
  return withBodies(content, kept);
}
