"use client";

import type { Report } from "@/lib/report-model";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

import { describeLocation, summarizeFindings, type Finding } from "./validation-api";

const SEVERITY = {
  error: { label: "错误", tone: "danger" },
  warning: { label: "提醒", tone: "warning" },
  info: { label: "提示", tone: "info" },
} as const;
const ORDER = { error: 0, warning: 1, info: 2 };

function safeDescribe(report: Report, finding: Finding): string {
  try {
    return describeLocation(report, finding.location);
  } catch {
    return "";
  }
}

/** Live findings; clicking one jumps to its text, "修正" applies its one-click fix. */
export function FindingsPanel(props: {
  report: Report;
  findings: Finding[];
  canFix: boolean;
  onSelect: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
}) {
  const counts = summarizeFindings(props.findings);
  const sorted = props.findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => ORDER[a.finding.severity] - ORDER[b.finding.severity] || a.index - b.index);

  return (
    <section aria-labelledby="findings-title">
      <h3 id="findings-title" className="mb-2 flex items-center gap-2 text-sm font-semibold text-stone-900">
        校验结果
        <Badge tone={counts.error ? "danger" : "success"}>错误 {counts.error}</Badge>
        <Badge tone={counts.warning ? "warning" : "neutral"}>提醒 {counts.warning}</Badge>
      </h3>
      {sorted.length === 0 ? (
        <p className="text-sm text-green-800" data-testid="findings" data-count={0}>
          未发现问题。
        </p>
      ) : (
        <ul data-testid="findings" data-count={sorted.length} className="space-y-1.5">
          {sorted.map(({ finding, index }) => {
            const where = safeDescribe(props.report, finding);
            const severity = SEVERITY[finding.severity];
            return (
              <li key={`${finding.ruleId}-${index}`} className="rounded border border-stone-200 bg-white">
                <button
                  type="button"
                  data-testid="finding"
                  data-rule-id={finding.ruleId}
                  data-severity={finding.severity}
                  onClick={() => props.onSelect(finding)}
                  className="block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-blue-700"
                >
                  <span className="flex items-start gap-1.5">
                    <Badge tone={severity.tone} className="mt-0.5">
                      {severity.label}
                    </Badge>
                    <span className="text-stone-900">{finding.message}</span>
                  </span>
                  {where && <span className="mt-0.5 block truncate pl-10 text-xs text-stone-500">{where}</span>}
                </button>
                {finding.fix && props.canFix && (
                  <div className="border-t border-stone-100 px-2 py-1 text-right">
                    <Button size="sm" variant="ghost" data-testid="finding-fix" onClick={() => props.onFix(finding)} className="text-blue-800">
                      修正：{finding.fix.label}
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
