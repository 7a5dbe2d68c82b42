"use client";

import { useEffect, useRef, useState } from "react";

import type { Report, ReportTemplate } from "@/lib/report-model";

import type { CompositionTracker } from "@/components/editor/composition";
import { useLatest } from "@/components/editor/use-latest";

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
  const [state, setState] = useState(() => ({
    findings: validateReport(report, { template: context.template, previous: context.previous ?? undefined }),
    checked: report,
  }));
  const latest = useLatest(report);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const contextRef = useLatest(context);

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
  const validateRef = useLatest(validateNow);

  useEffect(() => {
    if (report === state.checked) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => validateRef.current(), delayMs);
  }, [report, state.checked, delayMs, validateRef]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { ...state, revalidate: () => validateRef.current() };
}
