import path from "node:path";

import {
  FONT_NAME_ALIASES,
  FONT_ROLES,
  REQUESTED_FONTS,
  ROLE_NAME_PATTERNS,
  SUBSTITUTE_EXTRA_FILES,
  SUBSTITUTE_FONTS,
  normalizeFontName,
  type FontNameProfile,
  type FontRole,
} from "./font-roles";
import type { CodePointRanges } from "./parse-cmap";
import type { SfntFace } from "./parse-sfnt";
import { readFontFile, scanFontDirectoryReport, type FontFile } from "./scan-font-directory";

export interface ResolvedFont {
  role: FontRole;
  /** The font the document asks for, e.g. "仿宋_GB2312". */
  requested: string;
  /** The family name to give Typst. */
  family: string;
  weight: number;
  /** The family has a real bold face; otherwise bold is drawn with a stroke. */
  hasBold: boolean;
  files: string[];
  coverage: CodePointRanges;
  isSubstitute: boolean;
}

export interface FontSubstitution {
  role: FontRole;
  requested: string;
  used: string;
}

export interface FontResolution {
  fonts: Partial<Record<FontRole, ResolvedFont>>;
  /** Every file to load, without duplicates. */
  files: string[];
  substitutions: FontSubstitution[];
  missingRoles: FontRole[];
  /** Files in the agency's font folder that could not be read; the export names them. */
  unreadableFiles: string[];
}

export interface ResolveFontsOptions {
  profile: FontNameProfile;
  /** The agency's licensed fonts (FONTS_DIR). */
  agencyDirectory: string;
  /** The open substitutes prepared by setup-fonts (`.cache/fonts`). */
  substituteDirectory: string;
}

/** 3 = file named after the role ("body.ttf"), 2 = the requested font, 1 = a font of the same kind, 0 = no fit. */
function scoreFace(role: FontRole, requested: string, file: FontFile, face: SfntFace): number {
  const stem = path.basename(file.path, path.extname(file.path));
  if (normalizeFontName(stem) === role.toLowerCase()) return 3;
  const names = face.names.map(normalizeFontName);
  const wanted = [normalizeFontName(requested), ...(FONT_NAME_ALIASES[normalizeFontName(requested)] ?? [])];
  if (names.some((name) => wanted.includes(name))) return 2;
  const { match, exclude } = ROLE_NAME_PATTERNS[role];
  return names.some((name) => match.test(name) && !exclude?.test(name)) ? 1 : 0;
}

function familyFiles(files: FontFile[], family: string): { files: string[]; hasBold: boolean } {
  const members = files.filter((file) => file.faces.some((face) => face.typstFamily === family));
  const hasBold = members.some((file) => file.faces.some((face) => face.typstFamily === family && face.weight >= 600));
  return { files: members.map((file) => file.path), hasBold };
}

function findAgencyFont(role: FontRole, requested: string, files: FontFile[]): ResolvedFont | undefined {
  let best: { score: number; face: SfntFace } | undefined;
  for (const file of files) {
    for (const face of file.faces) {
      const score = scoreFace(role, requested, file, face);
      const isCloserToRegular = best && score === best.score && Math.abs(face.weight - 400) < Math.abs(best.face.weight - 400);
      if (score > 0 && (!best || score > best.score || isCloserToRegular)) best = { score, face };
    }
  }
  if (!best) return undefined;
  const family = familyFiles(files, best.face.typstFamily);
  return { role, requested, family: best.face.typstFamily, weight: best.face.weight, ...family, coverage: best.face.coverage, isSubstitute: false };
}

function findSubstitute(role: FontRole, requested: string, directory: string): ResolvedFont | undefined {
  const substitute = SUBSTITUTE_FONTS[role];
  const file = readFontFile(path.join(directory, substitute.file));
  const face = file?.faces.find((candidate) => candidate.typstFamily === substitute.family);
  if (!file || !face) return undefined;
  const extras = (SUBSTITUTE_EXTRA_FILES[role] ?? []).map((name) => readFontFile(path.join(directory, name))).filter((extra) => extra !== undefined);
  const hasBold = face.weight >= 600 || extras.some((extra) => extra.faces.some((candidate) => candidate.weight >= 600));
  return {
    role,
    requested,
    family: face.typstFamily,
    weight: face.weight,
    hasBold,
    files: [file.path, ...extras.map((extra) => extra.path)],
    coverage: face.coverage,
    isSubstitute: true,
  };
}

/** Per role: the agency's own font when one fits, else the open substitute, else the role is missing. */
export function resolveFonts({ profile, agencyDirectory, substituteDirectory }: ResolveFontsOptions): FontResolution {
  const { files: agencyFiles, unreadable } = scanFontDirectoryReport(agencyDirectory);
  const resolution: FontResolution = { fonts: {}, files: [], substitutions: [], missingRoles: [], unreadableFiles: unreadable };
  for (const role of FONT_ROLES) {
    const requested = REQUESTED_FONTS[profile][role];
    const font = findAgencyFont(role, requested, agencyFiles) ?? findSubstitute(role, requested, substituteDirectory);
    if (!font) {
      resolution.missingRoles.push(role);
      continue;
    }
    resolution.fonts[role] = font;
    if (font.isSubstitute) resolution.substitutions.push({ role, requested, used: font.family });
    for (const file of font.files) if (!resolution.files.includes(file)) resolution.files.push(file);
  }
  return resolution;
}
