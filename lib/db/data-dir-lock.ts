import { readFileSync, rmSync, writeFileSync } from "node:fs";

/** Raised when another live process holds the embedded database. */
export class DataDirectoryLockedError extends Error {
  constructor(readonly pid: number) {
    super(`内置数据库正被另一个进程（PID ${pid}）使用。PGlite 同一时间只能由一个进程打开：请先停止正在运行的年报服务，再执行此命令。`);
    this.name = "DataDirectoryLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes `lockPath` for this process: two processes writing one PGlite directory corrupt it.
 * A lock left by a process that died (kill -9, power cut) is taken over. Returns the release function.
 */
export function lockDataDirectory(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) throw new DataDirectoryLockedError(holder);
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`无法取得数据目录锁：${lockPath}`);
}
