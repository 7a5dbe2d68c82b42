import "server-only";

export * from "./record-audit-event";
