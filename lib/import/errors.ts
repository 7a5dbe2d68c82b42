/** Largest file the importer accepts (the CLI and upload limits are the same). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportErrorCode =
  /** The file has no bytes, or no text once noise is removed. */
  | "EMPTY"
  /** Over `MAX_IMPORT_BYTES` (or the caller's limit). */
  | "TOO_LARGE"
  /** A damaged DOCX/ZIP/PDF that cannot be read. */
  | "CORRUPT"
  /** A password-protected DOCX or PDF. */
  | "ENCRYPTED"
  /** A format the importer does not read (e.g. legacy .doc, images). */
  | "UNSUPPORTED"
  /** A PDF with no text layer (a scan). */
  | "NO_TEXT_LAYER"
  /** A text file that is not text. */
  | "BINARY"
  /** A ZIP whose contents would expand to an unreasonable size. */
  | "ZIP_BOMB";

const MESSAGES: Record<ImportErrorCode, string> = {
  EMPTY: "文件为空，没有可导入的内容。",
  TOO_LARGE: "文件超过 20 MB，无法导入。请删除图片等大文件后再试。",
  CORRUPT: "文件已损坏，无法读取。请用 Word 或 WPS 打开后另存一份再导入。",
  ENCRYPTED: "文件设有密码保护，无法读取。请在 Word 或 WPS 中取消密码后再导入。",
  UNSUPPORTED: "暂不支持此文件格式。请导入 .docx、.txt、.html 或 .pdf 文件。",
  NO_TEXT_LAYER: "此 PDF 没有文字层（可能是扫描件），无法提取文字。请导入 Word 原文，或先做文字识别（OCR）。",
  BINARY: "文件内容不是文本，无法按文本导入。请确认文件类型是否正确。",
  ZIP_BOMB: "文件解压后体积异常巨大，已拒绝导入。",
};

/** An expected import failure; `message` is Chinese and may be shown to the user as is. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  constructor(code: ImportErrorCode, message: string = MESSAGES[code], options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "ImportError";
    this.code = code;
  }
}

export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}
