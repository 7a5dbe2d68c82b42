import type { Report, ReportTemplate, SectionKind } from "@/lib/report-model";

import { bodyText } from "./text/body-text";
import { countCharacters } from "./text/chars";
import type { Finding } from "./types";
import { validateReport } from "./validate-report";

export type SectionStatus = "complete" | "warnings" | "errors" | "empty";

export interface SectionCompleteness {
  kind: SectionKind;
  /** Absent when the report has no part of this kind. */
  sectionId?: string;
  isRequired: boolean;
  status: SectionStatus;
}

export interface Completeness {
  /** Required parts written and free of errors. */
  done: number;
  /** Required parts of the template. */
  total: number;
  perSection: SectionCompleteness[];
}

/**
 * The editor's meter and outline: one status per template part. Pass the findings of the last
 * validation run to avoid validating twice.
 */
export function completeness(report: Report, template: ReportTemplate, findings?: readonly Finding[]): Completeness {
  const allFindings = findings ?? validateReport(report, { template });
  const perSection = template.sections.map((expected): SectionCompleteness => {
    const section = report.sections.find((candidate) => candidate.kind === expected.kind);
    const base = { kind: expected.kind, isRequired: expected.isRequired };
    if (!section) return { ...base, status: "empty" };
    const isEmpty = countCharacters(section.lead) === 0 && section.items.every((item) => countCharacters(bodyText(item.body)) === 0);
    if (isEmpty) return { ...base, sectionId: section.id, status: "empty" };
    const own = allFindings.filter((finding) => finding.location.sectionId === section.id);
    const status: SectionStatus = own.some((finding) => finding.severity === "error")
      ? "errors"
      : own.some((finding) => finding.severity === "warning")
        ? "warnings"
        : "complete";
    return { ...base, sectionId: section.id, status };
  });
  // Optional parts (其他需要报告的情况) keep their status in the outline but do not count toward 必填部分.
  const required = perSection.filter((entry) => entry.isRequired);
  const done = required.filter((entry) => entry.status === "complete" || entry.status === "warnings").length;
  return { done, total: required.length, perSection };
}
