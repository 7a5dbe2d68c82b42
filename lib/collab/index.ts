export * from "./describe-conflict";
export * from "./merge-order";
export * from "./merge-report";
export * from "./same-json";
