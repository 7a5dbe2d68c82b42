/** Printed width in full-width character units: ASCII letters, digits and spaces are half a character wide. */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const char of text) width += isHalfWidth(char) ? 0.5 : 1;
  return width;
}

export function isHalfWidth(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x20 && code <= 0x7e;
}

/**
 * The space LibreOffice, Word and the PDF set between a Chinese character and a Latin letter or digit ("2025 年"),
 * in characters: the widest of the engines' (LibreOffice 0.2, the PDF 0.21).
 */
export const CJK_LATIN_GAP_CHARS = 0.21;

/** Printed width in full-width character units, with the gaps the layout engines set between Chinese and Latin text. */
export function printedWidthInChars(text: string): number {
  let gaps = 0;
  let previous = "";
  for (const char of text) {
    if (previous && isLatinWord(previous) !== isLatinWord(char) && (isHan(previous) || isHan(char))) gaps += 1;
    previous = char;
  }
  return textWidthInChars(text) + gaps * CJK_LATIN_GAP_CHARS;
}

function isLatinWord(char: string): boolean {
  return /[A-Za-z0-9]/.test(char);
}

function isHan(char: string): boolean {
  return /\p{Script=Han}/u.test(char);
}
