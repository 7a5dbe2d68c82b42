import type { SectionKind } from "./constants";
import type { Report } from "./report";
import { docToText } from "./rich-text";

/** Which text of the report a location points into. */
export type TextField = "title" | "mainRecipient" | "signature" | "opening" | "sectionHeading" | "lead" | "itemHeading" | "body";

/** Where in the report a finding or a piece of text sits; `range` is a character range in that field's plain text. */
export interface ReportLocation {
  field: TextField | "meta" | "indicators" | "commitments";
  /** Meta field name when field is "meta", indicator id when field is "indicators". */
  key?: string;
  sectionId?: string;
  sectionKind?: SectionKind;
  sectionIndex?: number;
  itemId?: string;
  itemIndex?: number;
  range?: { from: number; to: number };
}

export interface TextSegment {
  location: ReportLocation;
  text: string;
}

/** Every piece of text of a report, in reading order, with its location. */
export function listTextSegments(report: Report): TextSegment[] {
  const segments: TextSegment[] = [
    { location: { field: "title" }, text: report.meta.title },
    { location: { field: "mainRecipient" }, text: report.meta.mainRecipient },
  ];
  report.sections.forEach((section, sectionIndex) => {
    const base = { sectionId: section.id, sectionKind: section.kind, sectionIndex };
    segments.push({ location: { field: "sectionHeading", ...base }, text: section.heading });
    if (section.lead) segments.push({ location: { field: "lead", ...base }, text: section.lead });
    section.items.forEach((item, itemIndex) => {
      const itemBase = { ...base, itemId: item.id, itemIndex };
      segments.push({ location: { field: "itemHeading", ...itemBase }, text: item.heading });
      segments.push({ location: { field: "body", ...itemBase }, text: docToText(item.body) });
    });
  });
  segments.push({ location: { field: "signature" }, text: report.meta.signature });
  return segments;
}

/** Plain text of a whole section (lead, item headings and bodies). */
export function sectionText(section: Report["sections"][number]): string {
  const parts = [section.lead];
  for (const item of section.items) parts.push(item.heading, docToText(item.body));
  return parts.filter(Boolean).join("\n");
}
