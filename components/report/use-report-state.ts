"use client";

import { useCallback, useRef, useState } from "react";

import type { Report } from "@/lib/report-model";

import { useLatest } from "@/components/editor/use-latest";

export interface ReportState {
  report: Report;
  /** Always the latest content, also between an edit and the re-render (autosave reads it). */
  reportRef: { readonly current: Report };
  /** Bumped when content is replaced from outside (conflict, restore): editors remount with it. */
  epoch: number;
  /** A user edit: updates state and tells autosave. */
  edit: (change: (report: Report) => Report) => void;
  /** Replaces the whole content without counting as an edit. */
  replace: (report: Report) => void;
}

export function useReportState(initial: Report, onEdited: () => void): ReportState {
  const reportRef = useRef(initial);
  const [report, setReport] = useState(initial);
  const [epoch, setEpoch] = useState(0);
  const onEditedRef = useLatest(onEdited);

  const edit = useCallback(
    (change: (report: Report) => Report) => {
      const next = change(reportRef.current);
      if (next === reportRef.current) return;
      reportRef.current = next;
      setReport(next);
      onEditedRef.current();
    },
    [onEditedRef],
  );

  const replace = useCallback((next: Report) => {
    reportRef.current = next;
    setReport(next);
    setEpoch((value) => value + 1);
  }, []);

  return { report, reportRef, epoch, edit, replace };
}
