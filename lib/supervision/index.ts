export * from "./find-supervised-report";
export * from "./list-subordinate-agencies";
export * from "./list-supervised-reports";
