import { docToText, SECTION_KIND_LABELS, sectionText, type IndicatorValues, type Report, type ReportSection, type SectionKind } from "@/lib/report-model";
import { textSimilarity } from "@/lib/text/similarity";

import { pairItems } from "./pair-items";
import { diffSimilarity, diffText, type DiffOp } from "./text-diff";

export interface ItemComparison {
  previousItemId: string | null;
  currentItemId: string | null;
  previousHeading: string;
  currentHeading: string;
  /** How alike the headings are (what paired them), 0…1. */
  headingSimilarity: number;
  /** Shared wording of the bodies (bigram overlap), 0…1; 0 when one side is missing. */
  bodySimilarity: number;
}

export interface IndicatorChange {
  id: string;
  before: number | null;
  after: number | null;
}

export interface SectionComparison {
  kind: SectionKind;
  /** Statutory name of the part, e.g. 主要举措和成效. */
  label: string;
  previousSectionId: string | null;
  currentSectionId: string | null;
  previousHeading: string;
  currentHeading: string;
  /** Character diff of the part's plain text (lead, item headings and bodies). */
  diff: DiffOp[];
  /** Share of the part's text left unchanged, 0…1. */
  similarity: number;
  items: ItemComparison[];
  indicatorChanges: IndicatorChange[];
}

/** Each part of this year's report beside last year's part of the same kind (in order within a kind). */
export function compareReports(previous: Report, current: Report): SectionComparison[] {
  return pairSections(previous.sections, current.sections, false).map(([before, after]) => compareSections(before, after));
}

/** Sections paired by id (when `isSameReport`), then by kind in order; unpaired old parts follow. */
export function pairSections(
  previous: readonly ReportSection[],
  current: readonly ReportSection[],
  isSameReport: boolean,
): Array<[ReportSection | null, ReportSection | null]> {
  const used = new Set<ReportSection>();
  const partners = new Map<ReportSection, ReportSection>();
  if (isSameReport) {
    for (const section of current) {
      const match = previous.find((candidate) => candidate.id === section.id);
      if (match) partners.set(section, match);
      if (match) used.add(match);
    }
  }
  for (const section of current) {
    if (partners.has(section)) continue;
    const match = previous.find((candidate) => candidate.kind === section.kind && !used.has(candidate));
    if (match) {
      partners.set(section, match);
      used.add(match);
    }
  }
  const pairs: Array<[ReportSection | null, ReportSection | null]> = current.map((section) => [partners.get(section) ?? null, section]);
  for (const section of previous) if (!used.has(section)) pairs.push([section, null]);
  return pairs;
}

export function compareSections(previous: ReportSection | null, current: ReportSection | null): SectionComparison {
  const section = (current ?? previous)!;
  const diff = diffText(previous ? sectionText(previous) : "", current ? sectionText(current) : "");
  return {
    kind: section.kind,
    label: SECTION_KIND_LABELS[section.kind],
    previousSectionId: previous?.id ?? null,
    currentSectionId: current?.id ?? null,
    previousHeading: previous?.heading ?? "",
    currentHeading: current?.heading ?? "",
    diff,
    similarity: diffSimilarity(diff),
    items: pairItems(previous?.items ?? [], current?.items ?? []).map((pair) => ({
      previousItemId: pair.previous?.id ?? null,
      currentItemId: pair.current?.id ?? null,
      previousHeading: pair.previous?.heading ?? "",
      currentHeading: pair.current?.heading ?? "",
      headingSimilarity: pair.score,
      bodySimilarity: pair.previous && pair.current ? textSimilarity(docToText(pair.previous.body), docToText(pair.current.body), { numbers: "ignore" }) : 0,
    })),
    indicatorChanges: compareIndicators(previous?.indicators ?? {}, current?.indicators ?? {}),
  };
}

function compareIndicators(before: IndicatorValues, after: IndicatorValues): IndicatorChange[] {
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return ids.map((id) => ({ id, before: before[id] ?? null, after: after[id] ?? null })).filter((change) => change.before !== change.after);
}
