// Pure, client-safe parts only; server verbs are imported from "@/lib/collab/server".
export * from "./describe-conflict";
export * from "./merge-order";
export * from "./merge-report";
export * from "./presence-schema";
export * from "./same-json";
