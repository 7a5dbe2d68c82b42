import { toChineseNumeral } from "@/lib/report-model";

/**
 * Word's automatic numbering (w:numPr → word/numbering.xml) as the numerals the document shows. mammoth
 * drops them, so a report numbered by Word would lose every "一、" "（一）" "1." it displays. This reads
 * numbering.xml, styles.xml and document.xml itself (linear scans, no DOM) and gives, in document order,
 * each numbered paragraph's text and the numeral Word prints in front of it.
 */
export interface NumberedParagraph {
  /** The paragraph's own text (for matching against mammoth's paragraphs). */
  text: string;
  /** What Word prints before it, e.g. "一、", "（二）", "3.", or "" for a bullet. */
  numeral: string;
}

interface Level {
  numFmt: string;
  lvlText: string;
  start: number;
  isLegal: boolean;
}

interface NumberingDefinitions {
  /** abstractNumId → level index → level. */
  abstracts: Map<string, Map<number, Level>>;
  /** numId → abstractNumId and per-level start overrides. */
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
}

const MAX_LEVELS = 9;

export function readNumberingDefinitions(numberingXml: string): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const abstract of elements(numberingXml, "w:abstractNum")) {
    const id = attribute(abstract, "w:abstractNumId");
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const level of elements(abstract, "w:lvl")) {
      const index = Number(attribute(level, "w:ilvl") ?? "0");
      levels.set(index, {
        numFmt: childValue(level, "w:numFmt") ?? "decimal",
        lvlText: childValue(level, "w:lvlText") ?? "",
        start: Number(childValue(level, "w:start") ?? "1"),
        isLegal: /<w:isLgl(\s|\/|>)/.test(level) && childValue(level, "w:isLgl") !== "0",
      });
    }
    abstracts.set(id, levels);
  }
  const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  for (const num of elements(numberingXml, "w:num")) {
    const id = attribute(num, "w:numId");
    const abstractId = childValue(num, "w:abstractNumId");
    if (id === undefined || abstractId === undefined) continue;
    const overrides = new Map<number, number>();
    for (const override of elements(num, "w:lvlOverride")) {
      const start = childValue(override, "w:startOverride");
      if (start !== undefined) overrides.set(Number(attribute(override, "w:ilvl") ?? "0"), Number(start));
    }
    nums.set(id, { abstractId, overrides });
  }
  return { abstracts, nums };
}

/** Paragraph styles that carry numbering (Word's list-linked heading styles), following basedOn. */
export function readStyleNumbering(stylesXml: string): Map<string, { numId: string; ilvl: number }> {
  const own = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  for (const style of elements(stylesXml, "w:style")) {
    const id = attribute(style, "w:styleId");
    if (id === undefined) continue;
    const numPr = elements(style, "w:numPr")[0];
    own.set(id, {
      numId: numPr ? childValue(numPr, "w:numId") : undefined,
      ilvl: numPr && childValue(numPr, "w:ilvl") !== undefined ? Number(childValue(numPr, "w:ilvl")) : undefined,
      basedOn: childValue(style, "w:basedOn"),
    });
  }
  const resolved = new Map<string, { numId: string; ilvl: number }>();
  for (const id of own.keys()) {
    let numId: string | undefined;
    let ilvl: number | undefined;
    let current: string | undefined = id;
    for (let depth = 0; current && depth < 10; depth += 1) {
      const style = own.get(current);
      if (!style) break;
      numId ??= style.numId;
      ilvl ??= style.ilvl;
      current = style.basedOn;
    }
    if (numId) resolved.set(id, { numId, ilvl: ilvl ?? 0 });
  }
  return resolved;
}

/** Every numbered paragraph of document.xml, in order, with the numeral Word shows. */
export function readNumberedParagraphs(documentXml: string, numberingXml: string, stylesXml: string): NumberedParagraph[] {
  const styleNumbering = readStyleNumbering(stylesXml);
  // Most reports number by hand: no numPr anywhere means nothing to read.
  if (styleNumbering.size === 0 && !documentXml.includes("<w:numPr")) return [];
  const definitions = readNumberingDefinitions(numberingXml);
  const counters = new Map<string, Array<number | undefined>>();
  const appliedOverrides = new Set<string>();
  const out: NumberedParagraph[] = [];
  for (const paragraph of paragraphs(withoutAlternateChoices(documentXml))) {
    const properties = elements(paragraph, "w:pPr")[0] ?? "";
    const numPr = elements(properties, "w:numPr")[0];
    const styleId = childValue(properties, "w:pStyle");
    const fromStyle = styleId ? styleNumbering.get(styleId) : undefined;
    const numId = (numPr && childValue(numPr, "w:numId")) ?? fromStyle?.numId;
    if (!numId || numId === "0") continue;
    const ilvlText = numPr ? childValue(numPr, "w:ilvl") : undefined;
    const ilvl = Math.min(MAX_LEVELS - 1, ilvlText !== undefined ? Number(ilvlText) : (fromStyle?.ilvl ?? 0));
    const num = definitions.nums.get(numId);
    const levels = num ? definitions.abstracts.get(num.abstractId) : undefined;
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) continue;
    let counter = counters.get(num.abstractId);
    if (!counter) counters.set(num.abstractId, (counter = []));
    const overrideKey = `${numId}:${ilvl}`;
    const override = num.overrides.get(ilvl);
    if (override !== undefined && !appliedOverrides.has(overrideKey)) {
      appliedOverrides.add(overrideKey);
      counter[ilvl] = override - 1;
    }
    counter[ilvl] = (counter[ilvl] ?? level.start - 1) + 1;
    for (let deeper = ilvl + 1; deeper < MAX_LEVELS; deeper += 1) counter[deeper] = undefined;
    out.push({ text: paragraphText(paragraph), numeral: formatLevelText(level, levels, counter) });
  }
  return out;
}

/** "%1、" → "一、" with each level's own format (or decimal for a legal-style level). */
function formatLevelText(level: Level, levels: Map<number, Level>, counter: Array<number | undefined>): string {
  if (level.numFmt === "bullet" || level.numFmt === "none") return "";
  return level.lvlText.replace(/%([1-9])/g, (_match, digit: string) => {
    const index = Number(digit) - 1;
    const value = counter[index] ?? levels.get(index)?.start ?? 1;
    return formatNumber(value, level.isLegal ? "decimal" : (levels.get(index)?.numFmt ?? "decimal"));
  });
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
const PARENTHESIZED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇";
const FULL_STOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛";
const LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";
const HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";
const EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥";

/** One counter value in a Word numFmt. */
export function formatNumber(value: number, numFmt: string): string {
  switch (numFmt) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "koreanCounting":
      return toChineseNumeral(value);
    case "ideographDigital":
    case "taiwaneseDigital":
    case "japaneseDigitalTenThousand":
      return [...String(value)].map((digit) => "〇一二三四五六七八九"[Number(digit)]).join("");
    case "chineseLegalSimplified":
      return value < 10
        ? LEGAL_DIGITS[value]!
        : toChineseNumeral(value)
            .replace(/[一二三四五六七八九]/g, (digit) => LEGAL_DIGITS["〇一二三四五六七八九".indexOf(digit)]!)
            .replace("十", "拾");
    case "ideographTraditional":
      return HEAVENLY_STEMS[(value - 1) % 10] ?? String(value);
    case "ideographZodiac":
      return EARTHLY_BRANCHES[(value - 1) % 12] ?? String(value);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
    case "ideographEnclosedCircle":
      return CIRCLED[value - 1] ?? String(value);
    case "decimalEnclosedParen":
      return PARENTHESIZED[value - 1] ?? `(${value})`;
    case "decimalEnclosedFullstop":
      return FULL_STOP[value - 1] ?? `${value}.`;
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return [...String(value)].map((digit) => String.fromCharCode(0xff10 + Number(digit))).join("");
    case "decimalZero":
      return value < 10 ? `0${value}` : String(value);
    case "lowerLetter":
      return letters(value).toLowerCase();
    case "upperLetter":
      return letters(value);
    case "lowerRoman":
      return roman(value).toLowerCase();
    case "upperRoman":
      return roman(value);
    default:
      return String(value);
  }
}

function letters(value: number): string {
  const letter = String.fromCharCode(65 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  const table: Array<[number, string]> = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let rest = value;
  let out = "";
  for (const [amount, symbol] of table) {
    while (rest >= amount) {
      out += symbol;
      rest -= amount;
    }
  }
  return out;
}

/* ---- small linear XML scanning (the parts are Word's own, well-formed XML; no DOM is built) ---- */

/** Outer XML of each `<name …>…</name>` (or self-closed) element in `xml`, not descending into same-named children. */
function elements(xml: string, name: string): string[] {
  const out: string[] = [];
  const open = `<${name}`;
  const close = `</${name}>`;
  let index = xml.indexOf(open);
  while (index >= 0) {
    const after = xml.charCodeAt(index + open.length);
    // "<w:num" must not match "<w:numPr" or "<w:numId": the next character ends the name.
    if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
      index = xml.indexOf(open, index + 1);
      continue;
    }
    const tagEnd = xml.indexOf(">", index);
    if (tagEnd < 0) break;
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      out.push(xml.slice(index, tagEnd + 1));
      index = xml.indexOf(open, tagEnd);
      continue;
    }
    const end = xml.indexOf(close, tagEnd);
    if (end < 0) break;
    out.push(xml.slice(index, end + close.length));
    index = xml.indexOf(open, end + close.length);
  }
  return out;
}

function attribute(element: string, name: string): string | undefined {
  const tagEnd = element.indexOf(">");
  const tag = element.slice(0, tagEnd < 0 ? element.length : tagEnd);
  const match = new RegExp(`\\s${name.replace(":", "\\:")}="([^"]*)"`).exec(tag);
  return match?.[1];
}

/** The w:val of the first `<name w:val="…"/>` child. */
function childValue(element: string, name: string): string | undefined {
  const child = elements(element, name)[0];
  return child ? attribute(child, "w:val") : undefined;
}

/** Paragraphs of the body in order; a paragraph inside a text box is skipped with its host. */
function paragraphs(documentXml: string): string[] {
  return elements(documentXml, "w:p");
}

/** mc:AlternateContent carries each drawing twice; mammoth reads the fallback, so drop the choice. */
function withoutAlternateChoices(xml: string): string {
  if (!xml.includes("<mc:Choice")) return xml;
  return xml.replace(/<mc:Choice[\s>][\s\S]*?<\/mc:Choice>/g, "");
}

function paragraphText(paragraph: string): string {
  let text = "";
  for (const match of paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) text += match[1];
  return decodeXml(text);
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (entity, name: string) => {
    if (name === "lt") return "<";
    if (name === "gt") return ">";
    if (name === "amp") return "&";
    if (name === "quot") return '"';
    if (name === "apos") return "'";
    const code = name.startsWith("#x") ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
