import { reportSchema, type Report, type ReportSection } from "../report";
import { isSameJson } from "../same-json";

/** A part (itemId null) or one item a contributor may change. */
export interface AssignmentScope {
  sectionId: string;
  itemId: string | null;
}

/**
 * Names the first thing changed outside the scopes, or null when every change is inside them.
 * Both reports are normalised first, so stored (jsonb-ordered) and submitted content compare equal.
 */
export function findChangeOutsideScope(beforeInput: Report, afterInput: Report, scopes: readonly AssignmentScope[]): string | null {
  const before = reportSchema.parse(beforeInput);
  const after = reportSchema.parse(afterInput);
  if (before.templateId !== after.templateId || !isSameJson(before.meta, after.meta)) return "报告基本信息（标题、主送机关、署名等）";
  if (!isSameJson(before.commitments, after.commitments)) return "承诺事项清单";
  if (!sameIds(before.sections, after.sections)) return "报告各部分的构成和顺序";
  for (const [index, section] of after.sections.entries()) {
    const previous = before.sections[index]!;
    if (scopes.some((scope) => scope.sectionId === section.id && scope.itemId === null)) continue;
    const name = previous.heading || "（无标题部分）";
    if (!isSameJson(withoutItems(previous), withoutItems(section))) return `“${name}”部分的标题、导语或指标`;
    if (!sameIds(previous.items, section.items)) return `“${name}”部分的条目构成`;
    for (const [itemIndex, item] of section.items.entries()) {
      const previousItem = previous.items[itemIndex]!;
      if (scopes.some((scope) => scope.sectionId === section.id && scope.itemId === item.id)) continue;
      if (!isSameJson(previousItem, item)) return `“${previousItem.heading || name}”`;
    }
  }
  return null;
}

function withoutItems(section: ReportSection): Omit<ReportSection, "items"> {
  const { items: _items, ...rest } = section;
  return rest;
}

function sameIds(before: ReadonlyArray<{ id: string }>, after: ReadonlyArray<{ id: string }>): boolean {
  return before.length === after.length && before.every((entry, index) => entry.id === after[index]!.id);
}
