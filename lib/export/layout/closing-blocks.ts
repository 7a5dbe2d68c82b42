import { isHalfWidth, textWidthInChars } from "./text-width";
import type { PrintableBlock } from "./types";

export interface ClosingLayout {
  /**
   * Space a layout engine puts between Chinese characters and Latin letters or digits, in characters per boundary.
   * LibreOffice (and Word by default) add about 0.2 of a character around the digits of "2026年1月20日";
   * the PDF template turns that spacing off (0).
   * @default 0
   */
  latinGapChars?: number;
  /**
   * 加盖印章 (GB/T 9704 7.3.5.1): the date four characters from the right and the 署名 centred above it,
   * instead of the unsealed layout of 7.3.5.2. @default false
   */
  isSealed?: boolean;
}

/**
 * 署名 and 成文日期 as lines that start at a fixed distance from the 版心's right edge, so the two-character shift
 * between them does not depend on how wide an engine sets the digits.
 *
 * Without a seal (GB/T 9704 7.3.5.2): the signature two characters from the right, the date starting two characters
 * right of the signature's first character; when the date would then reach into the two-character space, the date
 * sits two characters from the right and the signature moves left to keep the shift.
 * With a seal (7.3.5.1): the date four characters from the right and the signature centred over the date.
 */
export function closingBlocks(signature: string, date: string, layout: ClosingLayout = {}): PrintableBlock[] {
  const gap = layout.latinGapChars ?? 0;
  const signatureWidth = printedWidth(signature, gap);
  const dateWidth = printedWidth(date, gap);
  const blocks: PrintableBlock[] = [];
  if (!signature && !date) return blocks;
  const round = (value: number) => Math.round(value * 100) / 100;
  if (layout.isSealed) {
    const dateStart = (date ? dateWidth : signatureWidth) + 4;
    const signatureStart = date ? dateStart - (dateWidth - signatureWidth) / 2 : dateStart;
    if (signature) blocks.push({ kind: "signature", text: signature, startFromRightChars: round(Math.max(signatureStart, signatureWidth)) });
    if (date) blocks.push({ kind: "date", text: date, startFromRightChars: round(dateStart) });
    return blocks;
  }
  // Where each line starts, counted in characters leftwards from the right edge of the 版心.
  let signatureStart = signatureWidth + 2;
  let dateStart = signatureStart - 2;
  if (!signature) dateStart = dateWidth + 2;
  else if (date && dateStart - dateWidth < 2) {
    dateStart = dateWidth + 2;
    signatureStart = dateStart + 2;
  }
  if (signature) blocks.push({ kind: "signature", text: signature, startFromRightChars: round(signatureStart) });
  if (date) blocks.push({ kind: "date", text: date, startFromRightChars: round(dateStart) });
  return blocks;
}

/** Width in characters, plus `gap` at every change between Chinese and Latin/digits. */
function printedWidth(text: string, gap: number): number {
  const chars = [...text];
  let boundaries = 0;
  for (let index = 1; index < chars.length; index += 1) {
    if (chars[index] !== " " && chars[index - 1] !== " " && isHalfWidth(chars[index]!) !== isHalfWidth(chars[index - 1]!)) boundaries += 1;
  }
  return textWidthInChars(text) + boundaries * gap;
}
