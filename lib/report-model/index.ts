export * from "./constants";
export * from "./indicators";
export * from "./numerals";
export * from "./report";
export * from "./rich-text";
export * from "./template";
export * from "./walk";
export * from "./limits";
