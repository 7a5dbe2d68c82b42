import { ImportError } from "./errors";

export type SourceFormat = "docx" | "pdf" | "html" | "text";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** An OLE compound file holding "EncryptionInfo" (UTF-16 stream name) is a password-protected DOCX. */
function isEncryptedOle(bytes: Uint8Array): boolean {
  const needle = [..."EncryptionInfo"].flatMap((char) => [char.charCodeAt(0), 0]);
  const limit = Math.min(bytes.length, 4 * 1024 * 1024) - needle.length;
  outer: for (let index = 0; index <= limit; index += 1) {
    for (let offset = 0; offset < needle.length; offset += 1) if (bytes[index + offset] !== needle[offset]) continue outer;
    return true;
  }
  return false;
}

/** Chooses the reader by content first (magic numbers), then by file name. */
export function detectFormat(bytes: Uint8Array, fileName: string): SourceFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (extension === "txt" || extension === "text") return "text";
  if (startsWith(bytes, OLE)) {
    if (isEncryptedOle(bytes)) throw new ImportError("ENCRYPTED");
    throw new ImportError("UNSUPPORTED", "这是旧版 Word（.doc）或其他 Office 旧格式文件，请在 Word 或 WPS 中另存为 .docx 后再导入。");
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (extension && !["docx", "docm", "dotx", "wps", "zip"].includes(extension)) throw new ImportError("UNSUPPORTED");
    return "docx";
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (extension === "docx" || extension === "doc") throw new ImportError("CORRUPT");
  if (extension === "pdf") throw new ImportError("CORRUPT", "文件扩展名为 .pdf，但内容不是 PDF，可能已损坏。");
  if (extension === "html" || extension === "htm" || extension === "xhtml" || extension === "shtml") return "html";
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || (head.startsWith("<?xml") && head.includes("<html"))) return "html";
  if (["", "md", "csv", "log"].includes(extension)) return "text";
  throw new ImportError("UNSUPPORTED");
}
