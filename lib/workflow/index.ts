import "server-only";

export * from "./assert-can";
export * from "./assert-within-assignments";
export * from "./create-assignment";
export * from "./create-comment-thread";
export * from "./delete-assignment";
export * from "./find-error-findings";
export * from "./find-return-notice";
export * from "./find-thread";
export * from "./list-assignments";
export * from "./list-comment-threads";
export * from "./list-my-tasks";
export * from "./list-supervision-tasks";
export * from "./reply-to-thread";
export * from "./set-thread-resolved";
export * from "./transition-report";
export * from "./update-assignment";
export * from "./get-report-review";
