import "server-only";

export * from "./list-notifications";
export * from "./notify-comment";
export * from "./notify-transition";
export * from "./notify-users";
export * from "./send-mail";
