import { desc, eq } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import type { Report, ReportStatus } from "@/lib/report-model";

/** Saves by one person within this many minutes, in one state and with one note, are one history entry. */
export const COALESCE_MINUTES = 10;

export interface RevisionEntry {
  reportId: string;
  /** The report's new revision number (already written on the report row). */
  revision: number;
  /** The report's state when the text was written. */
  status: ReportStatus;
  content: Report;
  /** The user who wrote it (null: the system). */
  createdBy: string | null;
  /** 提出修订 and the like; null for an ordinary save. */
  note: string | null;
  now: Date;
}

/**
 * Inside the save's transaction: records the new text in the history, folded into the latest entry when the same
 * person saved in the same state with the same note within COALESCE_MINUTES, so typing does not flood the history.
 */
export async function recordRevision(tx: Database, entry: RevisionEntry): Promise<void> {
  const { reportId, revision, status, content, createdBy, note, now } = entry;
  const [latest] = await tx
    .select()
    .from(tables.reportRevisions)
    .where(eq(tables.reportRevisions.reportId, reportId))
    .orderBy(desc(tables.reportRevisions.revision))
    .limit(1);
  const canCoalesce =
    latest &&
    latest.createdBy === createdBy &&
    latest.status === status &&
    latest.note === note &&
    now.getTime() - latest.createdAt.getTime() < COALESCE_MINUTES * 60_000;
  if (canCoalesce) {
    await tx.update(tables.reportRevisions).set({ revision, content, updatedAt: now }).where(eq(tables.reportRevisions.id, latest.id));
  } else {
    await tx.insert(tables.reportRevisions).values({ reportId, revision, status, content, createdBy, note });
  }
}
