import { headingPrefix, listSuggestions, SECTION_KIND_LABELS, type Report, type SuggestionLocation } from "@/lib/report-model";

import type { ListedSuggestion } from "./suggestions-panel";

const META_LABELS = {
  agency: "机关名称",
  title: "标题",
  mainRecipient: "主送机关",
  copyTo: "抄送",
  signature: "署名",
  docNumber: "文号",
} as const;

/** The name of the place a suggestion sits in ("导语", "一、… （二）…", "标题", "二、部分标题"). */
export function suggestionPlace(report: Report, location: SuggestionLocation): string {
  if (location.field === "opening") return "导语";
  if (location.field === "meta") return META_LABELS[location.key];
  if (location.field === "closing") return "结束语";
  const sectionIndex = report.sections.findIndex((section) => section.id === location.sectionId);
  const section = report.sections[sectionIndex];
  if (!section) return "正文";
  const sectionName = `${headingPrefix(1, sectionIndex + 1)}${section.heading || SECTION_KIND_LABELS[section.kind]}`;
  if (location.field === "sectionHeading") return `${headingPrefix(1, sectionIndex + 1)}部分标题`;
  if (location.field === "sectionLead") return `${sectionName} 导语`;
  const itemIndex = section.items.findIndex((item) => item.id === location.itemId);
  const item = section.items[itemIndex];
  if (!item) return "正文";
  const itemName = `${headingPrefix(2, itemIndex + 1)}${item.heading || "（无标题条目）"}`;
  return location.field === "itemHeading" ? `${headingPrefix(2, itemIndex + 1)}条目标题` : itemName;
}

/** The report's suggestions with the name of the part each sits in. */
export function listSuggestionsWithPlace(report: Report): ListedSuggestion[] {
  return listSuggestions(report).map((suggestion) => ({ ...suggestion, place: suggestionPlace(report, suggestion.location) }));
}
