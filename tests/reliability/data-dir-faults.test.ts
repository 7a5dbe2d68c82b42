import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync, closeSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

import * as tables from "@/lib/db/schema";
import { reportSchema } from "@/lib/report-model";

import { SEED_PASSWORD } from "../fixtures/factories";

import { signInApi } from "./helpers/api-session";
import { hasPostgres, runAsAdmin } from "./helpers/postgres-url";
import { probeHealthOfFreshServer, remountReadOnly, runServeCommand, tryMountTmpfs, unmount } from "./helpers/raw-server";
import { startReliabilityApp, type ReliabilityApp } from "./helpers/reliability-app";
import { contentForSave, markerOf } from "./helpers/save-stream";

const scratch = mkdtempSync(path.join(os.tmpdir(), "nianbao-faults-"));
const mounts: string[] = [];
afterAll(() => {
  for (const mount of mounts) unmount(mount);
  rmSync(scratch, { recursive: true, force: true });
});

/** A path that can never be a directory, even for root: its parent is a regular file (ENOTDIR). */
function impossibleDataDir(): string {
  const file = path.join(scratch, "not-a-directory");
  writeFileSync(file, "occupied");
  return path.join(file, "data");
}

describe("[FAULT] an unusable DATA_DIR is reported at start", () => {
  it("[FAULT]: npm start (cli serve) refuses to start and names DATA_DIR when the directory cannot exist", () => {
    const dataDir = impossibleDataDir();
    const result = runServeCommand({ DATA_DIR: dataDir });
    expect(result.status).toBe(1);
    expect(result.output).toContain("启动失败");
    expect(result.output).toContain("DATA_DIR");
    expect(result.output).toContain(dataDir);
    expect(result.output).toContain("ENOTDIR");
  });

  it("[FAULT]: next start answers health with 503 JSON and logs the directory to fix", async () => {
    const dataDir = impossibleDataDir();
    const probe = await probeHealthOfFreshServer({ DATA_DIR: dataDir });
    expect(probe.status).toBe(503);
    expect(probe.body).toEqual({ ok: false, message: "数据库不可用" });
    expect(probe.logs).toContain("DATA_DIR");
    expect(probe.logs).toContain(dataDir);
  });

  it("[FAULT]: a read-only file system (tmpfs remounted ro) stops start-up with EROFS and DATA_DIR named", (context) => {
    const mountPoint = path.join(scratch, "readonly");
    mkdirSync(mountPoint);
    if (!tryMountTmpfs(mountPoint, 16)) {
      console.warn("[skip] mounting tmpfs is not permitted here; the ENOTDIR cases above cover start-up");
      context.skip();
    }
    mounts.push(mountPoint);
    mkdirSync(path.join(mountPoint, "data"));
    expect(remountReadOnly(mountPoint)).toBe(true);
    const result = runServeCommand({ DATA_DIR: path.join(mountPoint, "data") });
    expect(result.status).toBe(1);
    expect(result.output).toContain("DATA_DIR");
    expect(result.output).toContain("EROFS");
  });
});

/** Fills the file system until it refuses more bytes. */
function fillDisk(directory: string): string {
  const filler = path.join(directory, "filler.bin");
  const descriptor = openSync(filler, "w");
  const block = Buffer.alloc(1024 * 1024, 7);
  try {
    for (;;) writeSync(descriptor, block);
  } catch {
    // ENOSPC: full.
  } finally {
    closeSync(descriptor);
  }
  return filler;
}

function largeContent(base: Parameters<typeof contentForSave>[0], marker: string) {
  const content = contentForSave(base, marker);
  const paragraph = "本年度全面推进依法行政，规范重大行政决策程序，加强行政执法监督。".repeat(12);
  const body = {
    type: "doc" as const,
    content: Array.from({ length: 300 }, (_, index) => ({ type: "paragraph" as const, content: [{ type: "text" as const, text: `${index}${paragraph}` }] })),
  };
  const [first, ...rest] = content.sections;
  const [item, ...others] = first!.items;
  return { ...content, sections: [{ ...first!, items: [item!, { ...item!, id: "bulk", body }, ...others] }, ...rest] };
}

function expectChineseJsonFailure(failure: { status: number; type: string; text: string }): void {
  expect(failure.status, failure.text).toBeGreaterThanOrEqual(500);
  expect(failure.type).toContain("application/json");
  expect(JSON.parse(failure.text).message).toMatch(/[\u4e00-\u9fff]/);
  expect(failure.text).not.toContain("<html");
}

describe("[FAULT] a full disk at save time on PGlite", () => {
  const mountPoint = path.join(scratch, "small-disk");
  let subject: ReliabilityApp | undefined;
  afterAll(async () => {
    await subject?.dispose();
  });

  it("[FAULT]: the save gets a Chinese 5xx JSON answer, nothing stored is damaged, and saving resumes once space is freed", async (context) => {
    mkdirSync(mountPoint);
    if (!tryMountTmpfs(mountPoint, 128)) {
      console.warn("[skip] mounting tmpfs is not permitted here; the full-disk case needs a small file system");
      context.skip();
    }
    mounts.push(mountPoint);
    const previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = mountPoint; // startApp makes the DATA_DIR under os.tmpdir(): put it on the small disk
    try {
      subject = await startReliabilityApp({ kind: "pglite" });
    } finally {
      if (previousTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTmp;
    }
    expect(subject.app.dataDir.startsWith(mountPoint)).toBe(true);
    const editor = subject.editors[0]!;
    const session = await signInApi(subject.app.baseUrl, editor.user.username, SEED_PASSWORD);
    const save = (baseRevision: number, content: unknown) =>
      session.request(`/api/reports/${editor.reportId}/content`, { method: "PUT", body: JSON.stringify({ baseRevision, content }) });

    expect((await save(1, contentForSave(editor.content, "满盘之前的最后一次保存"))).status).toBe(200);
    const filler = fillDisk(mountPoint);
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await save(2, largeContent(editor.content, `磁盘已满时的保存${attempt}`));
      const failure = { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
      console.info(`[FAULT] full disk, save ${attempt + 1}: HTTP ${failure.status} ${failure.text.slice(0, 160)}`);
      expectChineseJsonFailure(failure);
    }

    rmSync(filler);
    // The server may keep serving, or (if the engine gave up) need a restart: either way nothing stored is lost.
    const health = await fetch(`${subject.app.baseUrl}/api/health`)
      .then((response) => response.status)
      .catch(() => 0);
    if (health !== 200) {
      await subject.app.stop({ isHard: true });
      await subject.app.restart();
    }
    const current = await session.request(`/api/reports/${editor.reportId}/content`);
    const { data } = (await current.json()) as { data: { revision: number; content: unknown } };
    expect(data.revision).toBe(2);
    expect(markerOf(reportSchema.parse(data.content))).toBe("满盘之前的最后一次保存");
    expect((await save(2, largeContent(editor.content, "腾出空间后的保存"))).status).toBe(200);
  });
});

describe.runIf(hasPostgres("[FAULT] read-only database"))("[FAULT] PostgreSQL refuses writes at save time", () => {
  let subject: ReliabilityApp | undefined;
  afterAll(async () => {
    await subject?.dispose();
  });

  it("[FAULT]: dropped connections do not crash the server; a read-only database gives a Chinese 503 JSON; saving resumes", async () => {
    subject = await startReliabilityApp({ kind: "postgres" });
    const editor = subject.editors[0]!;
    const session = await signInApi(subject.app.baseUrl, editor.user.username, SEED_PASSWORD);
    const save = (baseRevision: number, marker: string) =>
      session.request(`/api/reports/${editor.reportId}/content`, {
        method: "PUT",
        body: JSON.stringify({ baseRevision, content: contentForSave(editor.content, marker) }),
      });
    expect((await save(1, "只读之前的保存")).status).toBe(200);
    const databaseName = subject.databaseName!;
    await runAsAdmin(`ALTER DATABASE ${databaseName} SET default_transaction_read_only = on`);
    await runAsAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${databaseName}' AND pid <> pg_backend_pid()`);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const refused = await save(2, "只读时的保存");
    const text = await refused.text();
    expectChineseJsonFailure({ status: refused.status, type: refused.headers.get("content-type") ?? "", text });
    expect(refused.status).toBe(503);
    expect(JSON.parse(text).message).toContain("暂存在本机");

    await runAsAdmin(`ALTER DATABASE ${databaseName} SET default_transaction_read_only = off`);
    await runAsAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${databaseName}' AND pid <> pg_backend_pid()`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A request may meet a connection cut a moment ago; the editor retries 5xx, so does this check.
    let resumed = await save(2, "恢复可写后的保存");
    if (resumed.status >= 500) resumed = await save(2, "恢复可写后的保存");
    expect(resumed.status).toBe(200);
    const { db, close } = await subject.openDb();
    const [row] = await db.select().from(tables.reports).where(eq(tables.reports.id, editor.reportId));
    await close();
    expect(row!.revision).toBe(3);
    expect(markerOf(reportSchema.parse(row!.content))).toBe("恢复可写后的保存");
  });
});
