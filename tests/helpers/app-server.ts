import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

import { ROOT, serverEntry, serverProcessEnv } from "@/lib/cli/build-state";
import { openDatabase, type Database } from "@/lib/db/client";

export interface AppServer {
  baseUrl: string;
  dataDir: string;
  /** Stops the server (SIGTERM, or SIGKILL with `isHard`). */
  stop(options?: { isHard?: boolean }): Promise<void>;
  /** Starts it again on the same port and data. */
  restart(): Promise<void>;
  /** Output of the server, for diagnosing a failure. */
  logs(): string;
}

export interface StartAppOptions {
  /** Seeds the database before the server opens it (PGlite allows one process at a time). */
  seed?: (db: Database) => Promise<void>;
  env?: Record<string, string>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("server did not become healthy in time");
}

/** Runs the built app on a free port with its own data directory. */
export async function startApp(options: StartAppOptions = {}): Promise<AppServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "nianbao-e2e-"));
  if (options.seed) {
    const handle = await openDatabase({ dataDir });
    await options.seed(handle.db);
    await handle.close();
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(process.execPath, [serverEntry(), "-p", String(port), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: serverProcessEnv({ DATA_DIR: dataDir, AUTH_TRUST_HOST: "true", DATABASE_URL: "", ...options.env }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitForHealth(baseUrl, child);
  };
  const stop = async ({ isHard = false } = {}) => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(isHard ? "SIGKILL" : "SIGTERM");
    await exited;
  };
  await launch();
  return {
    baseUrl,
    dataDir,
    logs: () => output,
    stop,
    restart: launch,
  };
}

/** Stops the server and removes its data directory. */
export async function disposeApp(app: AppServer | undefined): Promise<void> {
  if (!app) return;
  await app.stop();
  rmSync(app.dataDir, { recursive: true, force: true });
}
