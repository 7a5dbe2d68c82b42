/**
 * The embedded database's lock: one holder at a time, even when several processes start at once over a lock
 * left by a dead process (the race the old check-then-remove code had).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { DataDirectoryLockedError, lockDataDirectory } from "@/lib/db/data-dir-lock";

const ROOT = path.resolve(__dirname, "..", "..");
let directory = "";

afterEach(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
});

/** A PID that is not running: a short-lived child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("lockDataDirectory", () => {
  it("writes our PID, refuses a live holder, and releases only its own lock", () => {
    directory = mkdtempSync(path.join(os.tmpdir(), "nianbao-lock-"));
    const lockPath = path.join(directory, "pglite.lock");
    const release = lockDataDirectory(lockPath);
    expect(readFileSync(lockPath, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(lockPath)).toBe(false);

    writeFileSync(lockPath, String(process.ppid));
    expect(() => lockDataDirectory(lockPath)).toThrow(DataDirectoryLockedError);
    expect(readFileSync(lockPath, "utf8")).toBe(String(process.ppid));
  });

  it("takes over a lock left by a dead process, and an empty lock file", () => {
    directory = mkdtempSync(path.join(os.tmpdir(), "nianbao-lock-"));
    const lockPath = path.join(directory, "pglite.lock");
    writeFileSync(lockPath, String(deadPid()));
    lockDataDirectory(lockPath)();
    writeFileSync(lockPath, "");
    const release = lockDataDirectory(lockPath);
    expect(readFileSync(lockPath, "utf8")).toBe(String(process.pid));
    release();
  });

  it("lets exactly one of eight processes starting together take over a dead holder's lock", async () => {
    directory = mkdtempSync(path.join(os.tmpdir(), "nianbao-lock-"));
    const lockPath = path.join(directory, "pglite.lock");
    writeFileSync(lockPath, String(deadPid()));
    const script = `
      import { lockDataDirectory } from ${JSON.stringify(path.join(ROOT, "lib/db/data-dir-lock.ts"))};
      const startAt = Number(process.argv[2]);
      while (Date.now() < startAt) {}
      try { lockDataDirectory(${JSON.stringify(lockPath)}); console.log("took"); setInterval(() => {}, 1000); }
      catch (error) { console.log(error.name); }
    `;
    const scriptPath = path.join(directory, "contender.mts");
    writeFileSync(scriptPath, script);
    const startAt = Date.now() + 2500;
    // The holder stays alive until every contender has answered, so none can take over from a holder that left.
    const children = Array.from({ length: 8 }, () => spawn(process.execPath, ["--import", "tsx", scriptPath, String(startAt)], { cwd: ROOT }));
    const outputs = await Promise.all(
      children.map((child) => {
        let output = "";
        return new Promise<string>((resolve) => {
          child.stdout.on("data", (chunk: Buffer) => {
            output += chunk.toString();
            if (output.includes("\n")) resolve(output.trim());
          });
          child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
          child.on("exit", () => resolve(output.trim()));
        });
      }),
    );
    for (const child of children) child.kill();
    expect(outputs.filter((output) => output === "took")).toHaveLength(1);
    expect(outputs.filter((output) => output === "DataDirectoryLockedError")).toHaveLength(7);
  });
});
