import { createHash } from "node:crypto";
import path from "node:path";

import { SUBSTITUTE_FONTS, type FontRole } from "@/lib/fonts/font-roles";
import { readFontFile } from "@/lib/fonts/scan-font-directory";
import { subsetFont } from "@/lib/fonts/subset-font";

import type { RoleFonts } from "./fonts";

/**
 * Why the DOCX carries stand-in faces (tested in tests/integration/libreoffice-fonts.test.ts): LibreOffice 7.4
 * reads only the name and charset of a fontTable entry and ignores altName, panose1, family and sig; a missing
 * font goes to fontconfig by name and language alone, and a stock fontconfig sends 仿宋_GB2312, 楷体_GB2312, 黑体,
 * 方正小标宋简体 and 宋体 all to the one default CJK sans. An embedded font, however, is registered under the
 * fontTable name itself, so a subset of the open substitute (the same face the PDF uses) keeps each role apart.
 * Word and WPS map embedded fonts by the name inside the font ("FandolFang R"…), so on a machine with or without
 * the licensed fonts they lay out as before.
 */

/** One font to embed: the fontTable name it stands in for, the obfuscated .odttf bytes and its key. */
export interface EmbeddedFont {
  name: string;
  /** "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}", the w:fontKey. */
  key: string;
  bytes: Uint8Array;
}

/** The roles whose stand-in is embedded; Times New Roman needs none (LibreOffice uses Liberation Serif by itself). */
const EMBEDDED_ROLES = ["title", "heading1", "heading2", "body", "pageNumber"] as const satisfies readonly (keyof RoleFonts & FontRole)[];

/** A page field's digits are not in the XML: fonts used in a field get every digit. */
const FIELD_DIGITS = "0123456789";

const decode = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

const eastAsiaOf = (xml: string) => /<w:rFonts [^>]*w:eastAsia="([^"]+)"/.exec(xml)?.[1];

/** East Asian font of every paragraph style (following w:basedOn) and of the document defaults. */
function styleFonts(stylesXml: string): { defaultFont: string | undefined; byStyle: Map<string, string> } {
  const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(stylesXml)?.[0] ?? "";
  const own = new Map<string, { font?: string; basedOn?: string }>();
  for (const match of stylesXml.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>(.*?)<\/w:style>/gs)) {
    own.set(match[1]!, { font: eastAsiaOf(match[2]!), basedOn: /<w:basedOn w:val="([^"]+)"\/>/.exec(match[2]!)?.[1] });
  }
  const byStyle = new Map<string, string>();
  for (const id of own.keys()) {
    const seen = new Set<string>();
    for (let current: string | undefined = id; current && !seen.has(current); current = own.get(current)?.basedOn) {
      seen.add(current);
      const font = own.get(current)?.font;
      if (font) {
        byStyle.set(id, font);
        break;
      }
    }
  }
  return { defaultFont: eastAsiaOf(defaults), byStyle };
}

/**
 * The characters set in each East Asian font name, from the runs of the body, headers, footers and notes: a run's
 * own w:eastAsia, else its paragraph style's, else the document default. Deleted text counts (a tracked deletion
 * is shown).
 */
export function charactersByFont(parts: Record<string, string>): Map<string, Set<number>> {
  const { defaultFont, byStyle } = styleFonts(parts["word/styles.xml"] ?? "");
  const result = new Map<string, Set<number>>();
  const add = (font: string | undefined, text: string) => {
    if (!font || !text) return;
    const set = result.get(font) ?? new Set<number>();
    for (const character of text) set.add(character.codePointAt(0)!);
    result.set(font, set);
  };
  for (const [name, xml] of Object.entries(parts)) {
    if (!/^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(name)) continue;
    for (const paragraph of xml.matchAll(/<w:p(?:\s[^>]*)?>(.*?)<\/w:p>/gs)) {
      const body = paragraph[1]!;
      const styleId = /<w:pStyle w:val="([^"]+)"\/>/.exec(body)?.[1];
      const paragraphFont = (styleId && byStyle.get(styleId)) || defaultFont;
      for (const run of body.matchAll(/<w:r(?:\s[^>]*)?>(.*?)<\/w:r>/gs)) {
        const runXml = run[1]!;
        const font = eastAsiaOf(/<w:rPr>.*?<\/w:rPr>/s.exec(runXml)?.[0] ?? "") ?? paragraphFont;
        for (const text of runXml.matchAll(/<w:(?:t|delText)(?:\s[^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)) add(font, decode(text[1]!));
        if (runXml.includes("<w:instrText") || runXml.includes("<w:fldSimple")) add(font, FIELD_DIGITS);
      }
    }
  }
  return result;
}

/** A GUID made from the font bytes, so the same report always gives the same DOCX. */
function fontKey(name: string, bytes: Uint8Array): string {
  const hex = createHash("sha256").update(name).update(bytes).digest("hex").slice(0, 32).toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}

/**
 * ECMA-376 Part 1, 17.8.1 font obfuscation: the first 32 bytes XOR the key's 16 bytes taken from the end of the
 * GUID string backwards (the same operation undoes it).
 */
export function obfuscateFont(bytes: Uint8Array, key: string): Uint8Array {
  const hex = key.replace(/[{}-]/g, "");
  const keyBytes = Array.from({ length: 16 }, (_, index) => parseInt(hex.slice(30 - index * 2, 32 - index * 2), 16));
  const result = bytes.slice();
  for (let index = 0; index < Math.min(32, result.length); index++) result[index] = result[index]! ^ keyBytes[index % 16]!;
  return result;
}

/**
 * For each role's font name: the role's open substitute from `substituteDirectory` (setup-fonts), cut down to the
 * characters the document sets in that font, obfuscated. Roles whose substitute file is missing are left out.
 */
export function embeddedFonts(fonts: RoleFonts, characters: Map<string, Set<number>>, substituteDirectory: string): EmbeddedFont[] {
  const result: EmbeddedFont[] = [];
  for (const role of EMBEDDED_ROLES) {
    const name = fonts[role];
    const used = characters.get(name);
    if (!used || used.size === 0 || result.some((font) => font.name === name)) continue;
    const substitute = SUBSTITUTE_FONTS[role];
    const file = path.join(substituteDirectory, substitute.file);
    const face = readFontFile(file)?.faces.find((candidate) => candidate.typstFamily === substitute.family);
    if (!face) continue;
    const subset = subsetFont(file, face.index, used);
    if (!subset) continue;
    const key = fontKey(name, subset);
    result.push({ name, key, bytes: obfuscateFont(subset, key) });
  }
  return result;
}
