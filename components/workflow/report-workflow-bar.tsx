"use client";

import { useId, useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { formatChineseDate, REPORT_STATUS_LABELS, type ReportStatus } from "@/lib/report-model";
import type { TransitionReport, TransitionName } from "@/lib/schemas/workflow";
import type { TransitionOption } from "@/lib/report-model";

import type { Action } from "./types";
import { useAction } from "./use-action";

export interface ReportWorkflowBarProps {
  reportId: string;
  status: ReportStatus;
  /** From `describeTransitions` on the server: the steps out of this state, allowed or disabled with the reason. */
  transitions: TransitionOption[];
  /** `transitionReportAction` from app/(workspace)/reports/[reportId]/workflow-actions.ts. */
  onTransition: Action<{ reportId: string } & TransitionReport, { status: ReportStatus; revision: number }>;
  /** 公开日期 and 网址 of a published report. */
  publication?: { publishedOn: string; note: string } | null;
  /** What the confirmation of 审核通过 and 签发 shows: the report's open errors, unresolved comments and open 修订. */
  checks?: { errorCount: number; unresolvedCount: number; suggestionCount: number };
  /** The printed 成文日期 (YYYY-MM-DD) and, before sign-off, what does not fit the workflow's dates. */
  documentDate?: { value: string; issue?: string };
  /** YYYY-MM-DD of the sign-off: the publication date may not be earlier. */
  signedOn?: string;
  /** Today in Beijing (YYYY-MM-DD): the publication date may not be later. */
  today?: string;
}

/** Steps that ask for more before they run: a reason, the publication record, or a confirmation. */
const NEEDS_FORM: Partial<Record<TransitionName, string>> = {
  return: "退回意见",
  reopen: "新修订的原因",
  publish: "公开信息",
  approve: "确认",
  signoff: "确认",
};
const CONFIRM_ONLY: ReadonlySet<TransitionName> = new Set(["approve", "signoff"]);

/** The report's state and the buttons for the next steps (disabled ones say why). */
export function ReportWorkflowBar({ reportId, status, transitions, onTransition, publication, checks, documentDate, signedOn, today }: ReportWorkflowBarProps) {
  const { run, error, isPending } = useAction();
  const [open, setOpen] = useState<TransitionName | null>(null);
  const [note, setNote] = useState("");
  const [publishedOn, setPublishedOn] = useState("");
  const [publishedNote, setPublishedNote] = useState("");
  const [isDateConfirmed, setIsDateConfirmed] = useState(false);
  const formId = useId();
  // Signing with a 成文日期 that does not fit the workflow's dates takes a second, explicit yes.
  const needsDateConfirmation = open === "signoff" && Boolean(documentDate?.issue) && !isDateConfirmed;

  const submit = async (name: TransitionName) => {
    const isDone = await run(() => onTransition({ reportId, transition: name, note, publishedOn, publishedNote }));
    if (isDone) {
      setOpen(null);
      setNote("");
    }
  };

  return (
    <section aria-label="审核流程" className="rounded border border-stone-200 bg-white p-3" data-testid="workflow-bar">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-stone-600">当前状态</span>
        <Badge tone={status === "returned" ? "danger" : status === "signed" || status === "published" ? "success" : "info"} data-testid="report-status">
          {REPORT_STATUS_LABELS[status]}
        </Badge>
        {publication ? (
          <span className="text-xs text-stone-600">
            公开于 {formatChineseDate(publication.publishedOn)}：{publication.note}
          </span>
        ) : null}
        <div className="ml-auto flex flex-wrap items-start gap-2">
          {transitions.map((option) => {
            const reasonId = `${formId}-${option.name}-reason`;
            return (
              <div key={option.name} className="flex flex-col items-end">
                <Button
                  variant={option.name === "return" || option.name === "reopen" ? "secondary" : "primary"}
                  disabled={!option.isAllowed || isPending}
                  aria-describedby={option.reason ? reasonId : undefined}
                  onClick={() => (NEEDS_FORM[option.name] ? setOpen(open === option.name ? null : option.name) : submit(option.name))}
                >
                  {option.label}
                </Button>
                {option.reason ? (
                  <span id={reasonId} className="mt-1 max-w-64 text-right text-xs text-stone-500">
                    {option.reason}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
      {open ? (
        <form
          className="mt-3 space-y-2 border-t border-stone-100 pt-3"
          aria-label={`${transitions.find((option) => option.name === open)?.label ?? ""}表单`}
          onSubmit={(event) => {
            event.preventDefault();
            void submit(open);
          }}
        >
          {CONFIRM_ONLY.has(open) ? (
            <p className="text-sm text-stone-700" data-testid="transition-confirmation">
              {open === "signoff" ? "签发后报告内容将锁定，任何人都不能再修改（可通过“新修订”重新打开）。" : "审核通过后报告将交签发人签发。"}
              {checks ? (
                <>
                  当前校验：<strong>{checks.errorCount}</strong> 个错误，<strong>{checks.unresolvedCount}</strong> 条未解决意见，
                  <strong>{checks.suggestionCount}</strong> 处未处理修订。
                </>
              ) : null}
              {open === "signoff" && documentDate ? <>成文日期：{formatChineseDate(documentDate.value) || "（未填写）"}。</> : null}
              确认{transitions.find((option) => option.name === open)?.label}吗？
            </p>
          ) : null}
          {open === "signoff" && documentDate?.issue ? (
            <label
              className="flex items-start gap-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900"
              data-testid="document-date-warning"
            >
              <input type="checkbox" className="mt-1" checked={isDateConfirmed} onChange={(event) => setIsDateConfirmed(event.target.checked)} />
              <span>{documentDate.issue}。已核对，仍按此成文日期签发</span>
            </label>
          ) : null}
          {CONFIRM_ONLY.has(open) ? null : open === "publish" ? (
            <div className="grid gap-2 sm:grid-cols-2">
              <div>
                <Label htmlFor={`${formId}-date`}>公开日期{signedOn ? `（不早于签发日期 ${formatChineseDate(signedOn)}）` : ""}</Label>
                <Input
                  id={`${formId}-date`}
                  type="date"
                  value={publishedOn}
                  min={signedOn}
                  max={today}
                  onChange={(event) => setPublishedOn(event.target.value)}
                  required
                />
              </div>
              <div>
                <Label htmlFor={`${formId}-link`}>公开网址或公开方式</Label>
                <Input
                  id={`${formId}-link`}
                  value={publishedNote}
                  onChange={(event) => setPublishedNote(event.target.value)}
                  placeholder="例如：https://www.example.gov.cn/…"
                  required
                />
              </div>
            </div>
          ) : (
            <div>
              <Label htmlFor={`${formId}-note`}>{NEEDS_FORM[open]}</Label>
              <Textarea id={`${formId}-note`} rows={3} value={note} onChange={(event) => setNote(event.target.value)} required />
            </div>
          )}
          <div className="flex gap-2">
            <Button type="submit" variant="primary" disabled={isPending || needsDateConfirmation}>
              确认{transitions.find((option) => option.name === open)?.label}
            </Button>
            <Button onClick={() => setOpen(null)}>取消</Button>
          </div>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
