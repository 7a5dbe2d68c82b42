import "server-only";

export * from "./backup-format";
export * from "./create-backup";
export * from "./restore-backup";
