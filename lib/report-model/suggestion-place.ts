import { SECTION_KIND_LABELS } from "./constants";
import type { SuggestibleFrameKey, SuggestibleMetaKey } from "./field-suggestions";
import { headingPrefix } from "./numerals";
import type { Report } from "./report";
import type { SuggestionLocation } from "./suggestions";

const META_LABELS: Record<SuggestibleMetaKey, string> = {
  agency: "机关名称",
  title: "标题",
  mainRecipient: "主送机关",
  copyTo: "抄送",
  signature: "署名",
  docNumber: "文号",
  date: "成文日期",
};

const FRAME_LABELS: Record<SuggestibleFrameKey, string> = {
  agencyMark: "发文机关标志",
  signer: "签发人",
  imprintAgency: "印发机关",
  imprintDate: "印发日期",
};

/** The name of the place a suggestion sits in: "导语", "（二）加强组织领导", "标题", "一、部分标题", "结束语"…. */
export function suggestionPlace(report: Report, location: SuggestionLocation): string {
  if (location.field === "opening") return "导语";
  if (location.field === "meta") return META_LABELS[location.key];
  if (location.field === "frame") return FRAME_LABELS[location.key];
  if (location.field === "closing") return "结束语";
  const sectionIndex = report.sections.findIndex((section) => section.id === location.sectionId);
  const section = report.sections[sectionIndex];
  if (!section) return "正文";
  const sectionPrefix = headingPrefix(1, sectionIndex + 1);
  if (location.field === "sectionHeading") return `${sectionPrefix}部分标题`;
  if (location.field === "sectionLead") return `${sectionPrefix}${section.heading || SECTION_KIND_LABELS[section.kind]} 导语`;
  const itemIndex = section.items.findIndex((item) => item.id === location.itemId);
  const item = section.items[itemIndex];
  if (!item) return "正文";
  const itemPrefix = headingPrefix(2, itemIndex + 1);
  return location.field === "itemHeading" ? `${itemPrefix}条目标题` : `${itemPrefix}${item.heading || "（无标题条目）"}`;
}
