import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { dataDirectory, env } from "@/lib/env";

/** The configured database for CLI commands (PGlite in DATA_DIR, or DATABASE_URL). */
export function openCliDatabase(options: { shouldMigrate?: boolean; isQuiet?: boolean } = {}): Promise<DatabaseHandle> {
  return openDatabase({ url: env.DATABASE_URL, dataDir: dataDirectory, shouldMigrate: options.shouldMigrate ?? true, isQuiet: options.isQuiet });
}
