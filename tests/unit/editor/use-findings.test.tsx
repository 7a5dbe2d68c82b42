// @vitest-environment jsdom
import { act, useEffect } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { useFindings, type FindingsState } from "@/components/report/use-findings";
import { validateForEditor } from "@/components/report/validation/editor-validation";
import { textToDoc, type Report } from "@/lib/report-model";

import { buildReport, TEMPLATE } from "./fixtures";

const checks = vi.hoisted(() => ({ reports: [] as unknown[] }));
vi.mock("@/components/report/validation/validator", async () => {
  const { validateForEditor: validate } = await import("@/components/report/validation/editor-validation");
  return {
    createValidator: (context: Parameters<typeof validate>[1]) => ({
      validate: async (report: Report) => {
        checks.reports.push(report);
        return validate(report, context);
      },
      dispose: () => undefined,
    }),
  };
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOT_COMPOSING = { isComposing: () => false, whenIdle: (callback: () => void) => callback() };
let container: HTMLDivElement;
let root: Root;
const seen: { latest?: FindingsState } = {};
const first = buildReport();

function Probe({ report }: { report: Report }) {
  const state = useFindings(report, { template: TEMPLATE, previous: null }, NOT_COMPOSING, {
    initial: validateForEditor(first, { template: TEMPLATE, previous: null }),
    delayMs: 10,
  });
  useEffect(() => {
    seen.latest = state;
  });
  return null;
}

beforeEach(() => {
  checks.reports = [];
  container = document.createElement("div");
  root = createRoot(container);
});

afterEach(async () => {
  await act(async () => root.unmount());
});

const pause = () => act(async () => new Promise((resolve) => setTimeout(resolve, 50)));

describe("useFindings", () => {
  it("opens with the server's findings and checks nothing until the content changes", async () => {
    await act(async () => root.render(<Probe report={first} />));
    await pause();
    expect(checks.reports).toEqual([]);
    expect(seen.latest!.findings).toEqual(validateForEditor(first, { template: TEMPLATE, previous: null }).findings);

    // The same content in a new object (a body re-read from the live session): no check, the findings stay.
    const same = structuredClone(first);
    await act(async () => root.render(<Probe report={same} />));
    await pause();
    expect(checks.reports).toEqual([]);
    expect(seen.latest!.checked).toBe(same);

    // Real text: checked once, after the pause, and the findings follow it.
    const edited = structuredClone(first);
    edited.sections[0]!.items[0]!.body = textToDoc("县政府常务会议专题研究法治政府建设4次。。");
    await act(async () => root.render(<Probe report={edited} />));
    await pause();
    expect(checks.reports).toEqual([edited]);
    expect(seen.latest!.checked).toBe(edited);
    expect(seen.latest!.findings).toEqual(validateForEditor(edited, { template: TEMPLATE, previous: null }).findings);
    expect(seen.latest!.findings).not.toEqual(validateForEditor(first, { template: TEMPLATE, previous: null }).findings);
  });
});
