"use client";

import { memo } from "react";

import { headingPrefix, SECTION_KIND_LABELS, type Report } from "@/lib/report-model";
import type { LeaderDutyPassage } from "@/lib/reuse";

import { Button } from "@/components/ui/button";

export interface PartsLeaderDutyProps {
  report: Report;
  passages: LeaderDutyPassage[];
  isEditable: boolean;
  onAccept: (passage: LeaderDutyPassage) => void;
  onDismiss: (passage: LeaderDutyPassage) => void;
}

export const leaderDutySuggestionsId = "leader-duty-suggestions";

function whereOf(report: Report, passage: LeaderDutyPassage): string {
  const sectionIndex = report.sections.findIndex((section) => section.id === passage.sectionId);
  const section = report.sections[sectionIndex];
  if (!section) return "";
  const itemIndex = section.items.findIndex((item) => item.id === passage.itemId);
  const item = section.items[itemIndex];
  const part = `${headingPrefix(1, sectionIndex + 1)}${section.heading || SECTION_KIND_LABELS[section.kind]}`;
  return item ? `“${part}”的${headingPrefix(2, itemIndex + 1)}${item.heading ? `“${item.heading}”` : "条目"}` : `“${part}”`;
}

/** Suggestions to move 第一责任人 text written under other parts into this part; nothing moves until accepted. */
export const PartsLeaderDuty = memo(function PartsLeaderDuty({ report, passages, isEditable, onAccept, onDismiss }: PartsLeaderDutyProps) {
  if (passages.length === 0) return null;
  return (
    <div id={leaderDutySuggestionsId} data-testid="leader-duty-suggestions" className="mb-3 space-y-2 rounded border border-amber-300 bg-amber-50 p-3">
      <p className="text-sm text-amber-950">
        以下文字写在其他部分，内容是主要负责人履行推进法治建设第一责任人职责的情况。按规定这项内容应单独报告，可以原样移入本部分：
      </p>
      <ul className="space-y-2">
        {passages.map((passage) => {
          const where = whereOf(report, passage);
          return (
            <li
              key={`${passage.itemId}:${passage.blockIndexes.join(",")}`}
              data-testid="leader-duty-suggestion"
              className="rounded border border-amber-200 bg-white p-2"
            >
              <p className="text-xs text-stone-600">
                位置：{where}（{passage.scope === "item" ? "整个条目" : `${passage.blockIndexes.length}段`}）
              </p>
              <blockquote className="mt-1 max-h-32 overflow-auto border-l-2 border-amber-400 pl-2 text-sm whitespace-pre-wrap text-stone-800">
                {passage.text}
              </blockquote>
              {isEditable && (
                <div className="mt-2 flex gap-2">
                  <Button size="sm" variant="primary" aria-label={`把${where}的这段文字移入本部分`} onClick={() => onAccept(passage)}>
                    移入本部分
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => onDismiss(passage)}>
                    保留原处
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
});
