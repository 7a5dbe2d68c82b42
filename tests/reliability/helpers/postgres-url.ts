import { randomBytes } from "node:crypto";

import { Client } from "pg";

import { IS_CI } from "../../helpers/environment";

/** The PostgreSQL server for reliability runs; under CI the local default is assumed, as CI starts one. */
export function reliabilityPostgresUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || (IS_CI ? "postgres://postgres:postgres@127.0.0.1:5432/postgres" : undefined);
}

/** True when PostgreSQL cases can run; prints a notice (or throws under CI=true) when they cannot. */
export function hasPostgres(suite: string): boolean {
  if (reliabilityPostgresUrl()) return true;
  if (IS_CI) throw new Error(`CI=true: ${suite} needs TEST_DATABASE_URL (PostgreSQL)`);
  console.warn(`[skip] ${suite} on PostgreSQL: TEST_DATABASE_URL is not set`);
  return false;
}

export interface ScratchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new Client({ connectionString: reliabilityPostgresUrl() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A fresh, empty database on the test server (migrations run when the app opens it). */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const base = reliabilityPostgresUrl();
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `nianbao_rel_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Runs one statement as the server's superuser (e.g. to make a database read-only). */
export function runAsAdmin(sql: string): Promise<void> {
  return adminQuery(sql);
}
