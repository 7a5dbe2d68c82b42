"use client";

import { memo, useMemo } from "react";

import { headingPrefix, type Commitment, type Report } from "@/lib/report-model";
import { linkCommitment, setCommitmentStatus, suggestCommitmentLinks } from "@/lib/reuse/commitments";

import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";

const STATUS_LABELS: Record<Commitment["status"], string> = { open: "待说明", done: "已完成", not_done: "未完成" };

function patchCommitment(report: Report, commitmentId: string, patch: Partial<Commitment>): Report {
  return { ...report, commitments: report.commitments.map((c) => (c.id === commitmentId ? { ...c, ...patch } : c)) };
}

/** 承诺事项清单: last year's plans, each with its status, the reason when not done, and linked measures items. */
export const CommitmentsPanel = memo(function CommitmentsPanel(props: {
  report: Report;
  /** The report as last validated: suggestions follow typing pauses, not every keystroke. */
  suggestFrom: Report;
  isEditable: boolean;
  onEdit: (change: (report: Report) => Report) => void;
}) {
  const { report, suggestFrom, isEditable, onEdit } = props;
  const measures = report.sections.filter((section) => section.kind === "measures").flatMap((section) => section.items);
  const suggestions = useMemo(() => new Map(suggestCommitmentLinks(suggestFrom).map((s) => [s.commitmentId, s.itemIds])), [suggestFrom]);
  const itemName = (itemId: string) => {
    const index = measures.findIndex((item) => item.id === itemId);
    return index < 0 ? "（已删除的条目）" : `${headingPrefix(2, index + 1)}${measures[index]!.heading || "（无标题）"}`;
  };

  return (
    <section id="commitments" aria-labelledby="commitments-title" className="scroll-mt-4 rounded-md border border-stone-200 bg-white p-4 shadow-sm">
      <h2 id="commitments-title" className="mb-1 text-base font-semibold text-stone-900">
        承诺事项清单
      </h2>
      <p className="mb-3 text-xs text-stone-600">去年报告“下一年度主要安排”中的事项，逐项说明落实情况；未完成的须写明原因。</p>
      {report.commitments.length === 0 && <p className="text-sm text-stone-500">没有需要跟踪的承诺事项。</p>}
      <ol className="space-y-3">
        {report.commitments.map((commitment, index) => {
          const suggested = (suggestions.get(commitment.id) ?? []).filter((id) => !commitment.linkedItemIds.includes(id));
          const reasonId = `commitment-reason-${commitment.id}`;
          const statusId = `commitment-status-${commitment.id}`;
          const needsReason = commitment.status === "not_done" && !commitment.reason.trim();
          return (
            <li key={commitment.id} data-testid={`commitment-${commitment.id}`} className="rounded border border-stone-200 p-3">
              <p className="mb-2 text-sm text-stone-900">
                {index + 1}. {commitment.text}
              </p>
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <label htmlFor={statusId} className="text-xs text-stone-700">
                  落实情况
                </label>
                <select
                  id={statusId}
                  value={commitment.status}
                  disabled={!isEditable}
                  className="h-8 rounded border border-stone-300 bg-white px-2 text-sm focus-visible:outline-2 focus-visible:outline-blue-700"
                  onChange={(event) => {
                    const status = event.target.value as Commitment["status"];
                    onEdit((current) => {
                      const existing = current.commitments.find((c) => c.id === commitment.id);
                      if (status === "not_done" && !existing?.reason.trim()) return patchCommitment(current, commitment.id, { status });
                      return setCommitmentStatus(current, commitment.id, status, existing?.reason ?? "");
                    });
                  }}
                >
                  {(Object.keys(STATUS_LABELS) as Array<Commitment["status"]>).map((status) => (
                    <option key={status} value={status}>
                      {STATUS_LABELS[status]}
                    </option>
                  ))}
                </select>
              </div>
              {commitment.status === "not_done" && (
                <div className="mt-2">
                  <label htmlFor={reasonId} className="mb-1 block text-xs text-stone-700">
                    未完成的原因
                  </label>
                  <Textarea
                    id={reasonId}
                    rows={2}
                    value={commitment.reason}
                    disabled={!isEditable}
                    aria-invalid={needsReason}
                    onChange={(event) => {
                      const reason = event.target.value;
                      onEdit((current) => patchCommitment(current, commitment.id, { reason }));
                    }}
                  />
                  {needsReason && <p className="mt-0.5 text-xs text-red-700">请说明未完成的原因</p>}
                </div>
              )}
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-stone-800">关联“主要举措和成效”条目（{commitment.linkedItemIds.length}）</summary>
                <fieldset className="mt-1 max-h-40 space-y-0.5 overflow-auto" disabled={!isEditable}>
                  <legend className="sr-only">关联条目</legend>
                  {measures.map((item) => (
                    <label key={item.id} className="flex items-center gap-1.5 text-xs">
                      <input
                        type="checkbox"
                        className="size-3.5 accent-red-800"
                        checked={commitment.linkedItemIds.includes(item.id)}
                        onChange={(event) => {
                          const isChecked = event.target.checked;
                          onEdit((current) => {
                            const links = current.commitments.find((c) => c.id === commitment.id)?.linkedItemIds ?? [];
                            return linkCommitment(current, commitment.id, isChecked ? [...links, item.id] : links.filter((id) => id !== item.id));
                          });
                        }}
                      />
                      {itemName(item.id)}
                    </label>
                  ))}
                </fieldset>
              </details>
              {isEditable && suggested.length > 0 && (
                <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-stone-700">
                  建议关联：
                  {suggested.map((itemId) => (
                    <Button
                      key={itemId}
                      size="sm"
                      variant="secondary"
                      onClick={() => onEdit((current) => linkCommitment(current, commitment.id, [...commitment.linkedItemIds, itemId]))}
                    >
                      ＋ {itemName(itemId)}
                    </Button>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
});
