/** Full-width digits (０–９, as typed with a Chinese IME or pasted from WPS) as ASCII digits; nothing else changes. */
export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}
