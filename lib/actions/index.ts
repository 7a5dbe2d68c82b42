import "server-only";

export * from "./define-action";
