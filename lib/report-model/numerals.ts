const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (enough for report numbering). */
export function toChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 999) return String(value);
  if (value < 10) return DIGITS[value]!;
  if (value < 20) return "十" + (value % 10 === 0 ? "" : DIGITS[value % 10]);
  if (value < 100) return DIGITS[Math.floor(value / 10)] + "十" + (value % 10 === 0 ? "" : DIGITS[value % 10]);
  const rest = value % 100;
  const hundreds = DIGITS[Math.floor(value / 100)] + "百";
  if (rest === 0) return hundreds;
  return hundreds + (rest < 10 ? "零" + DIGITS[rest] : rest < 20 ? "一" + toChineseNumeral(rest) : toChineseNumeral(rest));
}

/** 一 → 1, 十二 → 12, 二十 → 20; undefined when not a numeral. */
export function fromChineseNumeral(text: string): number | undefined {
  if (!/^[零一二三四五六七八九十百两]+$/.test(text)) return undefined;
  let total = 0;
  let current = 0;
  for (const char of text) {
    if (char === "百") {
      total += (current || 1) * 100;
      current = 0;
    } else if (char === "十") {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = char === "两" ? 2 : DIGITS.indexOf(char);
    }
  }
  return total + current;
}

/** Heading prefixes of GB/T 9704 levels 1–4: 一、 （一） 1. （1） */
export function headingPrefix(level: 1 | 2 | 3 | 4, index: number): string {
  switch (level) {
    case 1:
      return `${toChineseNumeral(index)}、`;
    case 2:
      return `（${toChineseNumeral(index)}）`;
    case 3:
      return `${index}.`;
    case 4:
      return `（${index}）`;
  }
}

/** Formats an ISO date (2025-03-08) as 2025年3月8日; returns "" for an empty or malformed value. */
export function formatChineseDate(isoDate: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate ?? "");
  if (!match) return "";
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}
