import path from "node:path";
import { PDF_DIRECTORY } from "./pdf-directory";
import { Worker } from "node:worker_threads";

import { ExportError } from "../options";

export interface TypstRequest {
  output: "pdf" | "svg";
  source: string;
  inputs: Record<string, string>;
}

export interface TypstResponse {
  bytes?: Uint8Array;
  svg?: string;
  pageCount?: number;
  warnings: string[];
  errors?: string[];
}

/** A compile that takes longer than this is abandoned with ExportError("TIMEOUT"). */
export const DEFAULT_COMPILE_TIMEOUT_MS = 20_000;
// Creating the compiler scans every font file (0.3–0.5 s); a first compile may wait for it.
const STARTUP_ALLOWANCE_MS = 15_000;

interface Engine {
  worker: Worker;
  fontKey: string;
  ready: Promise<void>;
  pending: Map<number, (response: TypstResponse | Error) => void>;
}

let engine: Engine | undefined;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

function startEngine(fontPaths: string[]): Engine {
  const worker = new Worker(path.join(/*turbopackIgnore: true*/ PDF_DIRECTORY, "typst-worker.mjs"), { workerData: { fontPaths, workspace: PDF_DIRECTORY } });
  const pending = new Map<number, (response: TypstResponse | Error) => void>();
  const started: Engine = { worker, fontKey: fontPaths.join("\n"), pending, ready: Promise.resolve() };
  started.ready = new Promise<void>((resolve, reject) => {
    worker.on("message", (message: { ready?: boolean; id?: number; response?: TypstResponse }) => {
      if (message.ready) resolve();
      else if (message.id !== undefined && message.response) pending.get(message.id)?.(message.response);
    });
    const fail = (error: Error) => {
      if (engine === started) engine = undefined;
      reject(error);
      for (const settle of pending.values()) settle(error);
      pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`排版引擎意外退出（代码 ${code}）`)));
  });
  started.ready.catch(() => undefined);
  worker.unref();
  return started;
}

/** The process-wide compiler, created lazily; recreated only when the set of font files changes. */
function getEngine(fontPaths: string[]): Engine {
  const fontKey = fontPaths.join("\n");
  if (engine && engine.fontKey !== fontKey) void stopTypstEngine();
  engine ??= startEngine(fontPaths);
  return engine;
}

/** Stops the compiler thread (tests, shutdown, or after a timeout). */
export async function stopTypstEngine(): Promise<void> {
  const current = engine;
  engine = undefined;
  if (current) await current.worker.terminate();
}

async function runOnce(fontPaths: string[], request: TypstRequest, timeoutMs: number): Promise<TypstResponse> {
  const current = getEngine(fontPaths);
  const wasReady = await Promise.race([current.ready.then(() => true), new Promise((resolve) => setImmediate(() => resolve(false)))]);
  const limit = timeoutMs + (wasReady ? 0 : STARTUP_ALLOWANCE_MS);
  const id = nextId++;
  return new Promise<TypstResponse>((resolve, reject) => {
    const timer = setTimeout(() => {
      current.pending.delete(id);
      if (engine === current) engine = undefined;
      void current.worker.terminate();
      reject(new ExportError("TIMEOUT", `PDF 排版超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已中止。请稍后重试；若反复出现，请精简超长表格后再导出。`));
    }, limit);
    current.pending.set(id, (response) => {
      clearTimeout(timer);
      current.pending.delete(id);
      if (response instanceof Error) reject(new ExportError("ENGINE_FAILED", `PDF 排版引擎出错：${response.message}`));
      else resolve(response);
    });
    current.ready.then(
      () => current.worker.postMessage({ id, request }),
      () => undefined,
    );
  });
}

/** Compiles one document; requests run one at a time so each timeout measures only its own compile. */
export function runTypst(fontPaths: string[], request: TypstRequest, timeoutMs = DEFAULT_COMPILE_TIMEOUT_MS): Promise<TypstResponse> {
  const result = queue.then(() => runOnce(fontPaths, request, timeoutMs));
  queue = result.catch(() => undefined);
  return result;
}
