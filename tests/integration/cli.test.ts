import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { loadSessionUser } from "@/lib/accounts";
import { openDatabase } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";

import { REPO_ROOT } from "../helpers/environment";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "nianbao-cli-"));

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["lib/cli/bin.mjs", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("[CLI] accounts and start-up errors", () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("create-user makes the first agency and administrator, then adds users with roles", async () => {
    const first = cli([
      "create-user",
      "--username",
      "chief",
      "--password",
      "a-long-password",
      "--name",
      "王芳",
      "--agency",
      "示例县司法局",
      "--level",
      "county",
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("已创建机关“示例县司法局”和管理员 chief");
    const second = cli(["create-user", "--username", "writer", "--password", "another-long-one", "--agency", "示例县司法局", "--roles", "drafter,reviewer"]);
    expect(second.code, second.stderr).toBe(0);

    const handle = await openDatabase({ dataDir });
    const users = await handle.db.select().from(tables.users);
    const writer = users.find((user) => user.username === "writer")!;
    expect((await loadSessionUser(handle.db, writer.id))?.roles.sort()).toEqual(["drafter", "reviewer"]);
    await handle.close();
  });

  it("refuses bad input with a Chinese message and exit code 2", () => {
    const short = cli(["create-user", "--username", "x1", "--password", "short", "--agency", "示例县司法局"]);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/密码至少10个字符|用户名至少3个字符/);
    const role = cli(["create-user", "--username", "abc", "--password", "a-long-password", "--agency", "示例县司法局", "--roles", "boss"]);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain("未知角色“boss”");
    expect(cli(["no-such-command"]).code).toBe(2);
    const help = cli(["--help"]).stdout;
    expect(help).toContain("create-user");
    // Each usage on its own line and what it does indented below it, however long the usage.
    expect(help).toMatch(/\n {2}export <文件>[^\n]*\n {6}把报告导出/);
  });

  it("stops with a message naming DATABASE_URL when the server cannot be reached or the URL is malformed", () => {
    const unreachable = cli(["migrate"], { DATABASE_URL: "postgres://nobody:nothing@127.0.0.1:1/none" });
    expect(unreachable.code).not.toBe(0);
    expect(unreachable.stderr).toContain("DATABASE_URL");
    const malformed = cli(["migrate"], { DATABASE_URL: "mysql://localhost/db" });
    expect(malformed.code).not.toBe(0);
    expect(malformed.stderr).toContain("DATABASE_URL");
  });

  it("refuses to open the embedded database while another process has it open", async () => {
    const handle = await openDatabase({ dataDir });
    try {
      const second = cli(["migrate"]);
      expect(second.code).not.toBe(0);
      expect(second.stderr).toContain(`正被另一个进程（PID ${process.pid}）使用`);
    } finally {
      await handle.close();
    }
    expect(cli(["migrate"]).code).toBe(0);
  });
});
