import "server-only";

export * from "./compare-report-revisions";
export * from "./get-revision";
export * from "./list-revisions";
export * from "./restore-revision";
export * from "./find-latest-revision";
