import { docToText, SECTION_KIND_LABELS, type Report, type ReportItem, type ReportSection } from "@/lib/report-model";

import { isSameContent as same } from "./is-same-content";

export type ConflictSide = "mine" | "theirs";

/** One part of the report that differs between my version and the server's. */
export interface ConflictUnit {
  /** "meta", "commitments", "section:<id>" or "item:<id>". */
  key: string;
  label: string;
  mineText: string;
  theirsText: string;
  /** Absent on that side: added by one, deleted by the other. */
  isMissingInMine: boolean;
  isMissingInTheirs: boolean;
}


function metaText(report: Report): string {
  const meta = report.meta;
  return [
    `标题：${meta.title}`,
    `机关名称：${meta.agency}`,
    `年度：${meta.year}`,
    `主送机关：${meta.mainRecipient}`,
    `抄送：${meta.copyTo}`,
    `署名：${meta.signature}`,
    `成文日期：${meta.date}`,
    `文号：${meta.docNumber}`,
    `是否公开：${meta.isPublic ? "是" : "否"}`,
  ].join("\n");
}

function sectionOwnText(section: ReportSection): string {
  const indicators = Object.entries(section.indicators)
    .map(([id, value]) => `${id}=${value ?? ""}`)
    .join("，");
  return [section.heading, section.lead, indicators && `指标：${indicators}`].filter(Boolean).join("\n");
}

function sectionOwnFields(section: ReportSection) {
  const { items: _items, ...rest } = section;
  return rest;
}

function itemText(item: ReportItem): string {
  return `${item.heading}\n${docToText(item.body)}`;
}

function indexItems(report: Report): Map<string, { item: ReportItem; section: ReportSection }> {
  const map = new Map<string, { item: ReportItem; section: ReportSection }>();
  for (const section of report.sections) for (const item of section.items) map.set(item.id, { item, section });
  return map;
}

/** The parts that differ, in reading order (mine first, then what only the server has). */
export function listConflictUnits(mine: Report, theirs: Report): ConflictUnit[] {
  const units: ConflictUnit[] = [];
  if (!same(mine.meta, theirs.meta)) {
    units.push({ key: "meta", label: "基本信息", mineText: metaText(mine), theirsText: metaText(theirs), isMissingInMine: false, isMissingInTheirs: false });
  }
  const theirSections = new Map(theirs.sections.map((section) => [section.id, section]));
  const mySections = new Map(mine.sections.map((section) => [section.id, section]));
  for (const section of [...mine.sections, ...theirs.sections.filter((candidate) => !mySections.has(candidate.id))]) {
    const a = mySections.get(section.id);
    const b = theirSections.get(section.id);
    if (!a || !b || !same(sectionOwnFields(a), sectionOwnFields(b))) {
      units.push({
        key: `section:${section.id}`,
        label: `部分“${section.heading || SECTION_KIND_LABELS[section.kind]}”的标题、导语与指标`,
        mineText: a ? sectionOwnText(a) : "",
        theirsText: b ? sectionOwnText(b) : "",
        isMissingInMine: !a,
        isMissingInTheirs: !b,
      });
    }
  }
  const myItems = indexItems(mine);
  const theirItems = indexItems(theirs);
  const keys = [...myItems.keys(), ...[...theirItems.keys()].filter((id) => !myItems.has(id))];
  for (const id of keys) {
    const a = myItems.get(id);
    const b = theirItems.get(id);
    if (a && b && same(a.item, b.item) && a.section.id === b.section.id) continue;
    const item = (a ?? b)!.item;
    units.push({
      key: `item:${id}`,
      label: `条目“${item.heading || "（无标题）"}”`,
      mineText: a ? itemText(a.item) : "",
      theirsText: b ? itemText(b.item) : "",
      isMissingInMine: !a,
      isMissingInTheirs: !b,
    });
  }
  if (!same(mine.commitments, theirs.commitments)) {
    const text = (report: Report) => report.commitments.map((c) => `${c.text}（${c.status}）${c.reason}`).join("\n");
    units.push({ key: "commitments", label: "承诺事项清单", mineText: text(mine), theirsText: text(theirs), isMissingInMine: false, isMissingInTheirs: false });
  }
  return units;
}

/**
 * Builds the report from per-part choices (unlisted parts are equal on both sides, or default to mine).
 * Item order follows the side chosen for the part; items kept from the other side go after their predecessor.
 */
export function mergeConflict(mine: Report, theirs: Report, choices: Record<string, ConflictSide>): Report {
  const pick = (key: string): ConflictSide => choices[key] ?? "mine";
  const sides = { mine, theirs };
  const itemIndex = { mine: indexItems(mine), theirs: indexItems(theirs) };
  const sectionIds = [...mine.sections.map((s) => s.id), ...theirs.sections.map((s) => s.id).filter((id) => !mine.sections.some((s) => s.id === id))];
  const emitted = new Set<string>();

  const sections: ReportSection[] = [];
  for (const sectionId of sectionIds) {
    const side = pick(`section:${sectionId}`);
    const base = sides[side].sections.find((s) => s.id === sectionId);
    if (!base) continue;
    const other = sides[side === "mine" ? "theirs" : "mine"].sections.find((s) => s.id === sectionId);
    const order = [...base.items.map((item) => item.id)];
    other?.items.forEach((item, index) => {
      if (order.includes(item.id)) return;
      const previous = index > 0 ? other.items[index - 1]!.id : null;
      const at = previous ? order.indexOf(previous) + 1 : 0;
      order.splice(at > 0 ? at : previous ? order.length : 0, 0, item.id);
    });
    const items: ReportItem[] = [];
    for (const id of order) {
      if (emitted.has(id)) continue;
      const chosen = itemIndex[pick(`item:${id}`)].get(id);
      if (!chosen) continue;
      emitted.add(id);
      items.push(chosen.item);
    }
    sections.push({ ...base, items });
  }
  return {
    ...mine,
    meta: pick("meta") === "theirs" ? theirs.meta : mine.meta,
    commitments: pick("commitments") === "theirs" ? theirs.commitments : mine.commitments,
    sections,
  };
}
