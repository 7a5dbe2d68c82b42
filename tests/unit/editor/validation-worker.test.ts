import { afterEach, describe, expect, it, vi } from "vitest";

import { validateForEditor } from "@/components/report/validation/editor-validation";
import type { ValidationRequest, ValidationResponse } from "@/components/report/validation/protocol";
import { createValidator } from "@/components/report/validation/validator";
import { textToDoc } from "@/lib/report-model";

import { buildReport, TEMPLATE } from "./fixtures";

/** The fixture report with a confusion-word error and a doubled punctuation mark typed into the first item. */
function reportWithErrors() {
  const report = buildReport();
  report.sections[0]!.items[0]!.body = textToDoc("县政府常务会议专题研究法治政府建设4次。。\n全年举办领导干部学法讲座6场，参训人员达到320人次。");
  return report;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe("the validation worker", () => {
  it("answers each request with the findings and completeness the page would compute, and reports a missing context", async () => {
    const posted: ValidationResponse[] = [];
    const scope: { onmessage: ((event: { data: ValidationRequest }) => void) | null; postMessage: (message: ValidationResponse) => void } = {
      onmessage: null,
      postMessage: (message) => posted.push(message),
    };
    vi.stubGlobal("self", scope);
    await import("@/components/report/validation/validation.worker");
    const report = reportWithErrors();

    scope.onmessage!({ data: { type: "validate", id: 1, report } });
    expect(posted[0]).toEqual({ id: 1, error: "validation context not set" });

    scope.onmessage!({ data: { type: "context", context: { template: TEMPLATE, previous: null } } });
    scope.onmessage!({ data: { type: "validate", id: 2, report } });
    const expected = validateForEditor(report, { template: TEMPLATE, previous: null });
    expect(expected.findings.some((finding) => finding.location.itemId === "i-lead")).toBe(true);
    expect(posted[1]).toEqual({ id: 2, result: expected });
  });
});

describe("createValidator", () => {
  it("validates in the page where Web Workers do not exist", async () => {
    const report = reportWithErrors();
    const validator = createValidator({ template: TEMPLATE, previous: null });
    expect(await validator.validate(report)).toEqual(validateForEditor(report, { template: TEMPLATE, previous: null }));
  });

  it("starts the worker only at the first check, and moves pending and later checks into the page when it fails", async () => {
    const started: FakeWorker[] = [];
    class FakeWorker {
      onmessage: ((event: MessageEvent) => void) | null = null;
      onerror: ((event: { message: string; preventDefault: () => void }) => void) | null = null;
      messages: ValidationRequest[] = [];
      isTerminated = false;
      constructor(readonly url: URL) {
        started.push(this);
      }
      postMessage(message: ValidationRequest) {
        this.messages.push(message);
      }
      terminate() {
        this.isTerminated = true;
      }
    }
    vi.stubGlobal("Worker", FakeWorker);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const validator = createValidator({ template: TEMPLATE, previous: null });
    expect(started).toHaveLength(0);

    const report = reportWithErrors();
    const pending = validator.validate(report);
    expect(started).toHaveLength(1);
    expect(started[0]!.url.pathname).toMatch(/validation\.worker\.ts$/);
    expect(started[0]!.messages.map((message) => message.type)).toEqual(["context", "validate"]);

    started[0]!.onerror!({ message: "script failed to load", preventDefault: () => undefined });
    const expected = validateForEditor(report, { template: TEMPLATE, previous: null });
    expect(await pending).toEqual(expected);
    expect(await validator.validate(report)).toEqual(expected);
    expect(started).toHaveLength(1);
    expect(started[0]!.isTerminated).toBe(true);
    expect(warn).toHaveBeenCalledWith("校验改在页面内进行（script failed to load）");
  });

  it("resolves a check with the worker's answer for its own request id", async () => {
    const workers: Array<{ onmessage: ((event: { data: ValidationResponse }) => void) | null; messages: ValidationRequest[] }> = [];
    vi.stubGlobal(
      "Worker",
      class {
        onmessage = null;
        onerror = null;
        messages: ValidationRequest[] = [];
        constructor() {
          workers.push(this);
        }
        postMessage(message: ValidationRequest) {
          this.messages.push(message);
        }
        terminate() {}
      },
    );
    const validator = createValidator({ template: TEMPLATE, previous: null });
    const report = reportWithErrors();
    const first = validator.validate(report);
    const second = validator.validate(buildReport());
    const [worker] = workers;
    const ids = worker!.messages.flatMap((message) => (message.type === "validate" ? [message.id] : []));
    const answerFor = (which: typeof report) => validateForEditor(which, { template: TEMPLATE, previous: null });
    worker!.onmessage!({ data: { id: ids[1]!, result: answerFor(buildReport()) } });
    worker!.onmessage!({ data: { id: ids[0]!, result: answerFor(report) } });
    expect(await first).toEqual(answerFor(report));
    expect(await second).toEqual(answerFor(buildReport()));
  });
});
