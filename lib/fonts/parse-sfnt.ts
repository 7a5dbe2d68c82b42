import { parseCmapCoverage, type CodePointRanges } from "./parse-cmap";

/** One face of a TrueType/OpenType file (a .ttc holds several). */
export interface SfntFace {
  index: number;
  /** The family name Typst registers the face under (see `typstFamilyName`). */
  typstFamily: string;
  /** Every family, typographic-family and full name in every language ("仿宋_GB2312", "FangSong_GB2312"…). */
  names: string[];
  /** usWeightClass from OS/2 (400 regular, 700 bold). */
  weight: number;
  coverage: CodePointRanges;
}

interface NameRecord {
  platformId: number;
  encodingId: number;
  nameId: number;
  value: string;
}

const tag = (view: DataView, offset: number) =>
  String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));

/** Face offsets: one for .ttf/.otf, several for a .ttc collection. */
function faceOffsets(view: DataView): number[] {
  if (tag(view, 0) !== "ttcf") return [0];
  const count = view.getUint32(8);
  return Array.from({ length: count }, (_, index) => view.getUint32(12 + index * 4));
}

function tableDirectory(view: DataView, faceOffset: number): Map<string, { offset: number; length: number }> {
  const tables = new Map<string, { offset: number; length: number }>();
  const count = view.getUint16(faceOffset + 4);
  for (let index = 0; index < count; index += 1) {
    const record = faceOffset + 12 + index * 16;
    tables.set(tag(view, record), { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
  }
  return tables;
}

function decodeUtf16(view: DataView, offset: number, length: number): string {
  const units: number[] = [];
  for (let index = 0; index + 1 < length; index += 2) units.push(view.getUint16(offset + index));
  return String.fromCharCode(...units);
}

function readNames(view: DataView, tableOffset: number): NameRecord[] {
  const count = view.getUint16(tableOffset + 2);
  const storage = tableOffset + view.getUint16(tableOffset + 4);
  const records: NameRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const record = tableOffset + 6 + index * 12;
    const platformId = view.getUint16(record);
    const encodingId = view.getUint16(record + 2);
    const nameId = view.getUint16(record + 6);
    const length = view.getUint16(record + 8);
    const start = storage + view.getUint16(record + 10);
    if (start + length > view.byteLength) continue;
    const isUnicode = platformId === 0 || (platformId === 3 && [0, 1, 10].includes(encodingId));
    const isMacRoman = platformId === 1 && encodingId === 0;
    if (!isUnicode && !isMacRoman) continue;
    const value = isUnicode ? decodeUtf16(view, start, length) : String.fromCharCode(...new Uint8Array(view.buffer, view.byteOffset + start, length));
    records.push({ platformId, encodingId, nameId, value });
  }
  return records;
}

const STYLE_SUFFIXES = [
  "normal",
  "italic",
  "oblique",
  "slanted",
  "thin",
  "th",
  "hairline",
  "light",
  "lt",
  "regular",
  "medium",
  "med",
  "md",
  "bold",
  "bd",
  "demi",
  "extb",
  "black",
  "blk",
  "bk",
  "heavy",
  "narrow",
  "condensed",
  "cond",
  "cn",
  "cd",
  "compressed",
  "expanded",
  "exp",
];
const STYLE_MODIFIERS = ["extra", "ext", "ex", "x", "semi", "sem", "sm", "demi", "dem", "ultra"];

const endsWithWord = (text: string, words: string[]) => words.find((word) => text.endsWith(word));
const SEPARATOR = /[ _-]$/;

/** Typst drops trailing style words ("Noto Serif CJK SC Bold" → "…SC") but keeps "FandolFang R". */
export function typstFamilyName(family: string): string {
  const original = family.trim().replace(/^\.+/, "");
  let trimmed = original.toLowerCase();
  for (let previous = Infinity; trimmed.length < previous;) {
    previous = trimmed.length;
    let rest = trimmed;
    for (let word = endsWithWord(rest, STYLE_SUFFIXES); word; word = endsWithWord(rest, STYLE_SUFFIXES)) rest = rest.slice(0, -word.length);
    if (rest === trimmed) break;
    if (SEPARATOR.test(rest)) trimmed = rest = rest.slice(0, -1);
    // A modifier ("extra" in "ExtraBold") goes too, but only when a separator precedes it.
    const modifier = endsWithWord(rest, STYLE_MODIFIERS);
    if (modifier && SEPARATOR.test(rest.slice(0, -modifier.length))) trimmed = rest.slice(0, -modifier.length - 1);
  }
  return original.slice(0, trimmed.length) || original;
}

/** Reads names, weight and character coverage of every face; throws on a file that is not a font. */
export function parseSfnt(bytes: Uint8Array): SfntFace[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return faceOffsets(view).map((faceOffset, index) => {
    const tables = tableDirectory(view, faceOffset);
    const nameTable = tables.get("name");
    const cmapTable = tables.get("cmap");
    if (!nameTable || !cmapTable) throw new Error("缺少 name 或 cmap 表");
    const records = readNames(view, nameTable.offset);
    // Typst ignores the typographic family (16): it trims style words off the first decodable family (1).
    const family = records.find((record) => record.nameId === 1);
    if (!family) throw new Error("字体没有家族名称");
    const os2 = tables.get("OS/2");
    return {
      index,
      typstFamily: typstFamilyName(family.value),
      names: [...new Set(records.filter((record) => [1, 4, 16].includes(record.nameId)).map((record) => record.value.trim()))],
      weight: os2 ? view.getUint16(os2.offset + 4) : 400,
      coverage: parseCmapCoverage(view, cmapTable.offset),
    };
  });
}
