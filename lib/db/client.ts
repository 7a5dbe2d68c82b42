import "server-only";

import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { Pool } from "pg";

import { DataDirectoryLockedError, lockDataDirectory } from "./data-dir-lock";
import * as schema from "./schema";

/** One type for both drivers: verbs never know which one they run on. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL; when absent, PGlite in `dataDir` (or in memory when dataDir is "memory://"). */
  url?: string;
  dataDir?: string;
  /** Apply pending migrations before returning. @default true */
  shouldMigrate?: boolean;
  /** Skip the PGlite durability notice (a caller that starts the server, which says it, once). @default false */
  isQuiet?: boolean;
}

const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "db", "migrations");

/**
 * PGlite writes through to the host files on every commit but never calls fsync: a killed server process
 * loses no acknowledged save, a power cut or operating-system crash may lose the last ones. Said at start.
 */
export const PGLITE_DURABILITY_NOTICE =
  "注意：内置数据库（PGlite）在服务进程崩溃（含 kill -9）时不会丢失已确认的保存，但它不向磁盘强制落盘（无 fsync），断电或操作系统崩溃时可能丢失最近的保存甚至损坏数据目录。多人正式使用请设置 DATABASE_URL 使用 PostgreSQL，并定期备份（npm run -s cli -- backup <文件>）。";

let hasPrintedDurabilityNotice = false;

/** Raised with a message that names the setting to fix. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
  }
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const shouldMigrate = options.shouldMigrate ?? true;
  if (options.url) {
    const pool = new Pool({ connectionString: options.url, max: 10, connectionTimeoutMillis: 5000 });
    // An idle connection cut by the server (restart, admin, network) must not crash the process; the pool reconnects.
    pool.on("error", (error) => console.error(`[数据库] PostgreSQL 连接中断，将自动重连：${describe(error)}`));
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new DatabaseUnavailableError(
        `无法连接 DATABASE_URL 指定的 PostgreSQL 服务器（${describe(error)}）。请检查 DATABASE_URL，或删除该变量以使用内置数据库。`,
        { cause: error },
      );
    }
    const db = drizzlePg(pool, { schema }) as unknown as Database;
    if (shouldMigrate) await migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return { db, kind: "postgres", close: () => pool.end() };
  }
  const dataDir = options.dataDir ?? "./data";
  let client: PGlite;
  let releaseLock = () => {};
  try {
    if (dataDir === "memory://") client = new PGlite();
    else {
      const directory = path.resolve(/*turbopackIgnore: true*/ dataDir, "pglite");
      mkdirSync(directory, { recursive: true });
      releaseLock = lockDataDirectory(`${directory}.lock`);
      client = new PGlite(directory);
      if (!hasPrintedDurabilityNotice && !options.isQuiet) {
        console.warn(`[数据库] ${PGLITE_DURABILITY_NOTICE}`);
        hasPrintedDurabilityNotice = true;
      }
    }
    await client.waitReady;
  } catch (error) {
    releaseLock();
    if (error instanceof DataDirectoryLockedError) throw new DatabaseUnavailableError(error.message, { cause: error });
    const reason = dataDir === "memory://" ? describe(error) : diagnoseDirectory(path.resolve(/*turbopackIgnore: true*/ dataDir, "pglite"), error);
    throw new DatabaseUnavailableError(
      `无法打开内置数据库（目录 ${path.resolve(/*turbopackIgnore: true*/ dataDir)}：${reason}）。请检查 DATA_DIR 指向的目录是否存在且可写。`,
      { cause: error },
    );
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  if (shouldMigrate) await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db,
    kind: "pglite",
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}

const DIRECTORY_PROBLEMS: Record<string, string> = {
  EROFS: "只读文件系统",
  EACCES: "没有写入权限",
  EPERM: "没有写入权限",
  ENOSPC: "磁盘空间已满",
  ENOTDIR: "路径中有同名的普通文件",
};

function pathExists(candidate: string): boolean {
  try {
    statSync(candidate);
    return true;
  } catch {
    return false;
  }
}

/** Names the real cause: Node's recursive mkdir reports a read-only disk as ENOENT, which misleads operators. */
function diagnoseDirectory(directory: string, error: unknown): string {
  let code = describe(error);
  let existing = directory;
  while (!pathExists(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  try {
    if (!statSync(existing).isDirectory()) code = "ENOTDIR";
    else accessSync(existing, constants.W_OK);
  } catch (probeError) {
    code = describe(probeError);
  }
  return DIRECTORY_PROBLEMS[code] ? `${code}，${DIRECTORY_PROBLEMS[code]}` : code;
}
