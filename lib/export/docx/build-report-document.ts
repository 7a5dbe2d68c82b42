import { Document, Footer, Paragraph, SectionType, type ISectionOptions } from "docx";

import type { Report, ReportTemplate } from "@/lib/report-model";

import { buildPrintableReport, fittedBlocks, keptWithSignature, type ImprintPlacement, type SignatureFit } from "../layout";
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from "../options";
import { ROLE_FONTS } from "./fonts";
import { atLinePitch } from "./grid-snap";
import { bodyParagraph, renderBlock } from "./node-map";
import { buildPageSetup } from "./page";
import { buildStyles, STYLE_IDS } from "./styles";
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
  /**
   * Where the PDF engine's layout puts the 版记 (findImprintPlacement in lib/export/pdf). Not at the foot of the
   * body's last page: it starts an unnumbered section on the next even page. @default "samePage"
   */
  imprintPlacement?: ImprintPlacement;
  /**
   * The last page set tighter so the 署名 and 成文日期 stand with the text (GB/T 9704 7.3.5), as the PDF engine's
   * layout found it (fitSignature in lib/export/pdf): its blocks at its exact line pitch, off the grid.
   */
  signatureFit?: SignatureFit;
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
    acceptedFrame: options.acceptedFrame,
  });
  const context = { fonts, isHeadingBold: settings.isHeadingBold };
  // The text's last paragraph moves to the next page with the 署名 rather than leave it alone there (GB/T 9704 7.3.5).
  const kept = new Set(keptWithSignature(blocks));
  // The empty line before the 版记 is written after its floating table, as the paragraph that anchors it (node-map.ts).
  // The blocks of a tighter last page, at the fit's pitch (report.typ sets the same blocks at the same pitch).
  const fitted = fittedBlocks(blocks, options.signatureFit);
  const children = blocks.flatMap((block, index) => {
    if (block.kind === "blank" && blocks[index + 1]?.kind === "copyTo") return [];
    const rendered = renderBlock(block, kept.has(index) ? { ...context, isKeptWithNext: true } : context);
    const pitch = options.signatureFit?.linePitch;
    return pitch && fitted.has(index) ? rendered.map((child) => (child instanceof Paragraph ? atLinePitch(child, pitch) : child)) : rendered;
  });
  const setup = buildPageSetup(settings, fonts);
  const imprintIndex = blocks.findIndex((block) => block.kind === "copyTo");
  const isImprintApart = imprintIndex >= 0 && (options.imprintPlacement ?? "samePage") !== "samePage";
  const imprintChildren = isImprintApart ? renderBlock(blocks[imprintIndex]!, context) : [];
  const sections = isImprintApart
    ? [
        { ...setup, children: children.slice(0, -imprintChildren.length) },
        imprintSection(setup, imprintChildren, options.imprintPlacement === "afterBlankPage"),
      ]
    : [{ ...setup, children }];
  return new Document({
    title: report.meta.title,
    creator: report.meta.agency || "年报",
    lastModifiedBy: report.meta.agency || "年报",
    description: settings.isDraft ? "草稿" : "",
    styles: buildStyles(fonts, settings.isHeadingBold),
    evenAndOddHeaderAndFooters: settings.pageNumberPosition === "outside",
    ...(annotated ? { comments: { children: annotated.comments } } : {}),
    sections,
  });
}

/**
 * The 版记 on a page of its own (GB/T 9704 7.4, 7.5): a section from the page after the body, after a blank page
 * when the body ends on an even page, with empty footers: the blank page and the 版记 page carry no page number.
 * The blank page is a real page (an empty line, then a page break), not the one Word inserts for an even-page
 * section break, which LibreOffice leaves out of its PDF.
 */
function imprintSection(setup: ReturnType<typeof buildPageSetup>, children: ISectionOptions["children"], isAfterBlankPage: boolean): ISectionOptions {
  const empty = () => new Footer({ children: [new Paragraph({ style: STYLE_IDS.footer, children: [] })] });
  // An empty line opens the 版记 page: LibreOffice 7.4 drops the section break (its page break and footers) when a
  // section starts with a floating table.
  const opening = isAfterBlankPage
    ? [bodyParagraph(STYLE_IDS.body, []), bodyParagraph(STYLE_IDS.body, [], { pageBreakBefore: true })]
    : [bodyParagraph(STYLE_IDS.body, [])];
  return {
    ...setup,
    // A plain next-page break: with an even-page section LibreOffice 7.4 laid the 版记 out otherwise (a rule fewer on
    // the last page in tests/integration/libreoffice-frame.test.ts).
    properties: { ...setup.properties, type: SectionType.NEXT_PAGE },
    footers: { default: empty(), even: empty() },
    children: [...opening, ...children],
  };
}

/** Spreading `{ isDraft: undefined }` would override the default; keep only the options actually given. */
function definedOnly(options: DocxExportOptions): Partial<ExportOptions> {
  const picked: Partial<ExportOptions> = {};
  if (options.isDraft !== undefined) picked.isDraft = options.isDraft;
  if (options.draftNote !== undefined) picked.draftNote = options.draftNote;
  if (options.fontProfile !== undefined) picked.fontProfile = options.fontProfile;
  if (options.isHeadingBold !== undefined) picked.isHeadingBold = options.isHeadingBold;
  if (options.pageNumberPosition !== undefined) picked.pageNumberPosition = options.pageNumberPosition;
  return picked;
}
