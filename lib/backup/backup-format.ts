import { z } from "zod";

export const BACKUP_FORMAT = "nianbao-backup";
export const BACKUP_FORMAT_VERSION = 1;

/** Tables in the order a restore inserts them (parents before children). Login attempts are transient and left out. */
export const BACKUP_TABLES = [
  "agencies",
  "users",
  "memberships",
  "reports",
  "report_revisions",
  "comment_threads",
  "comments",
  "assignments",
  "reminders",
  "notifications",
  "audit_events",
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** Tables added after the first backups were written: a backup without them restores as having none. */
const LATER_TABLES: ReadonlySet<BackupTable> = new Set(["reminders", "notifications"]);

/** One row as PostgreSQL's to_jsonb writes it: column names, ISO timestamps with microseconds. */
export type BackupRow = Record<string, unknown> & { id: string | number };

const rowSchema = z.record(z.string(), z.unknown()).refine((row) => typeof row.id === "string" || typeof row.id === "number", "每行都须有 id");

export const backupFileSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: "这不是年报系统的备份文件" }),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  /** The whole installation, or one agency. */
  scope: z.union([z.object({ kind: z.literal("installation") }), z.object({ kind: z.literal("agency"), agencyId: z.string(), agencyName: z.string() })]),
  tables: z.object(
    Object.fromEntries(BACKUP_TABLES.map((table) => [table, LATER_TABLES.has(table) ? z.array(rowSchema).default([]) : z.array(rowSchema)])) as Record<
      BackupTable,
      z.ZodArray<typeof rowSchema>
    >,
  ),
});
export type BackupFile = Omit<z.infer<typeof backupFileSchema>, "tables"> & { tables: Record<BackupTable, BackupRow[]> };

export const BACKUP_TABLE_LABELS: Record<BackupTable, string> = {
  agencies: "机关",
  users: "用户",
  memberships: "角色",
  reports: "报告",
  report_revisions: "修订版本",
  comment_threads: "意见",
  comments: "意见回复",
  assignments: "任务",
  reminders: "催办",
  notifications: "通知",
  audit_events: "审计记录",
};
