import { fromChineseNumeral } from "@/lib/report-model";

/** A numbered heading line: level 1 一、 · 2 （一） · 3 1. · 4 （1）; `runIn` is 一是/二是. */
export interface HeadingMatch {
  level: 1 | 2 | 3 | 4 | "runIn";
  number: number;
  /** Length of the numeral prefix (script-neutral, so it applies to the unconverted text too). */
  prefixLength: number;
  /** 、存在问题 — a level-1 heading that lost its numeral. */
  isNumeralLost?: boolean;
}

const LEVEL_1 = /^\s*([一二三四五六七八九十]{1,3})\s*[、.．,，]\s*/;
const LOST_NUMERAL = /^\s*、\s*(?=\S)/;
const LEVEL_2 = /^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*[、.．]?\s*/;
const LEVEL_3 = /^\s*(\d{1,2})\s*[.．、](?!\d)\s*/;
const LEVEL_4 = /^\s*[（(]\s*(\d{1,2})\s*[）)]\s*/;
const RUN_IN = /^\s*([一二三四五六七八九十]{1,3})是\s*[，,：:]?/;

export function matchHeading(text: string): HeadingMatch | undefined {
  let match = LEVEL_2.exec(text);
  if (match) return { level: 2, number: fromChineseNumeral(match[1]!) ?? 0, prefixLength: match[0].length };
  match = LEVEL_4.exec(text);
  if (match) return { level: 4, number: Number(match[1]), prefixLength: match[0].length };
  match = LEVEL_1.exec(text);
  if (match) return { level: 1, number: fromChineseNumeral(match[1]!) ?? 0, prefixLength: match[0].length };
  match = LOST_NUMERAL.exec(text);
  if (match) return { level: 1, number: 0, prefixLength: match[0].length, isNumeralLost: true };
  match = LEVEL_3.exec(text);
  if (match) return { level: 3, number: Number(match[1]), prefixLength: match[0].length };
  match = RUN_IN.exec(text);
  if (match) return { level: "runIn", number: fromChineseNumeral(match[1]!) ?? 0, prefixLength: match[0].length };
  return undefined;
}

const SENTENCE_END = /[。！？!?]/;

/**
 * Splits "加强组织领导。一是……" into a run-in heading and its text. The heading is the first sentence
 * when it is short enough to be one; `boldLead` (from DOCX) wins when present.
 */
export function splitRunIn(text: string, boldLead?: string): { heading: string; rest: string; isRunIn: boolean } {
  const lead = boldLead?.trim();
  if (lead && text.startsWith(lead) && text.length > lead.length) {
    return { heading: trimHeading(lead), rest: text.slice(lead.length).trim(), isRunIn: true };
  }
  const end = text.search(SENTENCE_END);
  if (end < 0) return text.length <= 100 ? { heading: trimHeading(text), rest: "", isRunIn: false } : { heading: "", rest: text, isRunIn: false };
  const rest = text.slice(end + 1).trim();
  if (!rest) return { heading: trimHeading(text), rest: "", isRunIn: false };
  if (end > 150) return { heading: "", rest: text, isRunIn: false };
  return { heading: trimHeading(text.slice(0, end)), rest, isRunIn: true };
}

/** A heading without trailing sentence punctuation or spaces. */
export function trimHeading(text: string): string {
  return text.replace(/[。．.，,；;：:\s]+$/u, "").trim();
}
