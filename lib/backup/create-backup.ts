import { eq, sql, type SQL } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";

import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_TABLES, type BackupFile, type BackupRow, type BackupTable } from "./backup-format";
import { queryRows } from "./query-rows";

export interface CreateBackupOptions {
  db: Database;
  /** Only this agency's data (by name); the whole installation when absent. */
  agencyName?: string;
  now?: Date;
}

/** Every row of the installation, or of one agency, exactly as stored (timestamps to the microsecond, in UTC). */
export async function createBackup({ db, agencyName, now = new Date() }: CreateBackupOptions): Promise<BackupFile> {
  let agency: { id: string; name: string } | undefined;
  if (agencyName !== undefined) {
    [agency] = await db.select({ id: tables.agencies.id, name: tables.agencies.name }).from(tables.agencies).where(eq(tables.agencies.name, agencyName));
    if (!agency) throw new ReportError("NOT_FOUND", "agency not found", { userMessage: `找不到名为“${agencyName}”的机关` });
  }
  const filters = agency ? agencyFilters(agency.id) : undefined;
  const data = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL TIME ZONE 'UTC'`);
    const result = {} as Record<BackupTable, BackupRow[]>;
    for (const table of BACKUP_TABLES) {
      const where = filters ? sql` WHERE ${filters[table]}` : sql``;
      const rows = await queryRows<{ row: BackupRow }>(
        tx as unknown as Database,
        sql`SELECT to_jsonb(t) AS row FROM ${sql.identifier(table)} t${where} ORDER BY t.id`,
      );
      result[table] = rows.map(({ row }) => row);
    }
    return result;
  });
  data.agencies = parentsFirst(data.agencies);
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: now.toISOString(),
    scope: agency ? { kind: "agency", agencyId: agency.id, agencyName: agency.name } : { kind: "installation" },
    tables: data,
  };
}

/** Row filters for one agency; users are its members plus anyone its records name (authors, assignees). */
function agencyFilters(agencyId: string): Record<BackupTable, SQL> {
  const reports = sql`(SELECT id FROM reports WHERE agency_id = ${agencyId})`;
  const threads = sql`(SELECT id FROM comment_threads WHERE report_id IN ${reports})`;
  const members = sql`(SELECT user_id FROM memberships WHERE agency_id = ${agencyId})`;
  return {
    agencies: sql`t.id = ${agencyId}`,
    users: sql`t.id IN ${members}
      OR t.id IN (SELECT created_by FROM reports WHERE agency_id = ${agencyId}) OR t.id IN (SELECT updated_by FROM reports WHERE agency_id = ${agencyId})
      OR t.id IN (SELECT created_by FROM report_revisions WHERE report_id IN ${reports})
      OR t.id IN (SELECT created_by FROM comment_threads WHERE report_id IN ${reports}) OR t.id IN (SELECT resolved_by FROM comment_threads WHERE report_id IN ${reports})
      OR t.id IN (SELECT author_id FROM comments WHERE thread_id IN ${threads})
      OR t.id IN (SELECT assignee_id FROM assignments WHERE report_id IN ${reports}) OR t.id IN (SELECT created_by FROM assignments WHERE report_id IN ${reports})`,
    memberships: sql`t.agency_id = ${agencyId}`,
    reports: sql`t.agency_id = ${agencyId}`,
    report_revisions: sql`t.report_id IN ${reports}`,
    comment_threads: sql`t.report_id IN ${reports}`,
    comments: sql`t.thread_id IN ${threads}`,
    assignments: sql`t.report_id IN ${reports}`,
    // A reminder joins two agencies (the supervising and the supervised); it travels only with the whole installation.
    reminders: sql`false`,
    notifications: sql`t.user_id IN ${members} AND (t.report_id IS NULL OR t.report_id IN ${reports})`,
    audit_events: sql`t.agency_id = ${agencyId} OR t.user_id IN ${members}`,
  };
}

/** Agencies ordered so that a parent always comes before its children. */
export function parentsFirst(rows: BackupRow[]): BackupRow[] {
  const ids = new Set(rows.map((row) => String(row.id)));
  const placed = new Set<string>();
  const ordered: BackupRow[] = [];
  let remaining = rows;
  while (remaining.length > 0) {
    const ready = remaining.filter((row) => !row.parent_id || !ids.has(String(row.parent_id)) || placed.has(String(row.parent_id)));
    // A cycle would never become ready; keep the rest in their order rather than loop.
    const batch = ready.length > 0 ? ready : remaining;
    for (const row of batch) {
      ordered.push(row);
      placed.add(String(row.id));
    }
    remaining = remaining.filter((row) => !batch.includes(row));
  }
  return ordered;
}
