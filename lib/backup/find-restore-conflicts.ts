import { sql } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { isSameJson } from "@/lib/report-model";

import { BACKUP_TABLE_LABELS, BACKUP_TABLES, type BackupFile } from "./backup-format";
import { queryRows } from "./query-rows";

export interface RestoreConflicts {
  /** Same natural key, different record (机关名称, 用户名, 机关+年度): never overwritten. */
  blocking: string[];
  /** "报告 2 条" per table with ids already present. */
  sameIds: string[];
  /** Audit entries already present unchanged (skipped) or present with other content (appended anew). */
  identicalAuditIds: Set<number>;
  changedAuditIds: Set<number>;
}

export async function findRestoreConflicts(tx: Database, backup: BackupFile): Promise<RestoreConflicts> {
  const result: RestoreConflicts = { blocking: [], sameIds: [], identicalAuditIds: new Set(), changedAuditIds: new Set() };
  for (const table of BACKUP_TABLES) {
    const rows = backup.tables[table];
    if (rows.length === 0) continue;
    const ids = JSON.stringify(rows.map((row) => row.id));
    const existing = await queryRows<{ row: Record<string, unknown> & { id: string | number } }>(
      tx,
      sql`SELECT to_jsonb(t) AS row FROM ${sql.identifier(table)} t WHERE t.id::text IN (SELECT jsonb_array_elements_text(${ids}::jsonb))`,
    );
    if (table === "audit_events") {
      const byId = new Map(rows.map((row) => [Number(row.id), row]));
      for (const { row } of existing) {
        const isSame = isSameJson(normalizeTimes(row), normalizeTimes(byId.get(Number(row.id))!));
        (isSame ? result.identicalAuditIds : result.changedAuditIds).add(Number(row.id));
      }
      if (result.changedAuditIds.size > 0) result.sameIds.push(`${BACKUP_TABLE_LABELS[table]} ${result.changedAuditIds.size} 条`);
    } else if (existing.length > 0) {
      result.sameIds.push(`${BACKUP_TABLE_LABELS[table]} ${existing.length} 条`);
    }
  }
  await findNaturalKeyConflicts(tx, backup, result.blocking);
  return result;
}

async function findNaturalKeyConflicts(tx: Database, backup: BackupFile, blocking: string[]): Promise<void> {
  const agencies = await queryRows<{ id: string; name: string }>(tx, sql`SELECT id, name FROM agencies`);
  for (const row of backup.tables.agencies) {
    const clash = agencies.find((agency) => agency.name === row.name && agency.id !== row.id);
    if (clash) blocking.push(`机关名称“${clash.name}”在目标数据库中已属于另一个机关`);
  }
  const users = await queryRows<{ id: string; username: string }>(tx, sql`SELECT id, username FROM users`);
  for (const row of backup.tables.users) {
    const clash = users.find((user) => user.username === row.username && user.id !== row.id);
    if (clash) blocking.push(`用户名“${clash.username}”在目标数据库中已属于另一个用户`);
  }
  const reports = await queryRows<{ id: string; agency_id: string; year: number }>(tx, sql`SELECT id, agency_id, year FROM reports`);
  for (const row of backup.tables.reports) {
    const clash = reports.find((report) => report.agency_id === row.agency_id && report.year === row.year && report.id !== row.id);
    if (clash) blocking.push(`目标数据库中该机关${clash.year}年度已有另一份报告`);
  }
}

/** Timestamps compare as instants, whatever offset the server wrote them with. */
function normalizeTimes(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value) ? microInstant(value) : value]),
  );
}

function microInstant(value: string): string {
  const micros = value.match(/\.(\d+)/)?.[1]?.padEnd(6, "0") ?? "000000";
  return `${new Date(value).getTime() - new Date(value).getMilliseconds()}:${micros}`;
}
