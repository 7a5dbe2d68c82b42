import {
  INDICATORS,
  META_FIELD_LABELS,
  SECTION_KIND_LABELS,
  settleFieldSuggestions,
  type Commitment,
  type FieldSuggestion,
  type Report,
  type ReportItem,
  type ReportSection,
  type RichDoc,
} from "@/lib/report-model";

import { mergeBlocks } from "./merge-blocks";
import { mergeOrder } from "./merge-order";
import { isSameJson as same } from "./same-json";

/** How a unit both sides changed is settled: "both" keeps the two texts one after the other. */
export type MergeChoice = "mine" | "theirs" | "both";
export type ConflictKind = "report" | "meta" | "section" | "item" | "commitment";

/** One unit (field, item, indicator, commitment) that both sides changed since the base. */
export interface MergeConflict {
  /** "meta:title", "report:opening", "section:<id>:lead", "section:<id>:indicators:<key>", "section:<id>", "item:<id>", "commitment:<id>". */
  key: string;
  kind: ConflictKind;
  label: string;
  /** The unit as it was in the base and on each side; undefined = absent there (deleted, or not yet added). */
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** Whether "both" is offered (texts that can stand one after the other). */
  canKeepBoth: boolean;
  choice?: MergeChoice;
}

export interface MergeReportsInput {
  /** The content both sides started from; null when unknown (then every difference is a conflict). */
  base: Report | null;
  mine: Report;
  /** The server's current content. */
  theirs: Report;
  /** Settles conflicts by key. An unsettled conflict takes the server's version, so nothing newer is overwritten. */
  choices?: Readonly<Record<string, MergeChoice>>;
}

export interface MergeReportsResult {
  report: Report;
  conflicts: MergeConflict[];
  /** Conflicts without a choice: the report must not be saved as "mine" until they are settled. */
  unresolved: MergeConflict[];
  /** This side's field suggestions left out because someone else's reached the same field first (shown, not saved). */
  setAsideSuggestions: FieldSuggestion[];
}

type Combine<T> = (mine: T, theirs: T) => T;
/** Merges a value both sides changed, or returns null when the changes collide. */
type Deep<T> = (base: T, mine: T, theirs: T) => T | null;

interface Context {
  hasBase: boolean;
  choices: Readonly<Record<string, MergeChoice>>;
  conflicts: MergeConflict[];
  setAsideSuggestions: FieldSuggestion[];
}

const REPORT_LABELS: Record<string, string> = {
  opening: "导语",
  openingPendingUpdates: "导语的待更新标记",
  closing: "结束语",
  templateId: "模板",
  schemaVersion: "格式版本",
};
const SECTION_FIELD_LABELS: Record<string, string> = { heading: "标题", lead: "导语", kind: "类别", leadPendingUpdates: "待更新标记" };
const INDICATOR_LABELS = new Map<string, string>(INDICATORS.map((indicator) => [indicator.id, indicator.label]));
const META_LABELS = new Map<string, string>(Object.entries(META_FIELD_LABELS));

/** Body blocks of mine, then those of theirs that mine lacks: both texts kept, mine first. */
export const combineDocs: Combine<RichDoc> = (mine, theirs) => {
  const blocks = [...(mine.content ?? [])];
  for (const block of theirs.content ?? []) if (!blocks.some((candidate) => same(candidate, block))) blocks.push(block);
  return { ...mine, content: blocks };
};
/** Bodies both sides changed merge block by block when they changed different paragraphs, lists or tables. */
const mergeDocBlocks: Deep<RichDoc> = (base, mine, theirs) => {
  const content = mergeBlocks(base.content ?? [], mine.content ?? [], theirs.content ?? []);
  return content ? { ...mine, content } : null;
};
const combineLines: Combine<string> = (mine, theirs) => (mine.includes(theirs) ? mine : theirs.includes(mine) ? theirs : `${mine}\n${theirs}`);
const combineInline: Combine<string> = (mine, theirs) => (mine.includes(theirs) ? mine : theirs.includes(mine) ? theirs : `${mine}／${theirs}`);

/**
 * Three-way merge of a report: what mine changed since the base and what theirs changed are both kept,
 * per meta field, part field, indicator, item field and commitment. Only a unit both sides changed to
 * different values is a conflict; it takes `choices[key]`, or else stays as the server has it.
 */
export function mergeReports({ base, mine, theirs, choices = {} }: MergeReportsInput): MergeReportsResult {
  const ctx: Context = { hasBase: base !== null, choices, conflicts: [], setAsideSuggestions: [] };
  const report = mergeTopLevel(ctx, base, mine, theirs);
  return {
    report,
    conflicts: ctx.conflicts,
    unresolved: ctx.conflicts.filter((conflict) => !conflict.choice),
    setAsideSuggestions: ctx.setAsideSuggestions,
  };
}

function mergeTopLevel(ctx: Context, base: Report | null, mine: Report, theirs: Report): Report {
  const result: Record<string, unknown> = {};
  for (const key of unionKeys(base, mine, theirs)) {
    if (key === "meta" || key === "sections" || key === "commitments") continue;
    // Suggestions on plain-text fields merge by id like the pending-update marks: two reviewers' lists both stay.
    if (key.endsWith("PendingUpdates") || key === "fieldSuggestions") {
      const merged = mergeKeyedSet(ctx.hasBase, field(base, key), field(mine, key), field(theirs, key));
      if (merged !== undefined && key === "fieldSuggestions") {
        // Two people suggested on one field at once: the field keeps one entry (settleFieldSuggestions).
        const { kept, setAside } = settleFieldSuggestions(merged as FieldSuggestion[], theirs.fieldSuggestions ?? []);
        ctx.setAsideSuggestions.push(...setAside);
        if (kept.length > 0) result[key] = kept;
      } else if (merged !== undefined) result[key] = merged;
      continue;
    }
    const isOpening = key === "opening";
    const combine = isOpening ? (combineDocs as Combine<unknown>) : key === "closing" ? (combineLines as Combine<unknown>) : undefined;
    const unit = new UnitMerge(ctx, `report:${key}`, "report", REPORT_LABELS[key] ?? key);
    result[key] = unit.field(field(base, key), field(mine, key), field(theirs, key), combine, isOpening ? (mergeDocBlocks as Deep<unknown>) : undefined);
    unit.finish(field(base, key), field(mine, key), field(theirs, key));
  }
  result.meta = mergeMeta(ctx, base?.meta, mine.meta, theirs.meta);
  result.sections = mergeSections(ctx, base, mine, theirs);
  result.commitments = mergeCommitments(ctx, base?.commitments ?? null, mine.commitments, theirs.commitments);
  // Every key of Report is set above from the three sides, which are Reports.
  const merged = result as Report;
  return same(merged, mine) ? mine : merged;
}

function mergeMeta(ctx: Context, base: Report["meta"] | undefined, mine: Report["meta"], theirs: Report["meta"]): Report["meta"] {
  const result: Record<string, unknown> = {};
  for (const key of unionKeys(base, mine, theirs)) {
    const unit = new UnitMerge(ctx, `meta:${key}`, "meta", `基本信息：${META_LABELS.get(key) ?? key}`);
    result[key] = unit.field(field(base, key), field(mine, key), field(theirs, key));
    unit.finish(field(base, key), field(mine, key), field(theirs, key));
  }
  return result as Report["meta"];
}

interface Placed<T> {
  value: T;
  sectionId: string;
}

function indexItems(report: Report | null): Map<string, Placed<ReportItem>> {
  const map = new Map<string, Placed<ReportItem>>();
  for (const section of report?.sections ?? []) for (const item of section.items) map.set(item.id, { value: item, sectionId: section.id });
  return map;
}

function sectionLabel(section: ReportSection): string {
  return section.heading || SECTION_KIND_LABELS[section.kind] || "（无标题的部分）";
}

function mergeSections(ctx: Context, base: Report | null, mine: Report, theirs: Report): ReportSection[] {
  const baseSections = new Map((base?.sections ?? []).map((section) => [section.id, section]));
  const mySections = new Map(mine.sections.map((section) => [section.id, section]));
  const theirSections = new Map(theirs.sections.map((section) => [section.id, section]));
  const ids = unionIds(base?.sections ?? [], mine.sections, theirs.sections);

  const merged = new Map<string, ReportSection>();
  for (const id of ids) {
    const [b, m, t] = [baseSections.get(id), mySections.get(id), theirSections.get(id)];
    const label = `部分“${sectionLabel((m ?? t ?? b)!)}”`;
    if (!mergePresence(ctx, `section:${id}`, "section", `${label}（一方删除、另一方修改）`, b, m, t, false)) continue;
    merged.set(id, m && t ? mergeSectionFields(ctx, b, m, t, label) : (m ?? t)!);
  }

  const items = mergeItems(ctx, base, mine, theirs);
  const order = mergeOrder(
    base ? base.sections.map((s) => s.id) : null,
    mine.sections.map((s) => s.id),
    theirs.sections.map((s) => s.id),
    new Set(merged.keys()),
  );
  const homeless: Array<Placed<ReportItem>> = [];
  const bySection = new Map<string, Array<Placed<ReportItem>>>();
  for (const placed of items.values()) {
    const target = merged.has(placed.sectionId) ? bySection : null;
    if (target) target.set(placed.sectionId, [...(target.get(placed.sectionId) ?? []), placed]);
    else homeless.push(placed);
  }
  // An item whose part was deleted still holds someone's text: it goes to the last part rather than away.
  const lastId = order[order.length - 1];
  if (lastId && homeless.length > 0) bySection.set(lastId, [...(bySection.get(lastId) ?? []), ...homeless]);

  const idsIn = (section: ReportSection | undefined) => (section ? section.items.map((item) => item.id) : []);
  return order.map((id) => {
    const section = merged.get(id)!;
    const members = bySection.get(id) ?? [];
    const keep = new Set(members.map((placed) => placed.value.id));
    const itemOrder = mergeOrder(ctx.hasBase ? idsIn(baseSections.get(id)) : null, idsIn(mySections.get(id)), idsIn(theirSections.get(id)), keep);
    for (const placed of members) if (!itemOrder.includes(placed.value.id)) itemOrder.push(placed.value.id);
    const nextItems = itemOrder.map((itemId) => items.get(itemId)!.value);
    const mineSection = mySections.get(id);
    if (mineSection && same(mineSection.items, nextItems) && same({ ...section, items: [] }, { ...mineSection, items: [] })) return mineSection;
    return { ...section, items: nextItems };
  });
}

function mergeSectionFields(ctx: Context, b: ReportSection | undefined, m: ReportSection, t: ReportSection, label: string): ReportSection {
  const result: Record<string, unknown> = {};
  for (const key of unionKeys(b, m, t)) {
    if (key === "items") continue;
    if (key === "indicators" || key === "previousIndicators") {
      result[key] = mergeRecord(ctx, `section:${m.id}:${key}`, label, field(b, key), field(m, key) ?? {}, field(t, key) ?? {});
      continue;
    }
    if (key === "leadPendingUpdates") {
      const merged = mergeKeyedSet(ctx.hasBase, field(b, key), field(m, key), field(t, key));
      if (merged !== undefined) result[key] = merged;
      continue;
    }
    const combine = key === "lead" ? (combineLines as Combine<unknown>) : undefined;
    const unit = new UnitMerge(ctx, `section:${m.id}:${key}`, "section", `${label}的${SECTION_FIELD_LABELS[key] ?? key}`);
    result[key] = unit.field(field(b, key), field(m, key), field(t, key), combine);
    unit.finish(field(b, key), field(m, key), field(t, key));
  }
  result.items = [];
  return result as ReportSection;
}

function mergeRecord(
  ctx: Context,
  keyPrefix: string,
  label: string,
  b: Record<string, unknown> | undefined,
  m: Record<string, unknown>,
  t: Record<string, unknown>,
) {
  const result: Record<string, unknown> = {};
  for (const key of unionKeys(b, m, t)) {
    const unit = new UnitMerge(ctx, `${keyPrefix}:${key}`, "section", `${label}的指标“${INDICATOR_LABELS.get(key) ?? key}”`);
    const value = unit.field(field(b, key), field(m, key), field(t, key));
    unit.finish(field(b, key), field(m, key), field(t, key));
    if (value !== undefined) result[key] = value;
  }
  return result;
}

function mergeItems(ctx: Context, base: Report | null, mine: Report, theirs: Report): Map<string, Placed<ReportItem>> {
  const [baseItems, myItems, theirItems] = [indexItems(base), indexItems(mine), indexItems(theirs)];
  const result = new Map<string, Placed<ReportItem>>();
  for (const id of unionIds([...baseItems.keys()], [...myItems.keys()], [...theirItems.keys()])) {
    const [b, m, t] = [baseItems.get(id), myItems.get(id), theirItems.get(id)];
    const heading = (m ?? t ?? b)!.value.heading.trim();
    const label = `条目“${heading || "（无标题）"}”`;
    if (!mergePresence(ctx, `item:${id}`, "item", label, b?.value, m?.value, t?.value, false)) continue;
    if (!m || !t) {
      result.set(id, (m ?? t)!);
      continue;
    }
    const unit = new UnitMerge(ctx, `item:${id}`, "item", label);
    const sectionId = unit.field(b?.sectionId, m.sectionId, t.sectionId);
    const item: Record<string, unknown> = {};
    for (const key of unionKeys(b?.value, m.value, t.value)) {
      const [bv, mv, tv] = [field(b?.value, key), field(m.value, key), field(t.value, key)];
      if (key === "pendingUpdates") item[key] = mergeKeyedSet(ctx.hasBase, bv, mv, tv) ?? [];
      else if (key === "body") item[key] = unit.field(bv, mv, tv, combineDocs as Combine<unknown>, mergeDocBlocks as Deep<unknown>);
      else if (key === "heading") item[key] = unit.field(bv, mv, tv, combineInline as Combine<unknown>);
      else item[key] = unit.field(bv, mv, tv);
    }
    unit.finish(b?.value, m.value, t.value);
    const value = same(item, m.value) ? m.value : (item as ReportItem);
    result.set(id, { value, sectionId: sectionId as string });
  }
  return result;
}

function mergeCommitments(ctx: Context, base: Commitment[] | null, mine: Commitment[], theirs: Commitment[]): Commitment[] {
  const index = (list: Commitment[] | null) => new Map((list ?? []).map((commitment) => [commitment.id, commitment]));
  const [baseMap, myMap, theirMap] = [index(base), index(mine), index(theirs)];
  const merged = new Map<string, Commitment>();
  for (const id of unionIds(base ?? [], mine, theirs)) {
    const [b, m, t] = [baseMap.get(id), myMap.get(id), theirMap.get(id)];
    const label = `承诺事项“${truncate((m ?? t ?? b)!.text, 20)}”`;
    if (!mergePresence(ctx, `commitment:${id}`, "commitment", label, b, m, t, false)) continue;
    if (!m || !t) {
      merged.set(id, (m ?? t)!);
      continue;
    }
    const unit = new UnitMerge(ctx, `commitment:${id}`, "commitment", label);
    const result: Record<string, unknown> = {};
    for (const key of unionKeys(b, m, t)) {
      const [bv, mv, tv] = [field(b, key), field(m, key), field(t, key)];
      if (key === "linkedItemIds") result[key] = mergeStringSet(ctx.hasBase, bv as string[] | undefined, (mv ?? []) as string[], (tv ?? []) as string[]);
      else if (key === "text" || key === "reason") result[key] = unit.field(bv, mv, tv, combineLines as Combine<unknown>);
      else result[key] = unit.field(bv, mv, tv);
    }
    unit.finish(b, m, t);
    merged.set(id, same(result, m) ? m : (result as Commitment));
  }
  const order = mergeOrder(
    base ? base.map((c) => c.id) : null,
    mine.map((c) => c.id),
    theirs.map((c) => c.id),
    new Set(merged.keys()),
  );
  const list = order.map((id) => merged.get(id)!);
  return same(list, mine) ? mine : list;
}

/**
 * Whether a keyed unit exists after the merge. Added by one side: kept. Deleted by one side and
 * untouched by the other: deleted. Deleted by one and changed by the other: a conflict.
 */
function mergePresence(ctx: Context, key: string, kind: ConflictKind, label: string, b: unknown, m: unknown, t: unknown, canKeepBoth: boolean): boolean {
  const [hasMine, hasTheirs] = [m !== undefined, t !== undefined];
  if (hasMine === hasTheirs) return hasMine;
  const present = hasMine ? m : t;
  if (ctx.hasBase && b === undefined) return true;
  if (ctx.hasBase && same(b, present)) return false;
  const choice = ctx.choices[key];
  ctx.conflicts.push({ key, kind, label, base: b, mine: m, theirs: t, canKeepBoth, choice });
  if (choice === "mine") return hasMine;
  if (choice === "both") return true;
  return hasTheirs;
}

/** Collects the field conflicts of one unit; they are settled together by the unit's choice. */
class UnitMerge {
  private conflicting: boolean[] = [];

  constructor(
    private readonly ctx: Context,
    private readonly key: string,
    private readonly kind: ConflictKind,
    private readonly label: string,
  ) {}

  field<T>(b: T | undefined, m: T, t: T, combine?: Combine<T>, deep?: Deep<T>): T {
    if (same(m, t)) return m;
    if (this.ctx.hasBase && same(b, m)) return t;
    if (this.ctx.hasBase && same(b, t)) return m;
    const merged = deep && this.ctx.hasBase && b !== undefined && m !== undefined && t !== undefined ? deep(b, m, t) : null;
    if (merged !== null) return merged;
    this.conflicting.push(Boolean(combine));
    const choice = this.ctx.choices[this.key];
    if (choice === "mine") return m;
    if (choice === "both") return combine && m !== undefined && t !== undefined ? combine(m, t) : m;
    return t;
  }

  finish(b: unknown, m: unknown, t: unknown) {
    if (this.conflicting.length === 0) return;
    const canKeepBoth = this.conflicting.every(Boolean);
    this.ctx.conflicts.push({
      key: this.key,
      kind: this.kind,
      label: this.label,
      base: b,
      mine: m,
      theirs: t,
      canKeepBoth,
      choice: this.ctx.choices[this.key],
    });
  }
}

/** Marks and links keyed by id: removals and additions of both sides are kept (no conflicts). */
function mergeKeyedSet<T extends { id: string }>(hasBase: boolean, b: T[] | undefined, m: T[] | undefined, t: T[] | undefined): T[] | undefined {
  if (m === undefined && t === undefined) return undefined;
  const [mine, theirs] = [m ?? [], t ?? []];
  const byId = new Map([...theirs, ...mine].map((entry) => [entry.id, entry]));
  const ids = mergeStringSet(
    hasBase,
    b?.map((entry) => entry.id),
    mine.map((entry) => entry.id),
    theirs.map((entry) => entry.id),
  );
  return ids.map((id) => byId.get(id)!);
}

function mergeStringSet(hasBase: boolean, b: string[] | undefined, m: string[], t: string[]): string[] {
  const base = new Set(hasBase ? (b ?? []) : []);
  const [mine, theirs] = [new Set(m), new Set(t)];
  const keep = new Set([...m, ...t].filter((id) => !hasBase || !base.has(id) || (mine.has(id) && theirs.has(id))));
  return mergeOrder(hasBase ? (b ?? []) : null, m, t, keep);
}

function unionIds(...lists: Array<ReadonlyArray<string | { id: string }>>): string[] {
  const ids = new Set<string>();
  for (const list of lists) for (const entry of list) ids.add(typeof entry === "string" ? entry : entry.id);
  return [...ids];
}

function unionKeys(...objects: Array<object | null | undefined>): string[] {
  const keys = new Set<string>();
  for (const object of objects) if (object) for (const key of Object.keys(object)) keys.add(key);
  return [...keys];
}

function field(object: object | null | undefined, key: string): never {
  // Reads a key of a report object generically; values flow back into the same shape.
  return (object ? (object as Record<string, unknown>)[key] : undefined) as never;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
