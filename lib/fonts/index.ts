export * from "./check-glyph-coverage";
export * from "./font-directories";
export * from "./font-roles";
export * from "./resolve-fonts";
