import { isRangeProtected, protectedMask } from "./protected-spans";

/** A year or a counted figure in last year's text that this year's report must restate. */
export interface StaleToken {
  text: string;
  kind: "year" | "figure";
  from: number;
  to: number;
}

/** Longest first, so "人次" wins over "人" and "个百分点" over "个". */
const UNITS = [
  "个百分点",
  "百分点",
  "人次",
  "场次",
  "户次",
  "家次",
  "万元",
  "亿元",
  "万人",
  "学时",
  "小时",
  "课时",
  "件",
  "次",
  "人",
  "元",
  "个",
  "项",
  "家",
  "场",
  "份",
  "篇",
  "条",
  "名",
  "天",
  "户",
  "期",
  "批",
  "部",
  "起",
  "宗",
  "册",
  "所",
  "倍",
  "%",
  "％",
  "‰",
];
const UNIT = `(?:${UNITS.join("|")})`;
const CHINESE_NUMBER_CHARS = "零〇一二三四五六七八九十百千万两";

const YEAR = /(?<![\d.])(?:19|20)\d{2}(?:[—－\-~～至到](?:19|20)?\d{2,4})?年(?:度)?|[二][〇零][〇零一二三四五六七八九]{2}年(?:度)?/g;
const ARABIC_FIGURE = new RegExp(`(?<![\\d.第])\\d+(?:[,，]\\d{3})*(?:\\.\\d+)?(?:余|多)?(?:[万亿千百])?(?:余|多)?${UNIT}`, "g");
/** 第一 is an ordinal and 唯一、统一、逐一 are words, not counts. */
const CHINESE_FIGURE = new RegExp(`(?<![${CHINESE_NUMBER_CHARS}第唯统单同逐之])[${CHINESE_NUMBER_CHARS}]+(?:余|多)?${UNIT}`, "g");
const PERCENT_WORDS = new RegExp(`百分之[${CHINESE_NUMBER_CHARS}点]+`, "g");

/** Set phrases that contain a numeral and a unit but are names, not statistics. */
const SET_PHRASES = ["三项制度", "两个维护", "两个确立", "两个责任", "三个代表", "四个意识", "四个自信", "四个全面", "五个一", "千家万户", "万家"];

function isSetPhrase(text: string, from: number): boolean {
  return SET_PHRASES.some((phrase) => text.startsWith(phrase, from));
}

/** 一个/一项 are idiom, not counts; 万/千 alone (进万家) only count with 余/多 (万余人次). */
function isMeaningfulChineseNumber(match: string): boolean {
  const numeral = /^[零〇一二三四五六七八九十百千万两]+/.exec(match)?.[0] ?? "";
  if (/^一+$/.test(numeral)) return false;
  if (/^[百千万]+$/.test(numeral)) return /^[百千万]+(?:余|多)/.test(match);
  return true;
}

/**
 * Every year ("2024年", "二〇二四年") and counted figure ("35件", "1.2万人次", "百分之百", "三场")
 * outside 《》 titles and 〔〕 document numbers, in text order, without overlaps.
 */
export function findStaleTokens(text: string): StaleToken[] {
  const mask = protectedMask(text);
  const found: StaleToken[] = [];
  const collect = (pattern: RegExp, kind: StaleToken["kind"], accept: (match: string, from: number) => boolean) => {
    for (const match of text.matchAll(pattern)) {
      const from = match.index;
      const to = from + match[0].length;
      if (isRangeProtected(mask, from, to) || !accept(match[0], from)) continue;
      found.push({ text: match[0], kind, from, to });
    }
  };
  collect(YEAR, "year", () => true);
  collect(ARABIC_FIGURE, "figure", () => true);
  collect(CHINESE_FIGURE, "figure", (match, from) => isMeaningfulChineseNumber(match) && !isSetPhrase(text, from));
  collect(PERCENT_WORDS, "figure", () => true);
  found.sort((a, b) => a.from - b.from || b.to - a.to);
  const result: StaleToken[] = [];
  for (const token of found) {
    const last = result[result.length - 1];
    if (last && token.from < last.to) continue;
    result.push(token);
  }
  return result;
}
