"use client";

import { useId } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import { REPORT_STATUS_LABELS, type ReportStatus } from "@/lib/report-model";
import type { RevisionDiff } from "@/lib/history/compare-report-revisions";
import type { RevisionSummary } from "@/lib/history/list-revisions";

import { RevisionDiffView } from "./revision-diff";
import type { Action } from "./types";
import { useAction } from "./use-action";

export interface HistoryPanelProps {
  reportId: string;
  revisions: RevisionSummary[];
  /** The page that shows this panel; the compare form submits `older` and `newer` to it (GET). */
  basePath: string;
  /** The two revisions being compared, when chosen. */
  comparison: RevisionDiff | null;
  /** Restoring needs a draft and `report.restore`. */
  canRestore: boolean;
  restoreBlockedReason?: string;
  onRestore: Action<{ reportId: string; revisionId: string }, { revision: number }>;
}

/** Every revision (who, when, state), the differences between any two, and restore as a new revision. */
export function HistoryPanel({ reportId, revisions, basePath, comparison, canRestore, restoreBlockedReason, onRestore }: HistoryPanelProps) {
  const { run, error, isPending } = useAction();
  const formId = useId();
  const older = comparison?.older.id ?? revisions[1]?.id ?? revisions[0]?.id ?? "";
  const newer = comparison?.newer.id ?? revisions[0]?.id ?? "";
  const option = (revision: RevisionSummary) => (
    <option key={revision.id} value={revision.id}>
      第{revision.number}版 · {REPORT_STATUS_LABELS[revision.status as ReportStatus] ?? revision.status} · {revision.authorName}
    </option>
  );
  return (
    <section aria-labelledby={`${formId}-title`} className="rounded border border-stone-200 bg-white p-3" data-testid="history-panel">
      <h2 id={`${formId}-title`} className="mb-2 text-sm font-semibold">
        修订记录
      </h2>
      <table className="w-full text-sm" data-testid="revisions-table">
        <thead className="text-left text-xs text-stone-500">
          <tr>
            <th scope="col" className="py-1 pr-3">
              版本
            </th>
            <th scope="col" className="pr-3">
              状态
            </th>
            <th scope="col" className="pr-3">
              修改人
            </th>
            <th scope="col" className="pr-3">
              时间
            </th>
            <th scope="col" className="pr-3">
              说明
            </th>
            <th scope="col">
              <span className="sr-only">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision, index) => (
            <tr key={revision.id} className="border-t border-stone-100">
              <td className="py-1 pr-3 whitespace-nowrap tabular-nums" data-testid="revision-number">
                第{revision.number}版
              </td>
              <td className="pr-3">
                <Badge>{REPORT_STATUS_LABELS[revision.status as ReportStatus] ?? revision.status}</Badge>
              </td>
              <td className="pr-3 whitespace-nowrap">{revision.authorName}</td>
              <td className="pr-3 whitespace-nowrap text-stone-600 tabular-nums">{formatDateTime(new Date(revision.updatedAt))}</td>
              <td className="min-w-24 pr-3" data-testid="revision-note">
                {revision.note ?? "保存"}
              </td>
              <td className="text-right">
                {index > 0 ? (
                  <Button
                    size="sm"
                    disabled={!canRestore || isPending}
                    title={canRestore ? undefined : restoreBlockedReason}
                    onClick={() => {
                      if (window.confirm(`将第${revision.number}版的内容恢复为最新版本？当前内容会保留在修订记录中。`))
                        void run(() => onRestore({ reportId, revisionId: revision.id }));
                    }}
                  >
                    恢复此版本
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!canRestore && restoreBlockedReason ? <p className="mt-1 text-xs text-stone-500">{restoreBlockedReason}</p> : null}
      {revisions.length > 1 ? (
        <form
          key={`${revisions[0]?.id}-${older}-${newer}`}
          method="get"
          action={basePath}
          className="mt-3 flex flex-wrap items-end gap-2 border-t border-stone-100 pt-3"
          aria-label="比较两个版本"
        >
          <div>
            <label htmlFor={`${formId}-older`} className="mb-1 block text-xs text-stone-600">
              较早版本
            </label>
            <select id={`${formId}-older`} name="older" defaultValue={older} className="h-9 rounded border border-stone-300 bg-white px-2 text-sm">
              {revisions.map(option)}
            </select>
          </div>
          <div>
            <label htmlFor={`${formId}-newer`} className="mb-1 block text-xs text-stone-600">
              较新版本
            </label>
            <select id={`${formId}-newer`} name="newer" defaultValue={newer} className="h-9 rounded border border-stone-300 bg-white px-2 text-sm">
              {revisions.map(option)}
            </select>
          </div>
          <Button type="submit">比较</Button>
        </form>
      ) : null}
      {comparison ? (
        <div className="mt-3">
          <RevisionDiffView diff={comparison} />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
