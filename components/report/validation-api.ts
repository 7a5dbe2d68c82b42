// The one place the workspace reaches into lib/validation, so a change of its surface is fixed here.
export { applyFix, completeness, describeLocation, gangyaoCoverage, summarizeFindings, validateReport } from "@/lib/validation";
export type { Finding, Fix, Severity, TextEdit } from "@/lib/validation/types";
