import "server-only";

import { dataDirectory, env } from "@/lib/env";

import { openDatabase, type Database, type DatabaseHandle } from "./client";

export { DatabaseUnavailableError, openDatabase, type Database, type DatabaseHandle } from "./client";
export * as tables from "./schema";

const globalForDb = globalThis as unknown as { nianbaoDb?: Promise<DatabaseHandle> };

/** The process-wide database (one PGlite instance may own the data directory). */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.nianbaoDb ??= openDatabase({ url: env.DATABASE_URL, dataDir: dataDirectory }).catch((error: unknown) => {
    globalForDb.nianbaoDb = undefined;
    throw error;
  });
  return globalForDb.nianbaoDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Throws when the database does not answer. */
export async function checkDatabase(): Promise<void> {
  const db = await getDb();
  await db.execute("select 1");
}
