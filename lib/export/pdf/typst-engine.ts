import path from "node:path";

import { ChildWorker, JobFailure } from "@/lib/jobs/child-worker";

import { ExportError } from "../options";
import { PDF_DIRECTORY } from "./pdf-directory";

export interface TypstRequest {
  /** "query": lay the document out and return the values of the metadata labelled `query` (no PDF). */
  output: "pdf" | "svg" | "query";
  source: string;
  inputs: Record<string, string>;
  /** A label selector such as "<imprint-placement>", for output "query"; with "pdf" or "svg", answered from the same layout. */
  query?: string;
}

export interface TypstResponse {
  bytes?: Uint8Array;
  svg?: string;
  pageCount?: number;
  /** The metadata values found, for a request with a `query`. */
  queried?: unknown[];
  warnings: string[];
  errors?: string[];
}

/** A compile that takes longer than this (from submission) is killed with ExportError("TIMEOUT"). */
export const DEFAULT_COMPILE_TIMEOUT_MS = 20_000;
/** Resident memory of the compiler process above which it is killed (a real report needs under 400 MB). */
export const COMPILE_MEMORY_LIMIT_MB = 1_536;

let engine: ChildWorker | undefined;

/** The process-wide compiler process, started lazily and restarted after a kill. */
function getEngine(): ChildWorker {
  engine ??= new ChildWorker({
    name: "PDF 排版",
    modulePath: path.join(/*turbopackIgnore: true*/ PDF_DIRECTORY, "typst-worker.mjs"),
    execArgv: [],
    memoryLimitMb: COMPILE_MEMORY_LIMIT_MB,
    maxPerOwner: 3,
    maxQueued: 12,
    // Starting Node and scanning every font file (0.3–0.5 s) may come before a first compile.
    startupAllowanceMs: 15_000,
  });
  return engine;
}

/** Stops the compiler process (tests, shutdown). */
export async function stopTypstEngine(): Promise<void> {
  engine?.stop();
}

/**
 * Compiles one document in the compiler process. `owner` (a user id) bounds how many compiles one
 * person may queue; the time limit counts from this call, so waiting in the queue counts too.
 */
export async function runTypst(fontPaths: string[], request: TypstRequest, timeoutMs = DEFAULT_COMPILE_TIMEOUT_MS, owner = "local"): Promise<TypstResponse> {
  const seconds = Math.round(timeoutMs / 1000);
  try {
    return await getEngine().run<TypstResponse>(
      owner,
      { fontPaths, workspace: PDF_DIRECTORY, request },
      timeoutMs,
      `PDF 排版超过 ${seconds} 秒仍未完成，已中止。请稍后重试；若反复出现，请精简超长表格后再导出。`,
    );
  } catch (error) {
    if (error instanceof JobFailure)
      throw new ExportError(error.code === "TIMEOUT" ? "TIMEOUT" : error.code === "BUSY" ? "BUSY" : "ENGINE_FAILED", error.message);
    throw new ExportError("ENGINE_FAILED", `PDF 排版引擎出错：${error instanceof Error ? error.message : String(error)}`);
  }
}
