import { spawn } from "node:child_process";
import path from "node:path";

import { DatabaseUnavailableError } from "@/lib/db/client";
import { dataDirectory, env } from "@/lib/env";

import { isBuildCurrent, keepTypeScriptFilesAcrossBuild, nextBin, ROOT, serverEntry, serverProcessEnv } from "../build-state";
import { openCliDatabase } from "../open-cli-database";
import type { CliCommand, CliIo } from "../types";

/** How often a running build reports that it is still working. */
const BUILD_PROGRESS_INTERVAL_MS = 30_000;
const HEALTH_POLL_MS = 500;

async function prepareDatabase(io: CliIo): Promise<boolean> {
  try {
    // The server says the durability notice when it opens the database; saying it here too doubled it.
    const handle = await openCliDatabase({ isQuiet: true });
    await handle.close();
    io.stdout(
      handle.kind === "postgres"
        ? "数据库：PostgreSQL（DATABASE_URL），迁移已应用。"
        : `数据库：内置 PGlite（${path.join(dataDirectory, "pglite")}），迁移已应用。`,
    );
    return true;
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) {
      io.stderr(`启动失败：${error.message}`);
      return false;
    }
    throw error;
  }
}

/** "3分05秒" */
export function formatElapsed(milliseconds: number): string {
  const seconds = Math.floor(milliseconds / 1000);
  return `${Math.floor(seconds / 60)}分${String(seconds % 60).padStart(2, "0")}秒`;
}

/** Runs `next build`, its own output shown, with an elapsed-time line every 30 seconds. */
async function build(io: CliIo, childEnv: NodeJS.ProcessEnv): Promise<boolean> {
  io.stdout("正在构建应用：首次启动或代码更新后需要构建，在双核服务器上约需三到五分钟。下方显示构建步骤，每30秒报告一次已用时间…");
  const startedAt = Date.now();
  const restore = keepTypeScriptFilesAcrossBuild();
  const child = spawn(process.execPath, [nextBin(), "build"], { stdio: "inherit", cwd: ROOT, env: childEnv });
  const ticker = setInterval(() => io.stdout(`[年报] 构建仍在进行，已用时${formatElapsed(Date.now() - startedAt)}…`), BUILD_PROGRESS_INTERVAL_MS);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(ticker);
  restore();
  if (code !== 0) {
    io.stderr("构建失败，请查看上方输出。");
    return false;
  }
  io.stdout(`[年报] 构建完成，用时${formatElapsed(Date.now() - startedAt)}。`);
  return true;
}

/** Waits until the server answers its health check; true when the database answered too. */
async function waitUntilServing(port: number, isRunning: () => boolean): Promise<boolean | undefined> {
  while (isRunning()) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      return response.ok;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
    }
  }
  return undefined;
}

const command: CliCommand = {
  async run(args, io) {
    if (!(await prepareDatabase(io))) return 1;
    // The app makes no outside calls: Next.js telemetry is off for the build and the server.
    const childEnv = serverProcessEnv();
    if (!args.includes("--no-build") && !isBuildCurrent() && !(await build(io, childEnv))) return 1;
    // Behind intranet proxies the host varies; trust it unless NEXTAUTH_URL pins the public address.
    if (!env.NEXTAUTH_URL) childEnv.AUTH_TRUST_HOST = "true";
    const child = spawn(process.execPath, [serverEntry(), "-p", String(env.PORT)], { stdio: "inherit", cwd: ROOT, env: childEnv });
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
    const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
    const isHealthy = await waitUntilServing(env.PORT, () => child.exitCode === null && child.signalCode === null);
    if (isHealthy === true) io.stdout(`年报已启动：http://localhost:${env.PORT}`);
    else if (isHealthy === false) io.stderr(`年报已启动（http://localhost:${env.PORT}），但数据库检查未通过，请查看上方日志。`);
    return exited;
  },
};

export default command;
