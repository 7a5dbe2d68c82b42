import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

import { DatabaseUnavailableError } from "@/lib/db/client";
import { dataDirectory, env } from "@/lib/env";

import { isBuildCurrent, nextBin, ROOT } from "../build-state";
import { openCliDatabase } from "../open-cli-database";
import type { CliCommand, CliIo } from "../types";

async function prepareDatabase(io: CliIo): Promise<boolean> {
  try {
    const handle = await openCliDatabase();
    await handle.close();
    io.stdout(handle.kind === "postgres" ? "数据库：PostgreSQL（DATABASE_URL），迁移已应用。" : `数据库：内置 PGlite（${path.join(dataDirectory, "pglite")}），迁移已应用。`);
    return true;
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) {
      io.stderr(`启动失败：${error.message}`);
      return false;
    }
    throw error;
  }
}

const command: CliCommand = {
  async run(args, io) {
    if (!(await prepareDatabase(io))) return 1;
    if (!args.includes("--no-build") && !isBuildCurrent()) {
      io.stdout("正在构建应用（首次启动或代码有更新时需要一两分钟）…");
      const build = spawnSync(process.execPath, [nextBin(), "build"], { stdio: "inherit", cwd: ROOT });
      if (build.status !== 0) {
        io.stderr("构建失败，请查看上方输出。");
        return 1;
      }
    }
    const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
    // Behind intranet proxies the host varies; trust it unless NEXTAUTH_URL pins the public address.
    if (!env.NEXTAUTH_URL) childEnv.AUTH_TRUST_HOST = "true";
    io.stdout(`年报已启动：http://localhost:${env.PORT}`);
    const child = spawn(process.execPath, [nextBin(), "start", "-p", String(env.PORT)], { stdio: "inherit", cwd: ROOT, env: childEnv });
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
    return new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
  },
};

export default command;
