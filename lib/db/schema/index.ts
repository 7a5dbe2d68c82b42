export * from "./agencies";
export * from "./assignments";
export * from "./audit";
export * from "./comments";
export * from "./notifications";
export * from "./reminders";
export * from "./reports";
export * from "./users";
