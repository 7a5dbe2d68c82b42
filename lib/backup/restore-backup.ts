import { getTableColumns, sql } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";

import {
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLE_LABELS,
  BACKUP_TABLES,
  backupFileSchema,
  type BackupFile,
  type BackupRow,
  type BackupTable,
} from "./backup-format";
import { findRestoreConflicts } from "./find-restore-conflicts";
import { queryRows } from "./query-rows";

export interface RestoreBackupOptions {
  db: Database;
  /** The parsed JSON of a backup file. */
  file: unknown;
  /** Overwrite records that have the same ids in the target database. */
  shouldReplace?: boolean;
}

export interface RestoreSummary {
  counts: Record<BackupTable, number>;
  /** Things the restore had to adjust, in Chinese. */
  notes: string[];
}

const DRIZZLE_TABLES = {
  agencies: tables.agencies,
  users: tables.users,
  memberships: tables.memberships,
  reports: tables.reports,
  report_revisions: tables.reportRevisions,
  comment_threads: tables.commentThreads,
  comments: tables.comments,
  assignments: tables.assignments,
  reminders: tables.reminders,
  notifications: tables.notifications,
  audit_events: tables.auditEvents,
} as const satisfies Record<BackupTable, unknown>;

const BATCH = 200;

/** Restores a backup in one transaction: all of it or nothing. Refuses to overwrite unless asked. */
export async function restoreBackup({ db, file, shouldReplace = false }: RestoreBackupOptions): Promise<RestoreSummary> {
  const version = (file as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === "number" && version > BACKUP_FORMAT_VERSION) {
    throw new ReportError("INVALID_INPUT", "newer format", {
      userMessage: `备份文件格式版本为 ${version}，本程序只支持到 ${BACKUP_FORMAT_VERSION}，请升级后再恢复`,
    });
  }
  const backup = backupFileSchema.parse(file) as BackupFile;
  return db.transaction(async (txHandle) => {
    const tx = txHandle as unknown as Database;
    const conflicts = await findRestoreConflicts(tx, backup);
    if (conflicts.blocking.length > 0) {
      throw new ReportError("CONFLICT", "natural key conflict", { userMessage: `无法恢复：${conflicts.blocking.join("；")}` });
    }
    if (conflicts.sameIds.length > 0 && !shouldReplace) {
      throw new ReportError("CONFLICT", "id conflict", {
        userMessage: `目标数据库中已有相同编号的记录（${conflicts.sameIds.join("、")}），未做任何修改。如确需覆盖，请加 --replace`,
      });
    }
    const notes: string[] = [];
    const counts = {} as Record<BackupTable, number>;
    for (const table of BACKUP_TABLES) {
      let rows = backup.tables[table];
      if (table === "agencies") rows = await detachMissingParents(tx, rows, notes);
      if (table === "audit_events") rows = rows.filter((row) => !conflicts.identicalAuditIds.has(Number(row.id)));
      if (table === "memberships" && shouldReplace) await dropReplacedMemberships(tx, rows);
      counts[table] = rows.length;
      if (table === "audit_events") {
        const appended = rows.filter((row) => conflicts.changedAuditIds.has(Number(row.id)));
        if (appended.length > 0) notes.push(`${appended.length} 条审计记录与目标数据库中同编号的记录不同；审计记录不可覆盖，已作为新记录追加`);
        await insertRows(
          tx,
          table,
          rows.filter((row) => !conflicts.changedAuditIds.has(Number(row.id))),
          false,
        );
        await insertRows(
          tx,
          table,
          appended.map(({ id: _id, ...row }) => row as BackupRow),
          false,
        );
        await tx.execute(sql`SELECT setval(pg_get_serial_sequence('audit_events', 'id'), COALESCE((SELECT MAX(id) FROM audit_events), 0) + 1, false)`);
      } else {
        await insertRows(tx, table, rows, shouldReplace);
      }
    }
    // Inserting memberships raised each user's session version (a role change ends sessions); a restore puts
    // back the versions the backup holds, so the installation is restored as it was.
    for (const row of backup.tables.users ?? []) {
      const version = Number(row.session_version ?? 0);
      await tx.execute(sql`UPDATE users SET session_version = ${version} WHERE id = ${String(row.id)}`);
    }
    await tx.insert(tables.auditEvents).values({
      action: "backup.restore",
      agencyId: backup.scope.kind === "agency" ? backup.scope.agencyId : null,
      detail: { scope: backup.scope.kind, createdAt: backup.createdAt, replaced: shouldReplace, counts },
    });
    return { counts, notes };
  });
}

/** INSERT … SELECT from jsonb_populate_recordset: every column as stored, whichever driver runs it. */
async function insertRows(tx: Database, table: BackupTable, rows: BackupRow[], shouldReplace: boolean): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.values(getTableColumns(DRIZZLE_TABLES[table])).map((column) => column.name);
  const hasId = rows.every((row) => row.id !== undefined);
  const names = hasId ? columns : columns.filter((name) => name !== "id");
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  const update = sql.join(
    columns.filter((name) => name !== "id").map((name) => sql`${sql.identifier(name)} = EXCLUDED.${sql.identifier(name)}`),
    sql`, `,
  );
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = JSON.stringify(rows.slice(start, start + BATCH));
    const source = sql`SELECT ${list} FROM jsonb_populate_recordset(NULL::${sql.identifier(table)}, ${batch}::jsonb)`;
    await tx.execute(
      shouldReplace
        ? sql`INSERT INTO ${sql.identifier(table)} (${list}) ${source} ON CONFLICT (id) DO UPDATE SET ${update}`
        : sql`INSERT INTO ${sql.identifier(table)} (${list}) ${source}`,
    );
  }
}

/** A single-agency backup may name a parent the target does not have; the link is dropped, and said so. */
async function detachMissingParents(tx: Database, rows: BackupRow[], notes: string[]): Promise<BackupRow[]> {
  const inBackup = new Set(rows.map((row) => String(row.id)));
  const existing = new Set((await queryRows<{ id: string }>(tx, sql`SELECT id FROM agencies`)).map((row) => row.id));
  return rows.map((row) => {
    const parent = row.parent_id ? String(row.parent_id) : null;
    if (!parent || inBackup.has(parent) || existing.has(parent)) return row;
    notes.push(`机关“${String(row.name)}”的上级机关不在目标数据库中，已恢复为无上级机关`);
    return { ...row, parent_id: null };
  });
}

/** With --replace, a user's roles in an agency are the backup's roles, not a union with the current ones. */
async function dropReplacedMemberships(tx: Database, rows: BackupRow[]): Promise<void> {
  const pairs = [...new Set(rows.map((row) => `${String(row.user_id)}|${String(row.agency_id)}`))];
  for (const pair of pairs) {
    const [userId, agencyId] = pair.split("|");
    await tx.execute(sql`DELETE FROM memberships WHERE user_id = ${userId} AND agency_id = ${agencyId}`);
  }
}

export { BACKUP_TABLE_LABELS };
