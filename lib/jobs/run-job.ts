import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { ChildWorker, type RemoteError } from "./child-worker";
import type { JobMessage } from "./job-types";

/** Limits of the import/export process; far above what a real report needs (about 150 MB, under 2 s). */
export const JOB_LIMITS = {
  /** From submission (waiting included) to result. */
  importTimeoutMs: 30_000,
  exportTimeoutMs: 30_000,
  /** V8 heap of the worker, and its whole resident memory. */
  heapMb: 768,
  memoryLimitMb: 1_200,
  /** Jobs (running and waiting) one user may have, and all users together. */
  maxPerOwner: 2,
  maxQueued: 8,
};

const ROOT = /*turbopackIgnore: true*/ process.cwd();

let worker: ChildWorker | undefined;

function tsxLoader(): string {
  return pathToFileURL(createRequire(path.join(ROOT, "index.js")).resolve("tsx")).href;
}

function getWorker(): ChildWorker {
  worker ??= new ChildWorker({
    name: "导入导出",
    modulePath: path.join(ROOT, "lib", "jobs", "job-worker.ts"),
    execArgv: ["--import", tsxLoader(), `--max-old-space-size=${JOB_LIMITS.heapMb}`],
    memoryLimitMb: JOB_LIMITS.memoryLimitMb,
    maxPerOwner: JOB_LIMITS.maxPerOwner,
    maxQueued: JOB_LIMITS.maxQueued,
    // Starting Node with tsx and loading mammoth, pdf.js and docx takes a second or two.
    startupAllowanceMs: 15_000,
  });
  return worker;
}

/**
 * Runs one import or export job in the worker process; rejects with JobFailure or the worker's error. `signal`
 * (the request's) stops the job when the client leaves.
 */
export function runJob<T>(owner: string, job: JobMessage, signal?: AbortSignal): Promise<T> {
  const isImport = job.kind !== "export-docx";
  const timeoutMs = isImport ? JOB_LIMITS.importTimeoutMs : JOB_LIMITS.exportTimeoutMs;
  const message = isImport
    ? `导入超过 ${timeoutMs / 1000} 秒仍未完成，已中止。文件可能过大或结构异常，请删减后再试。`
    : `Word 导出超过 ${timeoutMs / 1000} 秒仍未完成，已中止。请精简超长表格后再导出。`;
  return getWorker().run<T>(owner, job, timeoutMs, message, signal);
}

/** Stops the worker process (tests, shutdown). */
export function stopJobWorker(): void {
  worker?.stop();
}

/** An error thrown inside the worker, as rebuilt by ChildWorker (name, code and message only). */
export function remoteErrorOf(error: unknown): RemoteError | undefined {
  if (!(error instanceof Error) || error.name === "JobFailure") return undefined;
  return { name: error.name, code: (error as { code?: string }).code, message: error.message };
}
