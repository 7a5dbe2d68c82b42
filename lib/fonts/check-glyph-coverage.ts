import { FONT_ROLE_LABELS, type FontRole } from "./font-roles";
import { coversCodePoint } from "./parse-cmap";
import type { FontResolution } from "./resolve-fonts";

export interface MissingGlyphs {
  role: FontRole;
  family: string;
  characters: string[];
  /** Characters no loaded font has at all: they would print as empty boxes. */
  uncoveredEverywhere: string[];
}

// Typst's "latin-in-cjk" coverage sends these to the Latin font; everything else goes to the CJK face.
const isLatinRange = (codePoint: number) => codePoint < 0x2000 && codePoint !== 0x00b7;
const isInvisible = (char: string) => /[\s\u200b-\u200f\u2060\ufeff]/u.test(char);

/** Characters of each role's text that the role's font cannot draw. */
export function findMissingGlyphs(textByRole: Partial<Record<FontRole, string>>, resolution: FontResolution): MissingGlyphs[] {
  const latin = resolution.fonts.latin;
  const allFonts = Object.values(resolution.fonts);
  const result: MissingGlyphs[] = [];
  for (const [role, text] of Object.entries(textByRole) as Array<[FontRole, string]>) {
    const font = resolution.fonts[role];
    if (!font || !text) continue;
    const missing = new Set<string>();
    for (const char of text) {
      if (isInvisible(char) || missing.has(char)) continue;
      const codePoint = char.codePointAt(0)!;
      const isCovered =
        coversCodePoint(font.coverage, codePoint) || (latin !== undefined && isLatinRange(codePoint) && coversCodePoint(latin.coverage, codePoint));
      if (!isCovered) missing.add(char);
    }
    if (missing.size === 0) continue;
    const characters = [...missing];
    const uncoveredEverywhere = characters.filter((char) => !allFonts.some((other) => coversCodePoint(other.coverage, char.codePointAt(0)!)));
    result.push({ role, family: font.family, characters, uncoveredEverywhere });
  }
  return result;
}

/** One Chinese warning per role, naming the characters. */
export function formatMissingGlyphs(missing: MissingGlyphs): string {
  const label = FONT_ROLE_LABELS[missing.role];
  const listed = missing.characters.slice(0, 30).join("");
  const more = missing.characters.length > 30 ? `等${missing.characters.length}个字符` : "";
  const empty =
    missing.uncoveredEverywhere.length > 0
      ? `；其中“${missing.uncoveredEverywhere.slice(0, 30).join("")}”在所有已加载字体中都没有，可能显示为空框，请改用常用字或安装含这些字的字体`
      : "，已改用其他字体显示";
  return `${label}字体 ${missing.family} 缺少字符“${listed}”${more}${empty}。`;
}
