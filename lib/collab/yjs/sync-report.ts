import "server-only";

import { eq } from "drizzle-orm";
import * as Y from "yjs";

import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { isEditableStatus, type Report, type RichDoc } from "@/lib/report-model";
import { recordRevision } from "@/lib/reports/record-revision";

import { mergeBlocks } from "../merge-blocks";
import { combineDocs } from "../merge-report";
import { isSameJson } from "../same-json";
import { compactCollabState } from "./collab-store";
import { reportBodies, withBodies } from "./fields";
import { readFragmentBody, writeFragmentBody } from "./yjs-bodies";

/** What the server remembers of one loaded report document between syncs. */
export interface LiveReportState {
  reportId: string;
  /** Bodies as they were when the Yjs document and the report JSON last agreed. */
  syncedBodies: Record<string, RichDoc>;
  syncedRevision: number;
  /** Appended update ids already applied to the document and not yet folded into the stored state. */
  appliedUpdateIds: number[];
  /** Who last changed each fragment (for the revision's author). */
  lastEditorOf: Map<string, string>;
}

/**
 * Brings the Yjs document and the report JSON together: a body changed outside the live document (an
 * ordinary save from a window without a socket, a restore, an accepted suggestion) is merged into the
 * document; bodies the document changed are written to the report as a new revision per author, like a save.
 * Then the state is compacted. Returns the report's revision afterwards.
 */
export async function syncReportWithDocument(db: Database, doc: Y.Doc, live: LiveReportState): Promise<number> {
  const [row] = await db
    .select({ content: tables.reports.content, revision: tables.reports.revision, status: tables.reports.status, updatedBy: tables.reports.updatedBy })
    .from(tables.reports)
    .where(eq(tables.reports.id, live.reportId));
  if (!row) return live.syncedRevision;

  const current = reportBodies(row.content);
  const documentBodies = new Map<string, RichDoc>();
  for (const [field, reportBody] of current) {
    const base = live.syncedBodies[field] ?? reportBody;
    let body = readFragmentBody(doc.getXmlFragment(field));
    const isFirstSeed = live.syncedBodies[field] === undefined && doc.getXmlFragment(field).length === 0;
    if (isFirstSeed || !isSameJson(reportBody, base)) {
      // Changed outside the live document: take it in, merged with what was typed live since.
      const merged = isFirstSeed || isSameJson(body, base) ? reportBody : mergeBody(base, body, reportBody);
      if (!isSameJson(merged, body)) writeFragmentBody(doc, field, merged);
      body = readFragmentBody(doc.getXmlFragment(field));
    }
    documentBodies.set(field, body);
  }
  // Captured before any await: these updates are in the state encoded below.
  const foldedIds = live.appliedUpdateIds.splice(0);
  const state = Y.encodeStateAsUpdate(doc);

  let revision = row.revision;
  // A save can land between the read above and the write below. Its bodies are not in the document yet, so the
  // document has taken in the report only up to the revision read above, and a body that save changed is not
  // overwritten: the next sync (the poll sees the newer revision) merges it with the live text.
  let takenInRevision = row.revision;
  let isAfterOtherSave = false;
  const notWritten = new Set<string>();
  const changed = [...documentBodies].filter(([field, body]) => !isSameJson(body, current.get(field)));
  if (changed.length > 0 && isEditableStatus(row.status)) {
    const byAuthor = new Map<string | null, Map<string, RichDoc>>();
    for (const [field, body] of changed) {
      const author = live.lastEditorOf.get(field) ?? row.updatedBy;
      const group = byAuthor.get(author) ?? new Map<string, RichDoc>();
      group.set(field, body);
      byAuthor.set(author, group);
    }
    for (const [author, bodies] of byAuthor) {
      const written = await writeBodies(db, { reportId: live.reportId, author, bodies, readBodies: current, expectedRevision: revision });
      for (const field of written.skipped) notWritten.add(field);
      isAfterOtherSave ||= written.isAfterOtherSave;
      if (!isAfterOtherSave) takenInRevision = written.revision;
      revision = written.revision;
    }
  }
  const synced: Record<string, RichDoc> = {};
  for (const [field, body] of documentBodies) {
    if (changed.length > 0 && !isEditableStatus(row.status)) synced[field] = current.get(field)!;
    else synced[field] = notWritten.has(field) ? (live.syncedBodies[field] ?? current.get(field)!) : body;
  }
  live.syncedBodies = synced;
  // After a save that came in between, the report is at a newer revision than this: the next poll syncs again.
  live.syncedRevision = takenInRevision;
  await compactCollabState({ db, reportId: live.reportId, state, bodies: synced, revision, ids: foldedIds });
  return revision;
}

function mergeBody(base: RichDoc, mine: RichDoc, theirs: RichDoc): RichDoc {
  const content = mergeBlocks(base.content ?? [], mine.content ?? [], theirs.content ?? []);
  // Both changed the same paragraph: keep both texts rather than lose either.
  return content ? { ...mine, content } : combineDocs(mine, theirs);
}

interface WriteBodiesOptions {
  reportId: string;
  author: string | null;
  bodies: ReadonlyMap<string, RichDoc>;
  /** The report's bodies as the sync read them, at `expectedRevision`. */
  readBodies: ReadonlyMap<string, RichDoc>;
  expectedRevision: number;
}

/**
 * Writes bodies into the report as one save by `author` (a new revision, like saveReportContent). A body another
 * save changed since the sync read it is left as that save wrote it (`skipped`): the next sync merges the two.
 */
async function writeBodies(
  db: Database,
  { reportId, author, bodies, readBodies, expectedRevision }: WriteBodiesOptions,
): Promise<{ revision: number; isAfterOtherSave: boolean; skipped: string[] }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(tables.reports).where(eq(tables.reports.id, reportId)).for("update");
    const skipped = [...bodies.keys()];
    if (!row || !isEditableStatus(row.status)) return { revision: row?.revision ?? 0, isAfterOtherSave: true, skipped };
    const isAfterOtherSave = row.revision !== expectedRevision;
    const inRow = reportBodies(row.content);
    const toWrite = new Map([...bodies].filter(([field]) => !isAfterOtherSave || isSameJson(inRow.get(field), readBodies.get(field))));
    const untouched = skipped.filter((field) => !toWrite.has(field));
    if (toWrite.size === 0) return { revision: row.revision, isAfterOtherSave, skipped: untouched };
    const content: Report = withBodies(row.content, toWrite);
    const revision = row.revision + 1;
    const now = new Date();
    await tx.update(tables.reports).set({ content, revision, updatedAt: now, updatedBy: author }).where(eq(tables.reports.id, reportId));
    await recordRevision(tx, { reportId, revision, status: row.status, content, createdBy: author, note: null, now });
    return { revision, isAfterOtherSave, skipped: untouched };
  });
}
