import { SECTION_KINDS, SECTION_KIND_LABELS, type SectionKind, type TemplateSection } from "@/lib/report-model";

import type { ValidationContext } from "./types";

// Without a template, the five statutory parts apply; only 其他需要报告的情况 may be left out.
const STATUTORY_SECTIONS: TemplateSection[] = SECTION_KINDS.map((kind) => ({
  kind,
  headingPattern: SECTION_KIND_LABELS[kind],
  isRequired: kind !== "other",
  guidance: SECTION_KIND_LABELS[kind],
  minLength: 0,
  suggestedItems: [],
  indicators: [],
  requiredIndicators: [],
  shouldPrintIndicatorTable: false,
}));

/** The parts the report is checked against: the template's, or the statutory five. */
export function expectedSections(context: ValidationContext): TemplateSection[] {
  return context.template?.sections ?? STATUTORY_SECTIONS;
}

export function expectedSection(context: ValidationContext, kind: SectionKind): TemplateSection | undefined {
  return expectedSections(context).find((section) => section.kind === kind);
}
