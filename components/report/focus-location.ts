import type { ReportLocation } from "@/lib/report-model";

import { indicatorFieldId } from "./indicator-inputs";
import { itemHeadingId } from "./item-form";
import { metaFieldId } from "./meta-form";
import { sectionHeadingId, sectionLeadId } from "./section-form";

/** DOM id of the input showing `location` (bodies are handled by their editor). */
export function fieldDomId(location: ReportLocation): string | null {
  switch (location.field) {
    case "title":
    case "mainRecipient":
    case "signature":
      return metaFieldId(location.field);
    case "meta":
      return location.key ? metaFieldId(location.key) : metaFieldId("title");
    case "sectionHeading":
      return location.sectionId ? sectionHeadingId(location.sectionId) : null;
    case "lead":
      return location.sectionId ? sectionLeadId(location.sectionId) : null;
    case "itemHeading":
      return location.itemId ? itemHeadingId(location.itemId) : null;
    case "indicators":
      return location.sectionId && location.key
        ? indicatorFieldId(location.sectionId, location.key)
        : location.sectionId
          ? `section-${location.sectionId}`
          : null;
    case "commitments":
      return location.key ? `commitment-status-${location.key}` : "commitments";
    case "opening":
      return "report-opening";
    case "body":
      return location.itemId ? `item-${location.itemId}` : location.sectionId ? `section-${location.sectionId}` : null;
  }
}

/** Scrolls to and focuses an input, selecting `range` in it when given. */
export function focusField(id: string, range?: { from: number; to: number }): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  element.scrollIntoView?.({ block: "center", behavior: "smooth" });
  const target =
    element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement
      ? element
      : element.querySelector<HTMLElement>("input, textarea, select, [contenteditable=true], button");
  target?.focus({ preventScroll: true });
  if (range && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.type !== "number") {
    try {
      target.setSelectionRange(range.from, range.to);
    } catch {
      // Inputs of type date/number have no text selection.
    }
  }
  return true;
}
