export interface SubstituteFontGroup {
  name: string;
  debianPackage: string;
  directory: string;
  files: string[];
  elsewhere: string;
}

export declare const SUBSTITUTE_FONT_GROUPS: SubstituteFontGroup[];

export interface SetupSubstituteFontsOptions {
  /** Usually `<repo>/.cache/fonts`. */
  cacheDirectory: string;
  log?: (line: string) => void;
}

/** Returns the file names still missing after the set-up (empty when everything is in place). */
export declare function setupSubstituteFonts(options: SetupSubstituteFontsOptions): { cacheDirectory: string; missing: string[] };
