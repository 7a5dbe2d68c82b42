export * from "./agencies";
export * from "./audit";
export * from "./reports";
export * from "./users";
