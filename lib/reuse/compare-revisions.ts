import { formatChineseDate, META_FIELD_LABELS, type Commitment, type Report, type ReportMeta } from "@/lib/report-model";

import { compareSections, pairSections, type SectionComparison } from "./compare";

export interface MetaChange {
  field: keyof ReportMeta;
  /** Chinese name of the field, e.g. 标题. */
  label: string;
  before: string;
  after: string;
}

export interface CommitmentChange {
  commitmentId: string;
  text: string;
  change: "added" | "removed" | "changed";
  /** Chinese description, e.g. 状态：未落实 → 已完成. */
  detail: string;
}

export interface RevisionComparison {
  isChanged: boolean;
  meta: MetaChange[];
  /** Every part; unchanged ones have similarity 1 and a single equal op. */
  sections: SectionComparison[];
  commitments: CommitmentChange[];
}

const STATUS_LABELS: Record<Commitment["status"], string> = { open: "待落实", done: "已完成", not_done: "未完成" };

function formatMeta(field: keyof ReportMeta, meta: ReportMeta): string {
  if (field === "date") return formatChineseDate(meta.date);
  if (field === "isPublic") return meta.isPublic ? "主动公开" : "不公开";
  if (field === "year") return `${meta.year}年`;
  return meta[field];
}

/** Differences between two saved revisions of one report (older first), for the history panel. */
export function compareRevisions(older: Report, newer: Report): RevisionComparison {
  const meta = (Object.keys(META_FIELD_LABELS) as Array<keyof ReportMeta>)
    .filter((field) => older.meta[field] !== newer.meta[field])
    .map((field) => ({ field, label: META_FIELD_LABELS[field], before: formatMeta(field, older.meta), after: formatMeta(field, newer.meta) }));
  const sections = pairSections(older.sections, newer.sections, true).map(([before, after]) => compareSections(before, after));
  const commitments = compareCommitments(older.commitments, newer.commitments);
  const isSectionChanged = (section: SectionComparison) =>
    section.previousSectionId !== section.currentSectionId ||
    section.previousHeading !== section.currentHeading ||
    section.diff.some((op) => op.op !== "equal") ||
    section.indicatorChanges.length > 0 ||
    section.items.some((item) => item.previousItemId !== item.currentItemId);
  return { isChanged: meta.length > 0 || commitments.length > 0 || sections.some(isSectionChanged), meta, sections, commitments };
}

function compareCommitments(older: readonly Commitment[], newer: readonly Commitment[]): CommitmentChange[] {
  const olderById = new Map(older.map((commitment) => [commitment.id, commitment]));
  const newerIds = new Set(newer.map((commitment) => commitment.id));
  const changes: CommitmentChange[] = [];
  for (const commitment of newer) {
    const before = olderById.get(commitment.id);
    if (!before) {
      changes.push({ commitmentId: commitment.id, text: commitment.text, change: "added", detail: "新增承诺事项" });
      continue;
    }
    const details: string[] = [];
    if (before.text !== commitment.text) details.push("内容已修改");
    if (before.status !== commitment.status) details.push(`状态：${STATUS_LABELS[before.status]} → ${STATUS_LABELS[commitment.status]}`);
    if (before.reason !== commitment.reason) details.push("未完成原因已修改");
    if (before.linkedItemIds.join(",") !== commitment.linkedItemIds.join(",")) details.push("关联条目已调整");
    if (details.length > 0) changes.push({ commitmentId: commitment.id, text: commitment.text, change: "changed", detail: details.join("；") });
  }
  for (const commitment of older) {
    if (!newerIds.has(commitment.id)) changes.push({ commitmentId: commitment.id, text: commitment.text, change: "removed", detail: "删除承诺事项" });
  }
  return changes;
}
