import { docToText, type Report } from "@/lib/report-model";

import type { Finding } from "./validation-api";

export type PartStatus = "complete" | "warnings" | "errors" | "empty";

export const PART_STATUS_LABELS: Record<PartStatus, string> = {
  complete: "已完成",
  warnings: "有提醒",
  errors: "有错误",
  empty: "未填写",
};

export const PART_STATUS_GLYPHS: Record<PartStatus, string> = { complete: "✓", warnings: "!", errors: "✕", empty: "○" };

export const PART_STATUS_TONES: Record<PartStatus, string> = {
  complete: "bg-green-100 text-green-800",
  warnings: "bg-amber-100 text-amber-900",
  errors: "bg-red-100 text-red-800",
  empty: "bg-stone-100 text-stone-500",
};

/** Part marks from `completeness()`, keyed by section id. */
export function sectionStatuses(perSection: ReadonlyArray<{ sectionId?: string; status: PartStatus }>): Record<string, PartStatus> {
  const statuses: Record<string, PartStatus> = {};
  for (const entry of perSection) if (entry.sectionId) statuses[entry.sectionId] = entry.status;
  return statuses;
}

/** Mark of one item: its worst finding, or empty when it has neither heading nor text. */
export function itemStatuses(report: Report, findings: readonly Finding[]): Map<string, PartStatus> {
  const worst = new Map<string, "errors" | "warnings">();
  for (const finding of findings) {
    const itemId = finding.location.itemId;
    if (!itemId || finding.severity === "info") continue;
    if (finding.severity === "error") worst.set(itemId, "errors");
    else if (!worst.has(itemId)) worst.set(itemId, "warnings");
  }
  const statuses = new Map<string, PartStatus>();
  for (const section of report.sections) {
    for (const item of section.items) {
      const isEmpty = !item.heading.trim() && !docToText(item.body).trim();
      statuses.set(item.id, worst.get(item.id) ?? (isEmpty ? "empty" : "complete"));
    }
  }
  return statuses;
}
