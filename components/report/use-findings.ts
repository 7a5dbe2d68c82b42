"use client";

import { useEffect, useRef, useState } from "react";

import type { Report, ReportTemplate } from "@/lib/report-model";

import type { CompositionTracker } from "@/components/editor/composition";

import { validateReport, type Finding } from "./validation-api";

export interface FindingsState {
  findings: Finding[];
  /** The report the findings were computed on (their ranges index its text). */
  checked: Report;
  /** Validate now (after applying a fix whose text had moved on). */
  revalidate: () => void;
}

/** Runs the shared validation at pauses in typing (~400 ms), never mid-composition. */
export function useFindings(
  report: Report,
  context: { template: ReportTemplate; previous: Report | null },
  composition: CompositionTracker,
  delayMs = 400,
): FindingsState {
  const run = (target: Report) => validateReport(target, { template: context.template, previous: context.previous ?? undefined });
  const [state, setState] = useState(() => ({ findings: run(report), checked: report }));
  const latest = useRef(report);
  latest.current = report;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const contextRef = useRef(context);
  contextRef.current = context;

  const validateNow = () => {
    clearTimeout(timer.current);
    if (composition.isComposing()) {
      timer.current = setTimeout(validateNow, 200);
      return;
    }
    const target = latest.current;
    setState({
      findings: validateReport(target, { template: contextRef.current.template, previous: contextRef.current.previous ?? undefined }),
      checked: target,
    });
  };
  const validateRef = useRef(validateNow);
  validateRef.current = validateNow;

  useEffect(() => {
    if (report === state.checked) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => validateRef.current(), delayMs);
  }, [report, state.checked, delayMs]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { ...state, revalidate: () => validateRef.current() };
}
