import { isRangeProtected, protectedMask } from "./protected-spans";

const CHINESE_DIGITS = "〇一二三四五六七八九";
/** A year in a period such as "2021—2025" names the period, so it stays. */
const ARABIC_YEAR = /(?<!\d|\d[—－\-~～至到])(?:19|20)\d{2}(?!\d|[—－\-~～至到]\d)/g;
const CHINESE_YEAR = /[〇零一二三四五六七八九]{4}(?=年)/g;

/** 二〇二四 → 2024; undefined when not a year written digit by digit. */
export function parseChineseYear(text: string): number | undefined {
  if (!/^[〇零一二三四五六七八九]{4}$/.test(text)) return undefined;
  let value = 0;
  for (const char of text) value = value * 10 + (char === "零" ? 0 : CHINESE_DIGITS.indexOf(char));
  return value;
}

function formatChineseYear(year: number, zero: string): string {
  return [...String(year)].map((digit) => (digit === "0" ? zero : CHINESE_DIGITS[Number(digit)]!)).join("");
}

export interface ShiftYearsResult {
  text: string;
  /** How many years were moved on. */
  count: number;
}

/**
 * Moves the report year Y and the plan year Y+1 on by one ("2024年工作情况" → "2025年…",
 * "2025年工作计划" → "2026年…") in a title or heading. Both shift at once, so Y+1 never lands on
 * Y+2 twice; years inside 《》 titles, 〔2024〕 document numbers and periods (2021—2025) are left alone.
 */
export function shiftHeadingYears(text: string, reportYear: number): ShiftYearsResult {
  const mask = protectedMask(text);
  let count = 0;
  const shift = (match: string, value: number | undefined, offset: number, format: (year: number) => string): string => {
    if (value === undefined || (value !== reportYear && value !== reportYear + 1)) return match;
    if (isRangeProtected(mask, offset, offset + match.length)) return match;
    count += 1;
    return format(value + 1);
  };
  const shifted = text
    .replace(ARABIC_YEAR, (match, offset: number) => shift(match, Number(match), offset, String))
    .replace(CHINESE_YEAR, (match, offset: number) =>
      shift(match, parseChineseYear(match), offset, (year) => formatChineseYear(year, match.includes("零") ? "零" : "〇")),
    );
  return { text: shifted, count };
}
