import { parseDocNumber } from "./tracked/doc-number";

/** What a 版头 line or table holds: the 文号 and/or the 签发人 (each "" when absent). */
export interface FrameText {
  docNumber: string;
  /** The 文号 as the source writes it, before its spaces were taken out ("" when absent). */
  docNumberSource: string;
  signer: string;
}

const SIGNER_LABEL = /签\s*发\s*人\s*[：:]?/u;
const MAX_SIGNER = 20;

/**
 * A line of a report's 版头 that prints the 文号, "签发人：name", or both ("青水发〔2026〕5号　　签发人：王五"), in the
 * forms real files have (any brackets, full-width digits, 第, spaces); undefined for any other line.
 */
export function readFrameText(text: string): FrameText | undefined {
  const label = SIGNER_LABEL.exec(text);
  const numberText = (label ? text.slice(0, label.index) : text).trim();
  const signer = label ? text.slice(label.index + label[0].length).trim() : "";
  if (numberText && !parseDocNumber(numberText)) return undefined;
  if (!numberText && !label) return undefined;
  if (label && (!signer || [...signer].length > MAX_SIGNER || /[。，；,;：:]/.test(signer))) return undefined;
  // Without a 文号 before it the label needs its colon: “签发人审核制度” is a heading, not a 签发人.
  if (label && !numberText && !/[：:]/.test(label[0])) return undefined;
  return { docNumber: numberText.replace(/\s+/g, ""), docNumberSource: numberText, signer };
}

/**
 * A table that is only a 版头 (Word and WPS templates put the 文号 and the 签发人 in a borderless table's cells):
 * every filled cell is a 文号 and/or 签发人, or a lone "签发人：" label beside the name. undefined for any other table.
 */
export function readFrameTable(rows: readonly string[][]): FrameText | undefined {
  const cells = rows.flat().map((cell) => cell.trim());
  const filled = cells.filter(Boolean);
  if (filled.length === 0 || filled.length > 4) return undefined;
  // A label cell and a name cell ("签发人：" | "王五") read as one line.
  const joined = filled.map((cell, index) => (/^签\s*发\s*人\s*[：:]?$/u.test(cell) && filled[index + 1] ? `${cell}${filled[index + 1]}` : cell));
  const lines = joined.filter((cell, index) => !(index > 0 && /^签\s*发\s*人\s*[：:]?$/u.test(filled[index - 1]!)));
  const read = lines.map(readFrameText);
  if (read.some((line) => !line)) return undefined;
  const docNumber = read.find((line) => line!.docNumber);
  return { docNumber: docNumber?.docNumber ?? "", docNumberSource: docNumber?.docNumberSource ?? "", signer: read.find((line) => line!.signer)?.signer ?? "" };
}
