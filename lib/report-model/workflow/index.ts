export * from "./assignment-scope";
export * from "./deadlines";
export * from "./document-date";
export * from "./drafting-year";
export * from "./status";
export * from "./transitions";
