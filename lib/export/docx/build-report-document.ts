import { Document } from "docx";

import type { Report, ReportTemplate } from "@/lib/report-model";

import { buildPrintableReport } from "../layout";
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from "../options";
import { ROLE_FONTS } from "./fonts";
import { renderBlock } from "./node-map";
import { buildPageSetup } from "./page";
import { buildStyles } from "./styles";
import { anchorComments, type ExportCommentThread } from "./track-changes-comments";
import { startChangeNumbering } from "./track-changes-runs";

/**
 * LibreOffice 7.4 puts about 3.2 pt (0.2 of a 3号 character) between Chinese and digits and, unlike Word,
 * ignores w:autoSpaceDE/DN; measured on "2026年1月20日" (tests/integration/docx-libreoffice-text.test.ts).
 */
const LIBREOFFICE_LATIN_GAP_CHARS = 0.2;

export type DocxExportOptions = Partial<ExportOptions> & {
  /** The report's template: decides which parts print their indicator table. */
  template?: ReportTemplate;
  /** Without a template: print every part's indicators as a table. @default false */
  shouldPrintIndicatorTables?: boolean;
  /** Open comment threads to print as Word comments anchored to their text (the review export). */
  comments?: readonly ExportCommentThread[];
};

/** The report as a GB/T 9704 Word document (pure: no I/O). */
export function buildReportDocument(report: Report, options: DocxExportOptions = {}): Document {
  const settings: ExportOptions = { ...DEFAULT_EXPORT_OPTIONS, ...definedOnly(options) };
  const fonts = ROLE_FONTS[settings.fontProfile];
  startChangeNumbering();
  const annotated = options.comments && options.comments.length > 0 ? anchorComments(report, options.comments) : undefined;
  const blocks = buildPrintableReport(annotated?.report ?? report, {
    template: options.template,
    shouldPrintIndicatorTables: options.shouldPrintIndicatorTables,
    closing: { latinGapChars: LIBREOFFICE_LATIN_GAP_CHARS },
    isFinal: !settings.isDraft,
    frame: options.frame,
  });
  const context = { fonts, isHeadingBold: settings.isHeadingBold };
  // The empty line before the 版记 is written after its floating table, as the paragraph that anchors it (node-map.ts).
  const children = blocks.flatMap((block, index) => (block.kind === "blank" && blocks[index + 1]?.kind === "copyTo" ? [] : renderBlock(block, context)));
  return new Document({
    title: report.meta.title,
    creator: report.meta.agency || "年报",
    lastModifiedBy: report.meta.agency || "年报",
    description: settings.isDraft ? "草稿" : "",
    styles: buildStyles(fonts, settings.isHeadingBold),
    evenAndOddHeaderAndFooters: settings.pageNumberPosition === "outside",
    ...(annotated ? { comments: { children: annotated.comments } } : {}),
    sections: [{ ...buildPageSetup(settings, fonts), children }],
  });
}

/** Spreading `{ isDraft: undefined }` would override the default; keep only the options actually given. */
function definedOnly(options: DocxExportOptions): Partial<ExportOptions> {
  const picked: Partial<ExportOptions> = {};
  if (options.isDraft !== undefined) picked.isDraft = options.isDraft;
  if (options.fontProfile !== undefined) picked.fontProfile = options.fontProfile;
  if (options.isHeadingBold !== undefined) picked.isHeadingBold = options.isHeadingBold;
  if (options.pageNumberPosition !== undefined) picked.pageNumberPosition = options.pageNumberPosition;
  return picked;
}
