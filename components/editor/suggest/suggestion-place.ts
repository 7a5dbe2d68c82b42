import { headingPrefix, listSuggestions, type Report } from "@/lib/report-model";

import type { ListedSuggestion } from "./suggestions-panel";

/** The report's suggestions with the name of the part each sits in ("导语", "一、… （二）…"). */
export function listSuggestionsWithPlace(report: Report): ListedSuggestion[] {
  return listSuggestions(report).map((suggestion) => {
    const { location } = suggestion;
    if (location.field === "opening") return { ...suggestion, place: "导语" };
    const sectionIndex = report.sections.findIndex((section) => section.id === location.sectionId);
    const section = report.sections[sectionIndex];
    const itemIndex = section?.items.findIndex((item) => item.id === location.itemId) ?? -1;
    const item = section?.items[itemIndex];
    const place = section && item ? `${headingPrefix(2, itemIndex + 1)}${item.heading || "（无标题条目）"}` : "正文";
    return { ...suggestion, place };
  });
}
