import type { SourceBlock } from "./types";

const HAN = "\\p{Script=Han}";
const HAN_CHAR = "\\p{Script=Han}";
const CLOSE = "”’）》」』】%％";
/** ASCII punctuation between Chinese characters (or closing marks) becomes full-width. */
const RULES: Array<[RegExp, string]> = [
  [new RegExp(`^([(（])\\s*([一二三四五六七八九十]+|\\d{1,2})\\s*[)）]`, "u"), "（$2）"],
  [new RegExp(`([${HAN}${CLOSE}])\\s*,\\s*(?=[${HAN}“‘（《0-9])`, "gu"), "$1，"],
  [new RegExp(`([${HAN}${CLOSE}])\\s*;\\s*(?=[${HAN}“‘（《0-9])`, "gu"), "$1；"],
  [new RegExp(`([${HAN}${CLOSE}])\\s*:\\s*(?=[${HAN}“‘（《0-9]|$)`, "gu"), "$1："],
  [new RegExp(`([${HAN}${CLOSE}])\\s*\\?\\s*(?=[${HAN}“‘]|$)`, "gu"), "$1？"],
  [new RegExp(`([${HAN}${CLOSE}])\\s*!\\s*(?=[${HAN}“‘]|$)`, "gu"), "$1！"],
  [new RegExp(`(${HAN_CHAR})\\.(?=${HAN_CHAR})`, "gu"), "$1。"],
  [new RegExp(`\\((?=[^()]*[${HAN}])([^()]{1,80})\\)`, "gu"), "（$1）"],
  [new RegExp(`"([^"]*[${HAN}][^"]*)"`, "gu"), "“$1”"],
  [new RegExp(`'([^']*[${HAN}][^']*)'`, "gu"), "‘$1’"],
];

export function restorePunctuationInText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of RULES) result = result.replace(pattern, replacement);
  return result;
}

/** Restores the full-width punctuation a web copy lost; returns how many paragraphs changed (the caller logs). */
export function restorePunctuation(blocks: SourceBlock[]): { blocks: SourceBlock[]; changed: number } {
  let changed = 0;
  const out = blocks.map((block) => {
    const text = restorePunctuationInText(block.text);
    const boldLead = block.boldLead === undefined ? undefined : restorePunctuationInText(block.boldLead);
    if (text === block.text && boldLead === block.boldLead) return block;
    if (text !== block.text) changed += 1;
    return { ...block, text, boldLead };
  });
  return { blocks: out, changed };
}
