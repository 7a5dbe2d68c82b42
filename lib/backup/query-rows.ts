import type { SQL } from "drizzle-orm";

import type { Database } from "@/lib/db";

/**
 * Rows of a raw query. Both drivers (node-postgres QueryResult and PGlite Results) answer
 * `execute` with an object whose `rows` holds the records; this is the one place that relies on it.
 */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
