import "server-only";

export * from "./presence-registry";
export * from "./touch-presence";
