import type { Report, ReportLocation, ReportSection } from "@/lib/report-model";

import { bodyText } from "./body-text";

export interface FieldText {
  location: ReportLocation;
  text: string;
}

/** Prose fields of one section in reading order: heading, lead, then each item's heading and body. */
export function listSectionFields(section: ReportSection, sectionIndex: number): FieldText[] {
  const base = { sectionId: section.id, sectionKind: section.kind, sectionIndex };
  const fields: FieldText[] = [{ location: { field: "sectionHeading", ...base }, text: section.heading }];
  if (section.lead) fields.push({ location: { field: "lead", ...base }, text: section.lead });
  section.items.forEach((item, itemIndex) => {
    const itemBase = { ...base, itemId: item.id, itemIndex };
    fields.push({ location: { field: "itemHeading", ...itemBase }, text: item.heading });
    fields.push({ location: { field: "body", ...itemBase }, text: bodyText(item.body) });
  });
  return fields;
}

/** Every text field of the report that a finding can point into, in reading order. */
export function listFieldTexts(report: Report): FieldText[] {
  const fields: FieldText[] = [
    { location: { field: "title" }, text: report.meta.title },
    { location: { field: "mainRecipient" }, text: report.meta.mainRecipient },
    { location: { field: "opening" }, text: bodyText(report.opening) },
  ];
  report.sections.forEach((section, sectionIndex) => fields.push(...listSectionFields(section, sectionIndex)));
  fields.push({ location: { field: "signature" }, text: report.meta.signature });
  return fields;
}

/** Only the running text (opening, leads and bodies), where sentences and paragraphs live. */
export function listProseFields(report: Report): FieldText[] {
  return listFieldTexts(report).filter((field) => field.location.field === "opening" || field.location.field === "lead" || field.location.field === "body");
}

/** Lead and bodies of one section joined, for part-level measures (length, similarity). */
export function sectionProse(section: ReportSection): string {
  const parts = [section.lead];
  for (const item of section.items) parts.push(item.heading, bodyText(item.body));
  return parts.filter(Boolean).join("\n");
}
