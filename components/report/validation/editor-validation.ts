// What the editor shows from one validation run: the findings and the parts' completeness computed from them.
// Runs in the validation worker, on the server for the first paint, and in the page only where no worker exists.
import type { Report, ReportTemplate } from "@/lib/report-model";
import { completeness, validateReport, type Completeness, type Finding } from "@/lib/validation";

export interface EditorValidation {
  findings: Finding[];
  progress: Completeness;
}

export interface EditorValidationContext {
  template: ReportTemplate;
  previous: Report | null;
}

export function validateForEditor(report: Report, context: EditorValidationContext): EditorValidation {
  const findings = validateReport(report, { template: context.template, previous: context.previous ?? undefined });
  return { findings, progress: completeness(report, context.template, findings) };
}
