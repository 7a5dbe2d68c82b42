import mammoth from "mammoth";

import { ImportError } from "./errors";
import { htmlToBlocks } from "./html-blocks";
import { inspectDocxZip, readZipDirectory } from "./inspect-zip";
import type { SourceBlock } from "./types";

/** Images are never read: the report body keeps text and tables only. */
const skipImages = mammoth.images.imgElement(async () => ({ src: "" }));

/** A DOCX through mammoth, after the ZIP has been checked for bombs and damage. */
export async function readDocx(bytes: Uint8Array): Promise<SourceBlock[]> {
  const entries = readZipDirectory(bytes);
  if (!entries.some((entry) => entry.name === "word/document.xml")) {
    throw new ImportError("UNSUPPORTED", "这个压缩文件不是 Word 文档（缺少 word/document.xml），请导入 .docx 文件。");
  }
  // Every entry, word/media included: the relationships may point the main document anywhere.
  inspectDocxZip(bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { convertImage: skipImages, ignoreEmptyParagraphs: true });
    html = result.value;
  } catch (error) {
    throw new ImportError("CORRUPT", undefined, { cause: error });
  }
  return htmlToBlocks(html, { hasStyledHeadings: true });
}
