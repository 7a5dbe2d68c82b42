export * from "./require-user";
export type { SessionUser } from "./session-user";
