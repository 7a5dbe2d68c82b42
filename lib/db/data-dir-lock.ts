import { linkSync, mkdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";

/** Raised when another live process holds the embedded database. */
export class DataDirectoryLockedError extends Error {
  constructor(readonly pid: number) {
    super(`内置数据库正被另一个进程（PID ${pid}）使用。PGlite 同一时间只能由一个进程打开：请先停止正在运行的年报服务，再执行此命令。`);
    this.name = "DataDirectoryLockedError";
  }
}

/** A takeover guard older than this belongs to a process that died inside it. */
const STALE_GUARD_MS = 10_000;
const ATTEMPTS = 50;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): number | undefined {
  try {
    const holder = Number(readFileSync(lockPath, "utf8").trim());
    return Number.isInteger(holder) && holder > 0 ? holder : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Creates the lock file with our PID in one step: it is linked into place complete, or not at all. */
function tryCreate(lockPath: string): boolean {
  const draft = `${lockPath}.${process.pid}.${Date.now().toString(36)}`;
  writeFileSync(draft, String(process.pid));
  try {
    linkSync(draft, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/** Takes the guard directory that lets one process at a time remove a dead holder's lock. */
function tryGuard(guardPath: string): boolean {
  try {
    mkdirSync(guardPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const info = statSync(guardPath, { throwIfNoEntry: false });
    if (info && Date.now() - info.mtimeMs > STALE_GUARD_MS) rmSync(guardPath, { recursive: true, force: true });
    return false;
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes `lockPath` for this process: two processes writing one PGlite directory corrupt it.
 * The lock file appears atomically with the holder's PID in it. A lock left by a process that died
 * (kill -9, power cut) is taken over at once, and only one of several starting processes can take it over:
 * the removal happens under a guard and re-checks that the file still names the dead process.
 * Returns the release function.
 */
export function lockDataDirectory(lockPath: string): () => void {
  const release = () => {
    if (readHolder(lockPath) === process.pid) rmSync(lockPath, { force: true });
  };
  const guardPath = `${lockPath}.takeover`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    if (tryCreate(lockPath)) return release;
    const holder = readHolder(lockPath);
    if (holder === process.pid) return release;
    if (holder !== undefined && isAlive(holder)) throw new DataDirectoryLockedError(holder);
    if (!tryGuard(guardPath)) {
      pause(20);
      continue;
    }
    try {
      // Still the same dead holder (or an unreadable file)? Then nobody else took over meanwhile.
      const again = readHolder(lockPath);
      if (again === holder || again === undefined) rmSync(lockPath, { force: true });
      if (tryCreate(lockPath)) return release;
    } finally {
      rmdirSync(guardPath);
    }
  }
  throw new Error(`无法取得数据目录锁：${lockPath}`);
}
