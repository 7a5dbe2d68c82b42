import type { ReportStatus } from "../constants";

/** States in which the content may change (drafting, or returned for changes). */
export const EDITABLE_STATUSES = ["draft", "returned"] as const satisfies readonly ReportStatus[];
/** States after sign-off: the text is final, the submission deadline is met, exports are the official copy. */
export const SIGNED_STATUSES = ["signed", "published"] as const satisfies readonly ReportStatus[];

export const isEditableStatus = (status: string): boolean => (EDITABLE_STATUSES as readonly string[]).includes(status);
export const isSignedStatus = (status: string): boolean => (SIGNED_STATUSES as readonly string[]).includes(status);
