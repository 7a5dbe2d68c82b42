import type { DocumentFrame } from "./layout/types";

/** Font names written into the DOCX: the GB2312 commercial set or the Windows built-ins. */
export type FontProfile = "gb2312" | "windows";

export interface ExportOptions {
  /** Not yet approved: mark the document "草稿" (watermark/header). @default true */
  isDraft: boolean;
  /** Printed after the 草稿 mark of a draft, e.g. "含2处未处理修订" (lib/reports/export-report.ts). @default none */
  draftNote?: string;
  /** @default "gb2312" */
  fontProfile: FontProfile;
  /** Bold 楷体/仿宋 headings (template option). @default false */
  isHeadingBold: boolean;
  /** "outside": odd pages right, even pages left; "center": centred. @default "outside" */
  pageNumberPosition: "outside" | "center";
  /** GB/T 9704 版头 (red 发文机关标志, 签发人), 附件说明, seal layout and 印发 line; none by default. */
  frame?: Partial<DocumentFrame>;
  /**
   * The 版头/版记 as it prints once the report's own open suggestions on it (签发人 …) are accepted; with `frame`,
   * the review preview and DOCX show those suggestions as tracked changes.
   */
  acceptedFrame?: Partial<DocumentFrame>;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  isDraft: true,
  fontProfile: "gb2312",
  isHeadingBold: false,
  pageNumberPosition: "outside",
};

/** `{机关}{年度}年法治政府建设情况报告.docx` with characters unsafe in file names removed. */
export function exportFileName(agency: string, year: number, extension: "docx" | "pdf"): string {
  const safeAgency = agency.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "").trim() || "本机关";
  return `${safeAgency}${year}年法治政府建设情况报告.${extension}`;
}

/** Thrown when an export cannot represent the report faithfully; never drop content silently. */
export class ExportError extends Error {
  constructor(
    readonly code: "UNSUPPORTED_NODE" | "ENGINE_FAILED" | "TIMEOUT" | "FONTS_MISSING" | "BUSY",
    message: string,
  ) {
    super(message);
    this.name = "ExportError";
  }
}
