import { fromChineseNumeral } from "@/lib/report-model";

const CN = "[一二三四五六七八九十]{1,3}";

/** A typed numeral at the start of a heading: 一、 （一） 1. 1、 （1） 第一部分 …, with the spaces after it. */
export const TYPED_HEADING_NUMERAL = new RegExp(
  `^\\s*(?:${CN}\\s*[、，．.]|[（(]\\s*${CN}\\s*[）)]|\\d{1,2}\\s*[、．.](?!\\d)|[（(]\\d{1,2}[）)]|第${CN}(?:部分|章|节)[、，：:]?|[①-⑳])\\s*`,
);

/** The separator of a numeral that was lost: "、存在问题", "）加强领导". */
export const LOST_NUMERAL = /^\s*[、）)．]\s*/;

/** Level 3 "1." (also the non-standard "1、" and full-width "1．") at the start of a paragraph. */
export const LEVEL3_PREFIX = /^\s*(\d{1,2})\s*([.．、])(?!\d)\s*/;
/** Level 4 "（1）" at the start of a paragraph. */
export const LEVEL4_PREFIX = /^\s*[（(](\d{1,2})[）)]\s*/;

export function chineseNumeralValue(text: string): number {
  return fromChineseNumeral(text) ?? Number.NaN;
}
