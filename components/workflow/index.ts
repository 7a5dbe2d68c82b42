export { AssignmentsPanel, type AssignmentsPanelProps } from "./assignments-panel";
export { CommentsPanel, type CommentsPanelProps } from "./comments-panel";
export { DeadlineBadges } from "./deadline-badges";
export { HistoryPanel, type HistoryPanelProps } from "./history-panel";
export { ReportWorkflowBar, type ReportWorkflowBarProps } from "./report-workflow-bar";
export { ReturnBanner } from "./return-banner";
export { RevisionDiffView } from "./revision-diff";
export { TrackedDocxPanel, type TrackedDocxPanelProps } from "./tracked-docx-panel";
export type { OutlineSection } from "./types";
