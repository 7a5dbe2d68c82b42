import iconv from "iconv-lite";

import { ImportError } from "./errors";
import type { ImportContext } from "./types";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

const ENCODING_LABELS: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16（小端）",
  "utf-16be": "UTF-16（大端）",
  gb18030: "GBK/GB18030",
};

/** Decodes a text file of unknown encoding; throws BINARY when the bytes are not text. */
export function decodeText(bytes: Uint8Array, context: ImportContext): string {
  const encoding = detectEncoding(bytes);
  const body = stripBom(bytes, encoding);
  const text =
    encoding === "utf-8"
      ? new TextDecoder("utf-8").decode(body)
      : encoding === "gb18030"
        ? iconv.decode(Buffer.from(body), "gb18030")
        : new TextDecoder(encoding).decode(body);
  if (looksBinary(text)) throw new ImportError("BINARY");
  if (encoding !== "utf-8") context.log.push({ kind: "converted", message: `已按 ${ENCODING_LABELS[encoding]} 编码读取文本。` });
  return text;
}

export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const utf16 = guessUtf16(bytes);
  if (utf16) return utf16;
  if (isValidUtf8(bytes)) return "utf-8";
  return "gb18030";
}

function stripBom(bytes: Uint8Array, encoding: TextEncoding): Uint8Array {
  if (encoding === "utf-8" && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3);
  if (encoding === "utf-16le" && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2);
  if (encoding === "utf-16be" && bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2);
  return bytes;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The high byte of Chinese text in UTF-16 is 0x00 (ASCII), 0x20/0x30 (punctuation), 0x4E–0x9F (Han) or 0xFF (full-width). */
function isLikelyHighByte(byte: number): boolean {
  return byte === 0x00 || byte === 0x20 || byte === 0x30 || (byte >= 0x4e && byte <= 0x9f) || byte === 0xff;
}

function guessUtf16(bytes: Uint8Array): TextEncoding | undefined {
  const length = Math.min(bytes.length, 8192) & ~1;
  if (length < 4) return undefined;
  let evenHigh = 0;
  let oddHigh = 0;
  let evenZero = 0;
  let oddZero = 0;
  for (let index = 0; index < length; index += 2) {
    const even = bytes[index]!;
    const odd = bytes[index + 1]!;
    if (isLikelyHighByte(even)) evenHigh += 1;
    if (isLikelyHighByte(odd)) oddHigh += 1;
    if (even === 0) evenZero += 1;
    if (odd === 0) oddZero += 1;
  }
  const pairs = length / 2;
  // ASCII-heavy UTF-16 shows zeros on one side; Chinese shows Han high bytes on one side only.
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return "utf-16be";
  if (isValidUtf8(bytes.subarray(0, length))) return undefined;
  if (oddHigh > pairs * 0.95 && evenHigh < pairs * 0.6 && oddZero + evenZero < pairs) return "utf-16le";
  if (evenHigh > pairs * 0.95 && oddHigh < pairs * 0.6 && oddZero + evenZero < pairs) return "utf-16be";
  return undefined;
}

/** Control characters (other than whitespace) or replacement characters in bulk mean "not text". */
function looksBinary(text: string): boolean {
  if (text.length === 0) return false;
  let suspicious = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0xfffd) suspicious += 1;
  }
  return suspicious > Math.max(2, text.length * 0.01);
}
