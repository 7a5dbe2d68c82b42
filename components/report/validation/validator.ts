import type { Report } from "@/lib/report-model";

import type { EditorValidation, EditorValidationContext } from "./editor-validation";
import type { ValidationRequest, ValidationResponse } from "./protocol";

/** Checks reports against one template and last year's report; results come back in request order. */
export interface Validator {
  validate(report: Report): Promise<EditorValidation>;
  dispose(): void;
}

/** In the page itself, for environments without Web Workers (the rules load as a separate chunk on first use). */
function inThreadValidator(context: EditorValidationContext): Validator {
  const engine = import("./editor-validation");
  return {
    validate: async (report) => (await engine).validateForEditor(report, context),
    dispose: () => undefined,
  };
}

/**
 * A validator running in a Web Worker served by the app itself (CSP worker-src 'self'). The worker starts at
 * the first check, i.e. after the first edit: the page opens with the server's findings and loads none of the
 * rules. When the worker cannot start or fails, the pending and later checks run in the page, so findings are
 * never lost, only slower.
 */
export function createValidator(context: EditorValidationContext): Validator {
  if (typeof Worker === "undefined") return inThreadValidator(context);
  let worker: Worker | undefined;
  let fallback: Validator | undefined;
  let isDisposed = false;
  let nextId = 0;
  const pending = new Map<number, { report: Report; resolve: (result: EditorValidation) => void; reject: (error: Error) => void }>();

  const switchToPage = (reason: string) => {
    if (fallback) return;
    console.warn(`校验改在页面内进行（${reason}）`);
    worker?.terminate();
    worker = undefined;
    fallback = inThreadValidator(context);
    for (const [id, request] of pending) {
      pending.delete(id);
      fallback.validate(request.report).then(request.resolve, request.reject);
    }
  };

  const start = (): Worker | undefined => {
    if (worker || fallback) return worker;
    try {
      const started = new Worker(new URL("./validation.worker.ts", import.meta.url));
      started.onmessage = (event: MessageEvent<ValidationResponse>) => {
        const response = event.data;
        const request = pending.get(response.id);
        if (!request) return;
        pending.delete(response.id);
        if ("result" in response) request.resolve(response.result);
        else request.reject(new Error(response.error));
      };
      started.onerror = (event) => {
        event.preventDefault();
        switchToPage(event.message || "worker error");
      };
      started.postMessage({ type: "context", context } satisfies ValidationRequest);
      worker = started;
    } catch (error) {
      switchToPage(error instanceof Error ? error.message : String(error));
    }
    return worker;
  };

  return {
    validate(report) {
      if (isDisposed) return new Promise(() => undefined);
      const running = start();
      if (!running) return fallback!.validate(report);
      const id = (nextId += 1);
      return new Promise((resolve, reject) => {
        pending.set(id, { report, resolve, reject });
        running.postMessage({ type: "validate", id, report } satisfies ValidationRequest);
      });
    },
    dispose() {
      isDisposed = true;
      worker?.terminate();
      worker = undefined;
      pending.clear();
    },
  };
}
