import "server-only";

export * from "./create-report";
export * from "./errors";
export * from "./export-report";
export * from "./get-report";
export * from "./list-reports";
export * from "./save-report-content";
export * from "./submit-report";
export * from "./preview-report";
export * from "./import-report";
export * from "./display-name";
export * from "./resolve-suggestions";
export * from "./suggestion-rules";
export * from "./export-review-docx";
export * from "./import-tracked-docx";
export * from "./lock-report-row";
