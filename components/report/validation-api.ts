// The one place the workspace reaches into lib/validation, so a change of its surface is fixed here. Only the
// light helpers are imported, each from its own file: the rules and the lexicon run in the validation worker
// (validation/validation.worker.ts) and never load into the page.
export { applyFix } from "@/lib/validation/apply-fix";
export { describeLocation } from "@/lib/validation/describe-location";
export { gangyaoCoverage } from "@/lib/validation/gangyao-coverage";
export { summarizeFindings } from "@/lib/validation/summarize-findings";
export type { Completeness, SectionCompleteness, SectionStatus } from "@/lib/validation/completeness";
export type { Finding, Fix, Severity, TextEdit } from "@/lib/validation/types";
