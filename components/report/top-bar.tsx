import { REPORT_STATUS_LABELS, type ReportStatus } from "@/lib/report-model";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

import type { AutosaveState } from "./autosave/autosave-controller";
import { ExportButtons } from "./export-buttons";
import { SaveState } from "./save-state";
import { SubmitButton } from "./submit-button";

const STATUS_TONES: Record<ReportStatus, BadgeTone> = {
  draft: "neutral",
  in_review: "info",
  returned: "warning",
  reviewed: "success",
  signed: "success",
  published: "success",
};

export function TopBar(props: {
  title: string;
  status: ReportStatus;
  saveState: AutosaveState;
  isReadOnly: boolean;
  hasPrevious: boolean;
  reportId: string;
  onPreview: () => void;
  onRetrySave: () => void;
  onCompare: () => void;
  beforeExport: () => Promise<void>;
  submit: { canSubmit: boolean; errorCount: number; isBusy: boolean; onSubmit: () => void };
  /** Link to the review page (workflow steps, comments, assignments, history). */
  reviewLink?: { href: string; label: string };
}) {
  return (
    <header className="flex min-h-14 flex-wrap items-center gap-x-3 gap-y-1 border-b border-stone-300 bg-white px-4 py-2">
      <h1 className="max-w-[22rem] min-w-0 truncate text-base font-semibold" title={props.title}>
        {props.title || "（未命名报告）"}
      </h1>
      <Badge tone={STATUS_TONES[props.status]} data-testid="report-status">
        {REPORT_STATUS_LABELS[props.status]}
      </Badge>
      <SaveState state={props.saveState} isReadOnly={props.isReadOnly} onRetry={props.onRetrySave} />
      <div className="ml-auto flex flex-wrap items-center gap-2">
        {props.hasPrevious && (
          <Button data-testid="open-compare" onClick={props.onCompare}>
            与去年对比
          </Button>
        )}
        {props.reviewLink ? (
          <a
            href={props.reviewLink.href}
            data-testid="open-review"
            className="inline-flex h-9 items-center rounded border border-stone-300 bg-white px-3 text-sm hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-blue-700"
          >
            {props.reviewLink.label}
          </a>
        ) : null}
        <Button data-testid="open-preview" onClick={props.onPreview}>
          预览
        </Button>
        <ExportButtons reportId={props.reportId} fileStem={props.title || "报告"} beforeExport={props.beforeExport} />
        <SubmitButton status={props.status} {...props.submit} />
      </div>
    </header>
  );
}
