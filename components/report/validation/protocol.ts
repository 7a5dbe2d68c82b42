import type { Report } from "@/lib/report-model";

import type { EditorValidation, EditorValidationContext } from "./editor-validation";

/** Page → worker: the constant context once, then a report to check whenever typing pauses. */
export type ValidationRequest = { type: "context"; context: EditorValidationContext } | { type: "validate"; id: number; report: Report };

/** Worker → page: the result for request `id`, or why it failed. */
export type ValidationResponse = { id: number; result: EditorValidation } | { id: number; error: string };
