import { textWidthInChars } from "./text-width";
import type { PrintableBlock } from "./types";

/**
 * 署名 and 成文日期 without a seal (GB/T 9704 7.3.5.2): the signature two characters from the right,
 * the date starting two characters right of the signature's first character; when the date is the longer,
 * the date sits two characters from the right and the signature moves left to keep the two-character shift.
 */
export function closingBlocks(signature: string, date: string): PrintableBlock[] {
  const signatureWidth = textWidthInChars(signature);
  const dateWidth = textWidthInChars(date);
  const blocks: PrintableBlock[] = [];
  if (!signature && !date) return blocks;
  const isDateLonger = signatureWidth - dateWidth < 2;
  if (signature) {
    blocks.push({ kind: "signature", text: signature, rightIndentChars: date && isDateLonger ? dateWidth - signatureWidth + 4 : 2 });
  }
  if (date) {
    blocks.push({ kind: "date", text: date, rightIndentChars: signature && !isDateLonger ? signatureWidth - dateWidth : 2 });
  }
  return blocks;
}
