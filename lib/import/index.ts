/**
 * Import last year's report from any copy: `.docx` (mammoth), `.txt` (UTF-8/UTF-16/GBK), a saved web page
 * (`.html`), a `.pdf` text layer, or text pasted into the editor.
 *
 * Undoing the Traditional→Simplified conversion: when a Traditional copy is converted, the result carries
 * `alternatives.traditional`, the same import without conversion (same parts and items, original script),
 * so the UI can swap it in without re-reading the file. Passing `convertTraditional: false` imports
 * without conversion in the first place.
 *
 * Expected failures throw `ImportError` with a `code` and a Chinese `message`; anything else is a bug.
 */
import { decodeText } from "./decode-text";
import { detectFormat } from "./detect-format";
import { ImportError, MAX_IMPORT_BYTES } from "./errors";
import { htmlToBlocks } from "./html-blocks";
import { importBlocks } from "./import-blocks";
import { readDocx } from "./read-docx";
import { readPdf } from "./read-pdf";
import { textToBlocks } from "./source-blocks";
import { createContext, type ImportOptions, type ImportResult, type SourceBlock } from "./types";

export { ImportError, MAX_IMPORT_BYTES, isImportError, type ImportErrorCode } from "./errors";
export type { ImportLogEntry, ImportLogKind, ImportOptions, ImportResult, MetaSuggestion, RepairMode, SourceHeading, UncertainMapping } from "./types";

export interface ImportReportInput extends ImportOptions {
  bytes: Uint8Array;
  /** Used to choose the reader when the content does not say (e.g. .txt vs .html). */
  fileName: string;
}

/** Reads a file of any supported format into a report plus an import log. */
export async function importReport(input: ImportReportInput): Promise<ImportResult> {
  const { bytes, fileName, ...options } = input;
  if (bytes.length === 0) throw new ImportError("EMPTY");
  const limit = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (bytes.length > limit) throw new ImportError("TOO_LARGE", `文件超过 ${Math.round(limit / 1024 / 1024)} MB，无法导入。请删除图片等大文件后再试。`);
  const context = createContext();
  const format = detectFormat(bytes, fileName);
  let blocks: SourceBlock[];
  if (format === "docx") blocks = await readDocx(bytes, context.log);
  else if (format === "pdf") blocks = await readPdf(bytes);
  else {
    const text = decodeText(bytes, context);
    blocks = format === "html" ? htmlToBlocks(text, { hasStyledHeadings: false }) : textToBlocks(text);
  }
  const source = format === "docx" ? "docx" : format === "pdf" ? "pdf" : format === "html" ? "web" : "text";
  return importBlocks(blocks, options, source, context.log);
}

/**
 * Imports pasted text (same structure rules as a .txt file). Pasted text is usually copied from a web page,
 * so it is treated as a web copy unless `repair: "file"` says it is the official's own text.
 */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  if (!/\S/.test(text)) throw new ImportError("EMPTY");
  if (text.length > (options.maxBytes ?? MAX_IMPORT_BYTES)) throw new ImportError("TOO_LARGE");
  return importBlocks(textToBlocks(text), { ...options, repair: options.repair ?? "web" }, "text");
}
