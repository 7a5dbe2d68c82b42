"use client";

import { useEffect, useRef, useState } from "react";

import type { Report, ReportTemplate } from "@/lib/report-model";

import type { CompositionTracker } from "@/components/editor/composition";
import { useLatest } from "@/components/editor/use-latest";

import { isSameContent } from "./conflict/is-same-content";
import type { EditorValidation } from "./validation/editor-validation";
import { createValidator, type Validator } from "./validation/validator";
import type { Completeness, Finding } from "./validation-api";

export interface FindingsState {
  findings: Finding[];
  /** Required parts written and free of errors, from the same run as `findings`. */
  progress: Completeness;
  /** The report the findings were computed on (their ranges index its text). */
  checked: Report;
  /** Validate now (after applying a fix whose text had moved on). */
  revalidate: () => void;
}

export interface FindingsOptions {
  /** The server's validation of the report as loaded: findings show on the first paint. */
  initial?: EditorValidation;
  /** @default 400 */
  delayMs?: number;
}

/** Before the first result: nothing found yet, every required part still to do. */
function notYetChecked(template: ReportTemplate): Completeness {
  return { done: 0, total: template.sections.filter((section) => section.isRequired).length, perSection: [] };
}

/**
 * Runs the shared validation at pauses in typing (~400 ms), never mid-composition. The rules run in a Web
 * Worker (see validation/validator.ts): a keystroke never waits for them, and a result for a report that has
 * changed meanwhile is shown for the report it was computed on, then checked again.
 */
export function useFindings(
  report: Report,
  context: { template: ReportTemplate; previous: Report | null },
  composition: CompositionTracker,
  options: FindingsOptions = {},
): FindingsState {
  const { initial, delayMs = 400 } = options;
  const [state, setState] = useState<{ findings: Finding[]; progress: Completeness; checked: Report | undefined }>(() =>
    initial ? { ...initial, checked: report } : { findings: [], progress: notYetChecked(context.template), checked: undefined },
  );
  const latest = useLatest(report);
  const shown = useLatest(state.checked);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const validator = useRef<Validator | undefined>(undefined);
  const requested = useRef(0);
  const applied = useRef(0);
  const inFlight = useRef(false);
  const { template, previous } = context;

  const validateNow = () => {
    clearTimeout(timer.current);
    if (composition.isComposing()) {
      timer.current = setTimeout(validateNow, 200);
      return;
    }
    const running = validator.current;
    if (!running) return;
    const target = latest.current;
    // An edit that changed nothing (a field set to what it was, a body re-read from the live session) keeps
    // the findings without a check, so opening a report never starts the worker.
    const checked = shown.current;
    if (checked && checked !== target && isSameContent(checked, target) && !inFlight.current) {
      setState((current) => (current.checked === checked ? { ...current, checked: target } : current));
      return;
    }
    const sequence = (requested.current += 1);
    inFlight.current = true;
    running.validate(target).then(
      (result) => {
        // Only a newer result than the one shown; results of a disposed validator never arrive.
        if (sequence < applied.current || validator.current !== running) return;
        if (sequence === requested.current) inFlight.current = false;
        applied.current = sequence;
        setState({ findings: result.findings, progress: result.progress, checked: target });
      },
      (error: unknown) => console.error("校验失败", error),
    );
  };
  const validateRef = useLatest(validateNow);

  useEffect(() => {
    const current = createValidator({ template, previous });
    validator.current = current;
    // A check the previous validator had not answered is asked again of this one.
    if (inFlight.current) validateRef.current();
    return () => {
      current.dispose();
      if (validator.current === current) validator.current = undefined;
    };
  }, [template, previous, validateRef]);

  useEffect(() => {
    if (report === state.checked) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => validateRef.current(), state.checked ? delayMs : 0);
  }, [report, state.checked, delayMs, validateRef]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { findings: state.findings, progress: state.progress, checked: state.checked ?? report, revalidate: () => validateRef.current() };
}
