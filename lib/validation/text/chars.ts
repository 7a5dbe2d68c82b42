/** Han ideographs (CJK unified, extension A, compatibility). */
export const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
/** Full-width punctuation used in Chinese running text. */
export const CJK_PUNCTUATION = "\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff1f\\uff3b-\\uff40\\uff5b-\\uff65“”‘’—…·";

const HAN_PATTERN = new RegExp(`[${HAN}]`);
const CJK_PATTERN = new RegExp(`[${HAN}${CJK_PUNCTUATION}]`);

export function isHan(char: string | undefined): boolean {
  return char !== undefined && HAN_PATTERN.test(char);
}

/** Han character or full-width punctuation: context that calls for full-width marks. */
export function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK_PATTERN.test(char);
}

/** Shortens a quotation for a message: "……" marks a cut. */
export function quote(text: string, max = 20): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max)}……` : trimmed;
}

/** Wraps text in “” for a message, turning its own double quotes into single ones as Chinese nesting requires. */
export function quoted(text: string): string {
  return `“${text.replace(/“/g, "‘").replace(/”/g, "’")}”`;
}

/** Count of non-whitespace characters: how reviewers count report length. */
export function countCharacters(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 0x3000) count += 1;
  }
  return count;
}
