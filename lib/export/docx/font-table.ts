import path from "node:path";

import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

import { charactersByFont, embeddedFonts, type EmbeddedFont } from "./font-embed";
import { LATIN_FONT, type RoleFonts } from "./fonts";

/** What a layout engine needs to stand in for a font it does not have (ECMA-376 17.8.3). */
interface FontEntry {
  /** Alternative (usually the English) name that a substitute may carry. */
  altName: string;
  /** 86 = GB2312 (Simplified Chinese), 00 = ANSI. */
  charset: "86" | "00";
  /** roman = serif (宋/仿宋/楷/小标宋), swiss = sans (黑体), modern = fixed pitch. */
  family: "roman" | "swiss" | "modern" | "script" | "auto";
  pitch: "fixed" | "variable";
  /** PANOSE-1 classification as Word writes it for the font. */
  panose: string;
}

/**
 * The GB2312 and Windows 公文 faces with the alternative names, charset, family and PANOSE that Word writes for
 * them. The family keeps the roles apart where a font is missing: a serif Song-style stand-in for 仿宋, 楷体, 宋体 and
 * 小标宋, a sans one for 黑体 (LibreOffice, WPS and Word fall back by family and PANOSE).
 */
const FONT_ENTRIES: Record<string, FontEntry> = {
  仿宋_GB2312: { altName: "FangSong_GB2312", charset: "86", family: "roman", pitch: "fixed", panose: "02010609030101010101" },
  仿宋: { altName: "FangSong", charset: "86", family: "roman", pitch: "fixed", panose: "02010609060101010101" },
  楷体_GB2312: { altName: "KaiTi_GB2312", charset: "86", family: "script", pitch: "fixed", panose: "02010609030101010101" },
  楷体: { altName: "KaiTi", charset: "86", family: "script", pitch: "fixed", panose: "02010609060101010101" },
  黑体: { altName: "SimHei", charset: "86", family: "swiss", pitch: "fixed", panose: "02010609060101010101" },
  宋体: { altName: "SimSun", charset: "86", family: "roman", pitch: "variable", panose: "02010600030101010101" },
  方正小标宋简体: { altName: "FZXiaoBiaoSong-B05S", charset: "86", family: "roman", pitch: "variable", panose: "02000000000000000000" },
  [LATIN_FONT]: { altName: "Times", charset: "00", family: "roman", pitch: "variable", panose: "02020603050405020304" },
};

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** Relationship id of the n-th embedded font in word/_rels/fontTable.xml.rels. */
const embedId = (index: number) => `rIdNbFont${index + 1}`;

/**
 * word/fontTable.xml naming every font the document uses, with altName, charset, family, pitch and PANOSE, and for
 * each font in `embedded` its embedded regular face (see font-embed.ts).
 */
export function buildFontTable(fonts: RoleFonts, embedded: readonly Pick<EmbeddedFont, "name" | "key">[] = []): string {
  const names = [...new Set([fonts.body, fonts.heading1, fonts.heading2, fonts.title, fonts.pageNumber, LATIN_FONT])];
  const entries = names
    .map((name) => {
      const entry = FONT_ENTRIES[name];
      const embedIndex = embedded.findIndex((font) => font.name === name);
      const embed = embedIndex < 0 ? "" : `<w:embedRegular r:id="${embedId(embedIndex)}" w:fontKey="${embedded[embedIndex]!.key}" w:subsetted="1"/>`;
      if (!entry) return embed ? `<w:font w:name="${escape(name)}">${embed}</w:font>` : `<w:font w:name="${escape(name)}"/>`;
      return (
        `<w:font w:name="${escape(name)}"><w:altName w:val="${escape(entry.altName)}"/><w:panose1 w:val="${entry.panose}"/>` +
        `<w:charset w:val="${entry.charset}"/><w:family w:val="${entry.family}"/><w:pitch w:val="${entry.pitch}"/>${embed}</w:font>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${entries}</w:fonts>`
  );
}

const FONT_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";
const OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont";

/** Adds the embedded fonts as word/fonts/fontN.odttf with their relationships and content type. */
function addEmbeddedFontParts(files: Record<string, Uint8Array>, embedded: readonly EmbeddedFont[]): void {
  // A font table built again (a DOCX passed through twice) keeps no font of the previous one.
  for (const name of Object.keys(files)) if (name.startsWith("word/fonts/")) delete files[name];
  const relationships = embedded
    .map((font, index) => `<Relationship Id="${embedId(index)}" Type="${FONT_RELATIONSHIP}" Target="fonts/font${index + 1}.odttf"/>`)
    .join("");
  files["word/_rels/fontTable.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}</Relationships>`,
  );
  embedded.forEach((font, index) => (files[`word/fonts/font${index + 1}.odttf`] = font.bytes));
  const contentTypes = strFromU8(files["[Content_Types].xml"]!);
  if (embedded.length > 0 && !contentTypes.includes('Extension="odttf"')) {
    files["[Content_Types].xml"] = strToU8(contentTypes.replace("<Default ", `<Default Extension="odttf" ContentType="${OBFUSCATED_FONT}"/><Default `));
  }
}

/**
 * Table text off the line grid (`w:snapToGrid w:val="0"` in the table style, which the docx package cannot write):
 * on the grid LibreOffice gives every cell line a whole grid step and then adds the row's border, so a table would
 * push the text after it off the grid.
 */
export function withTableTextOffGrid(stylesXml: string, styleId: string): string {
  return stylesXml.replace(
    new RegExp(`(<w:style [^>]*w:styleId="${styleId}"[^>]*>.*?<w:pPr>)(.*?)(<w:spacing )`, "s"),
    (_match, head: string, before: string, spacing: string) =>
      before.includes("w:snapToGrid") ? `${head}${before}${spacing}` : `${head}${before}<w:snapToGrid w:val="0"/>${spacing}`,
  );
}

/** Embedding is a help for LibreOffice, never a reason for the export to fail: a font that cannot be read is left out. */
function embedStandIns(fonts: RoleFonts, textParts: Record<string, string>, directory: string): EmbeddedFont[] {
  try {
    return embeddedFonts(fonts, charactersByFont(textParts), directory);
  } catch {
    return [];
  }
}

export interface FontTableOptions {
  /**
   * Folder of the open substitutes (setup-fonts) whose subsets are embedded for LibreOffice; null embeds none.
   * @default "<cwd>/.cache/fonts"
   */
  substituteDirectory?: string | null;
}

/**
 * Replaces the (empty) font table the docx package writes, embeds the open stand-in of each role's font (when
 * setup-fonts has prepared them) and takes table text off the grid; other parts are kept.
 */
export function withFontTable(docx: Uint8Array, fonts: RoleFonts, options: FontTableOptions = {}): Uint8Array {
  const files = unzipSync(docx);
  if (!files["word/fontTable.xml"]) throw new Error("DOCX 缺少 word/fontTable.xml");
  const directory =
    options.substituteDirectory === undefined ? path.resolve(/*turbopackIgnore: true*/ process.cwd(), ".cache", "fonts") : options.substituteDirectory;
  const textParts = Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => /^word\/(document|styles|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(name))
      .map(([name, bytes]) => [name, strFromU8(bytes)]),
  );
  const embedded = directory ? embedStandIns(fonts, textParts, directory) : [];
  files["word/fontTable.xml"] = strToU8(buildFontTable(fonts, embedded));
  addEmbeddedFontParts(files, embedded);
  const styles = files["word/styles.xml"];
  if (styles) files["word/styles.xml"] = strToU8(withTableTextOffGrid(strFromU8(styles), "NbTableText"));
  // Keep [Content_Types].xml first, as Word expects it near the start of the package.
  const ordered = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : 0)));
  return zipSync(ordered, { level: 6 });
}
