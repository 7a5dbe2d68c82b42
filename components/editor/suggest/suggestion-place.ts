import { listSuggestions, suggestionPlace, type Report } from "@/lib/report-model";

import type { ListedSuggestion } from "./suggestions-panel";

/** The report's suggestions with the name of the part each sits in ("导语", "（二）…", "标题", "一、部分标题"). */
export function listSuggestionsWithPlace(report: Report): ListedSuggestion[] {
  return listSuggestions(report).map((suggestion) => ({ ...suggestion, place: suggestionPlace(report, suggestion.location) }));
}
