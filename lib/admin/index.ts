import "server-only";

export * from "./agency-profile";
export * from "./audit-csv";
export * from "./audit-labels";
export * from "./describe-audit-event";
export * from "./create-agency-user";
export * from "./create-child-agency";
export * from "./get-agency-member";
export * from "./list-audit-events";
export * from "./list-audit-report-titles";
export * from "./list-users";
export * from "./reset-password";
export * from "./set-user-active";
export * from "./update-agency-frame";
export * from "./update-user-roles";
