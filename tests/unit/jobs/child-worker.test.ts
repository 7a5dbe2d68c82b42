import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { ChildWorker, JobFailure } from "@/lib/jobs/child-worker";

const WORKER = path.resolve(__dirname, "../../fixtures/jobs/test-worker.mjs");

let worker: ChildWorker | undefined;

function startWorker(limits: Partial<{ memoryLimitMb: number; maxPerOwner: number; maxQueued: number }> = {}): ChildWorker {
  worker = new ChildWorker({
    name: "测试",
    modulePath: WORKER,
    execArgv: [],
    memoryLimitMb: 400,
    maxPerOwner: 2,
    maxQueued: 4,
    startupAllowanceMs: 5_000,
    ...limits,
  });
  return worker;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterEach(() => worker?.stop());

describe("ChildWorker", () => {
  it("runs jobs in one long-lived process and carries errors back by name and code", async () => {
    const jobs = startWorker();
    const first = await jobs.run<{ echo: string; pid: number }>("u1", { kind: "echo", value: "甲" }, 5_000, "超时");
    const second = await jobs.run<{ echo: string; pid: number }>("u1", { kind: "echo", value: "乙" }, 5_000, "超时");
    expect(first.echo).toBe("甲");
    expect(second.pid).toBe(first.pid);
    await expect(jobs.run("u1", { kind: "fail" }, 5_000, "超时")).rejects.toMatchObject({ name: "ImportError", code: "CORRUPT", message: "文件已损坏" });
  });

  it("kills a job stuck in a CPU loop at its deadline and serves the next job from a new process", async () => {
    const jobs = startWorker();
    const { pid } = await jobs.run<{ pid: number }>("u1", { kind: "echo" }, 5_000, "超时");
    const started = Date.now();
    await expect(jobs.run("u1", { kind: "spin" }, 800, "处理超时，已中止")).rejects.toMatchObject({ code: "TIMEOUT", message: "处理超时，已中止" });
    expect(Date.now() - started).toBeLessThan(3_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isAlive(pid)).toBe(false);
    const next = await jobs.run<{ pid: number }>("u1", { kind: "echo" }, 5_000, "超时");
    expect(next.pid).not.toBe(pid);
  });

  it("counts the deadline from submission, so time spent waiting counts", async () => {
    const jobs = startWorker();
    await jobs.run("u1", { kind: "echo" }, 5_000, "超时");
    const stuck = jobs.run("u1", { kind: "spin" }, 1_500, "超时").catch((error: unknown) => error);
    const waiting = jobs.run("u2", { kind: "echo" }, 1_000, "排队超时").catch((error: unknown) => error);
    expect(await waiting).toMatchObject({ code: "TIMEOUT", message: "排队超时" });
    expect(await stuck).toBeInstanceOf(JobFailure);
  });

  it("kills a process whose resident memory passes the limit", async () => {
    const jobs = startWorker({ memoryLimitMb: 200 });
    await expect(jobs.run("u1", { kind: "allocate" }, 20_000, "超时")).rejects.toMatchObject({ code: "MEMORY" });
  });

  it("reports a process that dies on its own as CRASHED", async () => {
    const jobs = startWorker();
    await expect(jobs.run("u1", { kind: "exit" }, 5_000, "超时")).rejects.toMatchObject({ code: "CRASHED" });
    expect((await jobs.run<{ echo: string }>("u1", { kind: "echo", value: "恢复" }, 5_000, "超时")).echo).toBe("恢复");
  });

  it("refuses more than maxPerOwner jobs of one user and more than maxQueued in all, at once", async () => {
    const jobs = startWorker({ maxPerOwner: 2, maxQueued: 3 });
    const held = [jobs.run("u1", { kind: "spin" }, 2_000, "超时"), jobs.run("u1", { kind: "echo" }, 2_000, "超时")].map((job) => job.catch(() => undefined));
    await expect(jobs.run("u1", { kind: "echo" }, 2_000, "超时")).rejects.toMatchObject({ code: "BUSY", message: expect.stringContaining("您已有") });
    const other = jobs.run("u2", { kind: "echo" }, 2_000, "超时").catch(() => undefined);
    await expect(jobs.run("u3", { kind: "echo" }, 2_000, "超时")).rejects.toMatchObject({ code: "BUSY", message: expect.stringContaining("服务器正忙") });
    await Promise.all([...held, other]);
  });

  it("stops a running job (killing its process) and drops a waiting one when the client leaves", async () => {
    const jobs = startWorker();
    const { pid } = await jobs.run<{ pid: number }>("u1", { kind: "echo" }, 5_000, "超时");
    const running = new AbortController();
    const waiting = new AbortController();
    const spin = jobs.run("u1", { kind: "spin" }, 60_000, "超时", running.signal).catch((error: unknown) => error);
    const queued = jobs.run("u2", { kind: "echo", value: "排队" }, 60_000, "超时", waiting.signal).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 200));
    waiting.abort();
    expect(await queued).toMatchObject({ code: "CANCELLED" });
    running.abort();
    expect(await spin).toMatchObject({ code: "CANCELLED" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isAlive(pid)).toBe(false);
    // The next job gets a fresh process at once; an already aborted signal never starts a job.
    expect((await jobs.run<{ echo: string }>("u1", { kind: "echo", value: "下一个" }, 5_000, "超时")).echo).toBe("下一个");
    await expect(jobs.run("u1", { kind: "echo" }, 5_000, "超时", AbortSignal.abort())).rejects.toMatchObject({ code: "CANCELLED" });
  });
});
