import { fork, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import os from "node:os";

/** Why a job did not return a result (each maps to a Chinese message at the caller). */
export type JobFailureCode =
  /** Over its time limit, counted from submission; the process was killed. */
  | "TIMEOUT"
  /** Over its memory limit; the process was killed. */
  | "MEMORY"
  /** Too many jobs waiting (for this user or overall). */
  | "BUSY"
  /** The worker process died on its own (for example V8 out of memory). */
  | "CRASHED"
  /** The client went away before the result: the job was dropped (or its process killed). */
  | "CANCELLED";

export class JobFailure extends Error {
  readonly code: JobFailureCode;
  constructor(code: JobFailureCode, message: string) {
    super(message);
    this.name = "JobFailure";
    this.code = code;
  }
}

/** An expected error thrown inside the worker, carried back across the process boundary. */
export interface RemoteError {
  name: string;
  code?: string;
  message: string;
}

export interface ChildWorkerOptions {
  /** Shown in logs. */
  name: string;
  modulePath: string;
  execArgv: string[];
  /** Resident memory (RSS) above which the process is killed; native memory counts too. */
  memoryLimitMb: number;
  /** Jobs allowed at once (running and waiting) per owner, and overall. */
  maxPerOwner: number;
  maxQueued: number;
  /** Extra time for a job that has to wait for the process to start (loading modules, scanning fonts). */
  startupAllowanceMs: number;
  /** Scheduling priority of the process (nice value). @default 10 */
  niceness?: number;
}

interface Job {
  id: number;
  owner: string;
  message: unknown;
  deadline: number;
  timeoutMessage: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
  /** Stops listening to the request's signal (so a finished job, its bytes included, is not kept by it). */
  detach?: () => void;
}

interface Reply {
  id?: number;
  ready?: boolean;
  result?: unknown;
  error?: RemoteError;
}

const MEMORY_POLL_MS = 100;

async function residentMegabytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

/**
 * One long-lived child process that runs jobs one at a time, so the server's own event loop and heap
 * are never touched by hostile input. A job over its deadline (counted from submission) or its memory
 * limit gets the process SIGKILLed, which stops even native code; the next job starts a fresh process.
 */
export class ChildWorker {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private isReady = false;
  private queue: Job[] = [];
  private running: Job | undefined;
  private nextId = 1;
  private memoryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ChildWorkerOptions) {}

  /**
   * Runs one job; rejects with JobFailure for limits, or with the worker's error. When `signal` aborts (the client
   * closed the connection), a waiting job is dropped and a running one has its process killed, so no work
   * continues for a result nobody will read.
   */
  run<T>(owner: string, message: unknown, timeoutMs: number, timeoutMessage: string, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new JobFailure("CANCELLED", "请求已取消。"));
    const waiting = [...this.queue, ...(this.running ? [this.running] : [])];
    if (waiting.length >= this.options.maxQueued) {
      return Promise.reject(new JobFailure("BUSY", "服务器正忙于处理其他导入或导出任务，请稍后再试。"));
    }
    if (waiting.filter((job) => job.owner === owner).length >= this.options.maxPerOwner) {
      return Promise.reject(new JobFailure("BUSY", "您已有导入或导出任务正在处理，请等它完成后再试。"));
    }
    return new Promise<T>((resolve, reject) => {
      const allowance = this.isReady ? 0 : this.options.startupAllowanceMs;
      const job: Job = {
        id: this.nextId++,
        owner,
        message,
        deadline: Date.now() + timeoutMs + allowance,
        timeoutMessage,
        resolve: resolve as (value: unknown) => void,
        reject,
      };
      job.timer = setTimeout(() => this.expire(job), timeoutMs + allowance);
      if (signal) {
        const onAbort = () => this.cancel(job);
        signal.addEventListener("abort", onAbort, { once: true });
        job.detach = () => signal.removeEventListener("abort", onAbort);
      }
      this.queue.push(job);
      this.pump();
    });
  }

  /** Kills the process (tests, shutdown). */
  stop(): void {
    this.kill();
  }

  private cancel(job: Job): void {
    const index = this.queue.indexOf(job);
    if (index < 0 && this.running !== job) return;
    clearTimeout(job.timer);
    job.detach?.();
    if (index >= 0) this.queue.splice(index, 1);
    if (this.running === job) {
      console.error(`[jobs] ${this.options.name}：请求方已断开，任务中止`);
      this.running = undefined;
      this.kill();
    }
    job.reject(new JobFailure("CANCELLED", "请求已取消。"));
    this.pump();
  }

  private expire(job: Job): void {
    job.detach?.();
    const index = this.queue.indexOf(job);
    if (index >= 0) this.queue.splice(index, 1);
    if (this.running === job) {
      this.running = undefined;
      this.kill();
    }
    job.reject(new JobFailure("TIMEOUT", job.timeoutMessage));
    this.pump();
  }

  private settle(job: Job, outcome: { result?: unknown; error?: Error }): void {
    clearTimeout(job.timer);
    job.detach?.();
    if (this.running === job) this.running = undefined;
    this.stopMemoryWatch();
    if (outcome.error) job.reject(outcome.error);
    else job.resolve(outcome.result);
    this.pump();
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.running = job;
    const child = this.ensureChild();
    this.ready!.then(
      () => {
        if (this.running !== job || this.child !== child) return;
        child.send({ id: job.id, job: job.message });
        this.watchMemory(child, job);
      },
      () => undefined,
    );
  }

  private ensureChild(): ChildProcess {
    if (this.child) return this.child;
    const child = fork(this.options.modulePath, [], {
      execArgv: this.options.execArgv,
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.child = child;
    this.isReady = false;
    // Below the server's priority: when the cores are busy, /api/health and saves come first.
    if (child.pid !== undefined) {
      try {
        os.setPriority(child.pid, this.options.niceness ?? 10);
      } catch {
        // not permitted here: the worker runs at the server's priority
      }
    }
    this.ready = new Promise<void>((resolve, reject) => {
      child.on("message", (reply: Reply) => {
        if (reply.ready) {
          this.isReady = true;
          resolve();
          return;
        }
        const job = this.running;
        if (!job || reply.id !== job.id) return;
        if (reply.error) this.settle(job, { error: remoteError(reply.error) });
        else this.settle(job, { result: reply.result });
      });
      child.on("exit", (code, signal) => {
        reject(new Error(`worker exited ${code ?? signal}`));
        if (this.child !== child) return;
        this.child = undefined;
        this.ready = undefined;
        const job = this.running;
        if (job) {
          console.error(`[jobs] ${this.options.name} 进程意外退出（${code ?? signal}）`);
          this.settle(job, { error: new JobFailure("CRASHED", "文件内容过于庞大或复杂，处理时超出服务器的资源限制，已中止。") });
        }
      });
    });
    this.ready.catch(() => undefined);
    child.unref();
    child.channel?.unref();
    return child;
  }

  private watchMemory(child: ChildProcess, job: Job): void {
    this.stopMemoryWatch();
    this.memoryTimer = setInterval(() => {
      void residentMegabytes(child.pid ?? 0).then((megabytes) => {
        if (this.running !== job || megabytes <= this.options.memoryLimitMb) return;
        console.error(`[jobs] ${this.options.name} 内存 ${Math.round(megabytes)} MB 超过上限，已中止`);
        this.running = undefined;
        this.kill();
        this.settle(job, { error: new JobFailure("MEMORY", "文件内容过于庞大或复杂，处理时超出服务器的内存限制，已中止。") });
      });
    }, MEMORY_POLL_MS);
    this.memoryTimer.unref();
  }

  private stopMemoryWatch(): void {
    if (this.memoryTimer) clearInterval(this.memoryTimer);
    this.memoryTimer = undefined;
  }

  private kill(): void {
    this.stopMemoryWatch();
    const child = this.child;
    this.child = undefined;
    this.ready = undefined;
    this.isReady = false;
    child?.kill("SIGKILL");
  }
}

function remoteError(error: RemoteError): Error {
  const rebuilt = new Error(error.message) as Error & { code?: string };
  rebuilt.name = error.name;
  if (error.code !== undefined) rebuilt.code = error.code;
  return rebuilt;
}

/** What a worker process sends back for a thrown error (only name, code and message cross). */
export function toRemoteError(error: unknown): RemoteError {
  if (error instanceof Error) return { name: error.name, code: (error as { code?: unknown }).code as string | undefined, message: error.message };
  return { name: "Error", message: String(error) };
}
