"use client";

import { useMemo } from "react";

import { findIndicator, type Report } from "@/lib/report-model";
import { compareReports } from "@/lib/reuse/compare";

import { Dialog } from "@/components/ui/dialog";

import { DiffView } from "./diff-view";

/** 与去年对比: each part beside last year's, with the changed text highlighted. */
export function ComparisonDialog({ open, onClose, previous, current }: { open: boolean; onClose: () => void; previous: Report; current: Report }) {
  const comparisons = useMemo(() => (open ? compareReports(previous, current) : []), [open, previous, current]);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="xl"
      testId="comparison-dialog"
      title="与去年对比"
      description={`左为${previous.meta.year}年报告，右为本报告；删去的文字标红，新写的文字标绿。`}
    >
      <ul className="space-y-5">
        {comparisons.map((comparison, index) => (
          <li key={`${comparison.kind}-${index}`} className="rounded border border-stone-200">
            <h3 className="flex items-baseline justify-between gap-2 border-b border-stone-200 bg-stone-50 px-3 py-1.5 text-sm font-medium">
              {comparison.label}
              <span className="text-xs font-normal text-stone-600">与去年相同的文字占 {Math.round(comparison.similarity * 100)}%</span>
            </h3>
            <div className="grid grid-cols-2 divide-x divide-stone-200">
              <div className="max-h-80 overflow-auto p-3">
                <p className="mb-1 text-xs font-medium text-stone-500">去年：{comparison.previousHeading || "（无此部分）"}</p>
                <DiffView ops={comparison.diff} side="before" />
              </div>
              <div className="max-h-80 overflow-auto p-3">
                <p className="mb-1 text-xs font-medium text-stone-500">今年：{comparison.currentHeading || "（无此部分）"}</p>
                <DiffView ops={comparison.diff} side="after" />
              </div>
            </div>
            {comparison.indicatorChanges.length > 0 && (
              <table className="w-full border-t border-stone-200 text-xs">
                <caption className="sr-only">指标变化</caption>
                <thead>
                  <tr className="bg-stone-50 text-stone-600">
                    <th className="px-3 py-1 text-left font-medium">指标</th>
                    <th className="px-3 py-1 text-right font-medium">去年</th>
                    <th className="px-3 py-1 text-right font-medium">今年</th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.indicatorChanges.map((change) => {
                    const definition = findIndicator(change.id);
                    const show = (value: number | null) => (value === null ? "—" : `${value}${definition?.unit ?? ""}`);
                    return (
                      <tr key={change.id} className="border-t border-stone-100">
                        <td className="px-3 py-1">{definition?.label ?? change.id}</td>
                        <td className="px-3 py-1 text-right tabular-nums">{show(change.before)}</td>
                        <td className="px-3 py-1 text-right tabular-nums">{show(change.after)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
