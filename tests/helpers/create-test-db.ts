import { randomBytes } from "node:crypto";

import { Client } from "pg";

import { openDatabase, type Database, type DatabaseHandle } from "@/lib/db/client";

import { IS_CI } from "./environment";

export type TestDbKind = "pglite" | "postgres";

/** Which database the current integration project runs on. */
export function testDbKind(): TestDbKind {
  return process.env.TEST_DB_KIND === "postgres" ? "postgres" : "pglite";
}

function postgresUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || (IS_CI ? "postgres://postgres:postgres@127.0.0.1:5432/postgres" : undefined);
}

/** Whether this project's database is there; the postgres project is skipped (outside CI) without a server. */
export function isTestDbAvailable(): boolean {
  return testDbKind() === "pglite" || Boolean(postgresUrl());
}

export interface TestDatabase extends DatabaseHandle {
  /** Drops the throwaway database (postgres) or closes the in-memory one. */
  destroy(): Promise<void>;
}

/** A fresh database with the real migrations: in-memory PGlite, or a new database on the PostgreSQL server. */
export async function createTestDb(): Promise<TestDatabase> {
  if (testDbKind() === "pglite") {
    const handle = await openDatabase({ dataDir: "memory://" });
    return { ...handle, destroy: handle.close };
  }
  const url = postgresUrl();
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const name = `nianbao_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  const handle = await openDatabase({ url: databaseUrl.toString() });
  return {
    ...handle,
    destroy: async () => {
      await handle.close();
      const cleanup = new Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

class Rollback extends Error {}

/** Runs `fn` in a transaction that is always rolled back, so each test owns its data. */
export async function withRollback(db: Database, fn: (tx: Database) => Promise<void>): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await fn(tx as unknown as Database);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}
