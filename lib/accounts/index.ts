import "server-only";

export * from "./create-user";
export * from "./load-session-user";
export * from "./name-availability";
export * from "./rate-limit";
export * from "./setup-first-run";
export * from "./verify-credentials";
