import { GANGYAO_AREA_LABELS, GANGYAO_AREAS, SECTION_KIND_LABELS, type Report, type ReportTemplate } from "@/lib/report-model";
import { completeness, gangyaoCoverage } from "@/lib/validation";

export interface Gap {
  kind: "part" | "area";
  /** 主要举措和成效 / 行政决策制度体系 … */
  label: string;
  /** Agencies whose report lacks it. */
  agencyNames: string[];
}

export interface CommonGaps {
  /** Reports looked at (agencies without a report are not counted). */
  reportCount: number;
  gaps: Gap[];
}

/** What most reports lack: empty required parts and 纲要 areas the measures do not report on, most frequent first. */
export function findCommonGaps(reports: ReadonlyArray<{ agencyName: string; report: Report; template: ReportTemplate | null }>): CommonGaps {
  const parts = new Map<string, string[]>();
  const areas = new Map<string, string[]>();
  for (const { agencyName, report, template } of reports) {
    if (template) {
      for (const section of completeness(report, template).perSection) {
        if (!section.isRequired || section.status !== "empty") continue;
        const label = SECTION_KIND_LABELS[section.kind];
        parts.set(label, [...(parts.get(label) ?? []), agencyName]);
      }
    }
    const coverage = gangyaoCoverage(report);
    for (const area of GANGYAO_AREAS) {
      if (coverage[area].covered) continue;
      const label = GANGYAO_AREA_LABELS[area];
      areas.set(label, [...(areas.get(label) ?? []), agencyName]);
    }
  }
  const gaps: Gap[] = [
    ...[...parts].map(([label, agencyNames]): Gap => ({ kind: "part", label, agencyNames })),
    ...[...areas].map(([label, agencyNames]): Gap => ({ kind: "area", label, agencyNames })),
  ].sort((left, right) => right.agencyNames.length - left.agencyNames.length || (left.kind === right.kind ? 0 : left.kind === "part" ? -1 : 1));
  return { reportCount: reports.length, gaps };
}
