import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

import { ROOT, serverEntry, serverProcessEnv } from "@/lib/cli/build-state";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Runs `npm start`'s own command (`cli serve --no-build`) and returns how it ended; it is killed after `timeoutMs`. */
export function runServeCommand(env: Record<string, string>, timeoutMs = 30_000): { status: number | null; output: string } {
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "lib/cli/index.ts", "serve", "--no-build"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout: timeoutMs,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Starts the app's server without waiting for health (the data directory may be unusable) and returns the first health answer. */
export async function probeHealthOfFreshServer(env: Record<string, string>): Promise<{ status: number; body: unknown; logs: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [serverEntry(), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: serverProcessEnv({ AUTH_TRUST_HOST: "true", DATABASE_URL: "", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let logs = "";
  child.stdout.on("data", (chunk: Buffer) => (logs += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (logs += chunk.toString()));
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        const body = await response.json().catch(() => null);
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { status: response.status, body, logs };
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    throw new Error(`server never answered:\n${logs}`);
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }
}

/** Mounts a size-limited tmpfs (root only); false when this machine does not allow mounting. */
export function tryMountTmpfs(directory: string, sizeMb: number): boolean {
  return spawnSync("mount", ["-t", "tmpfs", "-o", `size=${sizeMb}m`, "tmpfs", directory]).status === 0;
}

export function remountReadOnly(directory: string): boolean {
  return spawnSync("mount", ["-o", "remount,ro", directory]).status === 0;
}

export function unmount(directory: string): void {
  spawnSync("umount", ["-l", directory]);
}
