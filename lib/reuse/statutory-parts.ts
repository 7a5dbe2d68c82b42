import {
  emptyDoc,
  fillPattern,
  newId,
  SECTION_KIND_LABELS,
  SECTION_KINDS,
  toChineseNumeral,
  type Report,
  type ReportItem,
  type ReportSection,
  type ReportTemplate,
  type SectionKind,
  type TemplateSection,
} from "@/lib/report-model";

// Without a template, the statutory five apply (法治政府建设与责任落实督察工作规定); only 其他 is optional.
const FALLBACK_SECTIONS: TemplateSection[] = SECTION_KINDS.map((kind) => ({
  kind,
  headingPattern: SECTION_KIND_LABELS[kind],
  isRequired: kind !== "other",
  guidance: `本部分报告“${SECTION_KIND_LABELS[kind]}”。`,
  minLength: 0,
  suggestedItems: [],
  indicators: [],
  requiredIndicators: [],
  shouldPrintIndicatorTable: false,
}));

/** The template's parts in canonical order, or the statutory five when the template is unknown. */
export function templateSectionsOf(template: ReportTemplate | null | undefined): TemplateSection[] {
  return template?.sections ?? FALLBACK_SECTIONS;
}

/** Whether a part of this kind must be in the report (a required part of the template). */
export function isStatutoryKind(kind: SectionKind, template: ReportTemplate | null | undefined): boolean {
  return templateSectionsOf(template).some((section) => section.kind === kind && section.isRequired);
}

/**
 * Whether the official may remove this part: optional kinds always; a statutory kind only when another
 * part of the same kind remains, so the report never loses a statutory part.
 */
export function canRemoveSection(report: Report, sectionId: string, template: ReportTemplate | null | undefined): boolean {
  const section = report.sections.find((candidate) => candidate.id === sectionId);
  if (!section) return false;
  if (!isStatutoryKind(section.kind, template)) return true;
  return report.sections.some((other) => other.id !== sectionId && other.kind === section.kind);
}

/** Required parts of the template the report lacks, in template order. */
export function findMissingStatutorySections(report: Report, template: ReportTemplate | null | undefined): TemplateSection[] {
  const present = new Set(report.sections.map((section) => section.kind));
  return templateSectionsOf(template).filter((section) => section.isRequired && !present.has(section.kind));
}

/** An empty part as the template defines it: its heading for the report's year and its suggested items. */
export function createSectionFromTemplate(templateSection: TemplateSection, report: Pick<Report, "meta">): ReportSection {
  const values = { agency: report.meta.agency, year: report.meta.year };
  const items: ReportItem[] = templateSection.suggestedItems.map((item) => ({
    id: newId("i"),
    heading: fillPattern(item.heading, values),
    body: emptyDoc(),
    isRunIn: false,
    area: item.area ?? null,
    pendingUpdates: [],
  }));
  return {
    id: newId("s"),
    kind: templateSection.kind,
    heading: fillPattern(templateSection.headingPattern, values),
    lead: "",
    items: items.length > 0 ? items : [{ id: newId("i"), heading: "", body: emptyDoc(), isRunIn: false, area: null, pendingUpdates: [] }],
    indicators: Object.fromEntries(templateSection.indicators.map((id) => [id, null])),
    previousIndicators: {},
  };
}

/**
 * Where a part of `kind` belongs: before the first part that comes later in the template's order
 * (parts of unknown order count as last), else at the end.
 */
export function canonicalIndex(sections: readonly ReportSection[], kind: SectionKind, template: ReportTemplate | null | undefined): number {
  const order = templateSectionsOf(template).map((section) => section.kind);
  const rank = (candidate: SectionKind) => {
    const index = order.indexOf(candidate);
    return index < 0 ? order.length : index;
  };
  const index = sections.findIndex((section) => rank(section.kind) > rank(kind));
  return index < 0 ? sections.length : index;
}

/** Inserts `section` at its canonical place; returns a new report. */
export function insertSectionInOrder(report: Report, section: ReportSection, template: ReportTemplate | null | undefined): Report {
  const sections = report.sections.slice();
  sections.splice(canonicalIndex(sections, section.kind, template), 0, section);
  return { ...report, sections };
}

export interface AddedPart {
  kind: SectionKind;
  heading: string;
  /** Position in the resulting report, from 0. */
  index: number;
}

export interface AddStatutoryPartsResult {
  report: Report;
  added: AddedPart[];
}

/**
 * Adds every statutory part the report lacks, empty, at the template's position, with the template's
 * heading and suggested items (the editor shows the template's guidance for the part). Pure.
 */
export function addMissingStatutoryParts(report: Report, template: ReportTemplate | null | undefined): AddStatutoryPartsResult {
  const missing = findMissingStatutorySections(report, template);
  if (missing.length === 0) return { report, added: [] };
  let next = report;
  const created: ReportSection[] = [];
  for (const templateSection of missing) {
    const section = createSectionFromTemplate(templateSection, report);
    created.push(section);
    next = insertSectionInOrder(next, section, template);
  }
  const added = created.map((section) => ({ kind: section.kind, heading: section.heading, index: next.sections.indexOf(section) }));
  return { report: next, added };
}

/** One line per added part, in Chinese, for the import log and the roll-forward summary. */
export function describeAddedParts(added: readonly AddedPart[]): string[] {
  return added.map(
    (part) =>
      `原报告缺少法定部分“${SECTION_KIND_LABELS[part.kind]}”，已按模板补充为第${toChineseNumeral(part.index + 1)}部分“${part.heading}”（空白，请按填写指引补写）。`,
  );
}
