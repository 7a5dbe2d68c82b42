import path from "node:path";

import { env } from "@/lib/env";

/** Where fonts are looked for; relative paths resolve against the working directory (the repo root for npm scripts). */
export interface FontDirectories {
  /** The agency's licensed fonts. @default FONTS_DIR or "./fonts" */
  agencyDirectory: string;
  /** Open substitutes prepared by `npm run -s cli -- setup-fonts`. @default "<cwd>/.cache/fonts" */
  substituteDirectory: string;
}

/** Default font locations; FONTS_DIR comes from the validated env (lib/env.ts). */
export function defaultFontDirectories(): FontDirectories {
  return {
    agencyDirectory: path.resolve(env.FONTS_DIR),
    substituteDirectory: path.resolve(".cache", "fonts"),
  };
}
