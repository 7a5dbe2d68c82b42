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
