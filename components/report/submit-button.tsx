"use client";

import { useId } from "react";

import type { ReportStatus } from "@/lib/report-model";
import { REPORT_STATUS_LABELS } from "@/lib/report-model";

import { Button } from "@/components/ui/button";

/** Why submitting is not possible now, or null when it is. */
export function submitBlocker(options: { canSubmit: boolean; status: ReportStatus; errorCount: number; isBusy: boolean }): string | null {
  // The state is the first reason: on a report under review or published, the role is beside the point.
  if (options.status !== "draft" && options.status !== "returned") return `报告当前为“${REPORT_STATUS_LABELS[options.status]}”，不能提交审核`;
  if (!options.canSubmit) return "当前角色无权提交审核";
  if (options.errorCount > 0) return `还有 ${options.errorCount} 个错误需要修改`;
  if (options.isBusy) return "正在提交…";
  return null;
}

/**
 * 提交审核, disabled with a visible reason while errors remain. `canSubmit` is whether the user's role may ever
 * submit: a reviewer, approver or supervisor sees no button at all rather than a red reason on every visit.
 */
export function SubmitButton(props: { canSubmit: boolean; status: ReportStatus; errorCount: number; isBusy: boolean; onSubmit: () => void }) {
  const reasonId = useId();
  const blocker = submitBlocker(props);
  if (!props.canSubmit) return null;
  // The state (待审核, 已签发 …) is information, not something to fix: grey; errors to fix are red.
  const isStateReason = props.status !== "draft" && props.status !== "returned";
  return (
    <div className="flex items-center gap-2">
      {blocker && !props.isBusy && (
        <span id={reasonId} data-testid="submit-blocker" className={`text-xs whitespace-nowrap ${isStateReason ? "text-stone-500" : "text-red-800"}`}>
          {blocker}
        </span>
      )}
      <Button
        variant="primary"
        data-testid="submit-report"
        disabled={Boolean(blocker)}
        aria-describedby={blocker ? reasonId : undefined}
        title={blocker ?? "提交给审核人"}
        onClick={props.onSubmit}
      >
        {props.isBusy ? "提交中…" : "提交审核"}
      </Button>
    </div>
  );
}
