export * from "./agencies";
export * from "./assignments";
export * from "./audit";
export * from "./comments";
export * from "./reports";
export * from "./users";
