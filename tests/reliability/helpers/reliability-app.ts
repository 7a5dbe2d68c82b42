import type { SessionUser } from "@/lib/auth/session-user";
import { openDatabase, type Database } from "@/lib/db/client";
import { createReportFromTemplate, type Report } from "@/lib/report-model";
import { insertReport } from "@/lib/reports/create-report";
import { getTemplate } from "@/templates";

import { seedUser } from "../../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../../helpers/app-server";

import { createScratchDatabase, type ScratchDatabase } from "./postgres-url";

export type DbKind = "pglite" | "postgres";

export interface SeededEditor {
  user: SessionUser;
  reportId: string;
  content: Report;
}

export interface ReliabilityApp {
  app: AppServer;
  kind: DbKind;
  editors: SeededEditor[];
  /** The scratch database's name (postgres only). */
  databaseName?: string;
  /** Opens the app's database from the test (for PGlite only while the server is stopped). */
  openDb(): Promise<{ db: Database; close(): Promise<void> }>;
  dispose(): Promise<void>;
}

/** A drafter in a new agency with one draft report. */
export async function seedEditor(db: Database, year = 2025): Promise<SeededEditor> {
  const user = await seedUser(db, { roles: ["drafter"] });
  const content = createReportFromTemplate(getTemplate("department"), { agency: user.agencyName, year });
  const { reportId } = await insertReport({ db, user, content, source: "test" });
  return { user, reportId, content };
}

/** The built app on PGlite (its own DATA_DIR) or on a fresh PostgreSQL database, with `editorCount` seeded editors. */
export async function startReliabilityApp(options: {
  kind: DbKind;
  editorCount?: number;
  env?: Record<string, string>;
  /** More seeding after the editors, before the server opens the database. */
  seed?: (db: Database) => Promise<void>;
}): Promise<ReliabilityApp> {
  const editors: SeededEditor[] = [];
  const seed = async (db: Database) => {
    for (let index = 0; index < (options.editorCount ?? 1); index++) editors.push(await seedEditor(db));
    await options.seed?.(db);
  };
  let scratch: ScratchDatabase | undefined;
  let app: AppServer;
  if (options.kind === "postgres") {
    scratch = await createScratchDatabase();
    const handle = await openDatabase({ url: scratch.url });
    await seed(handle.db);
    await handle.close();
    app = await startApp({ env: { DATABASE_URL: scratch.url, ...options.env } });
  } else {
    app = await startApp({ seed, env: options.env });
  }
  return {
    app,
    kind: options.kind,
    editors,
    databaseName: scratch?.name,
    openDb: async () => {
      const handle = await openDatabase(scratch ? { url: scratch.url } : { dataDir: app.dataDir });
      return { db: handle.db, close: handle.close };
    },
    dispose: async () => {
      await disposeApp(app);
      await scratch?.drop();
    },
  };
}
