import { AlignmentType, DocumentGridType, Footer, Header, Paragraph, PageNumber, TextRun, type ISectionOptions } from "docx";

import type { ExportOptions } from "../options";
import { runFont, RUN_LANGUAGE, type RoleFonts } from "./fonts";
import { STYLE_IDS } from "./styles";
import { LINE_PITCH, PAGE_MARGINS, PAGE_SIZE } from "./units";

/** One 4号 character: the page number sits this far in from the 版心 edge. */
const PAGE_NUMBER_INSET = 280;

type PageSetup = Omit<ISectionOptions, "children">;

/** A4 with GB/T 9704 margins, a 22-line grid, "— 1 —" footers and, for drafts, a "草稿" header. */
export function buildPageSetup(options: Pick<ExportOptions, "isDraft" | "draftNote" | "pageNumberPosition">, fonts: RoleFonts): PageSetup {
  const isOutside = options.pageNumberPosition === "outside";
  const footers = isOutside
    ? { default: pageNumberFooter("odd", fonts), even: pageNumberFooter("even", fonts) }
    : { default: pageNumberFooter("center", fonts) };
  const mark = options.draftNote ? `草稿　${options.draftNote}` : "草稿";
  const headers = options.isDraft
    ? isOutside
      ? { default: draftHeader(fonts, mark), even: draftHeader(fonts, mark) }
      : { default: draftHeader(fonts, mark) }
    : undefined;
  return {
    properties: {
      page: { size: PAGE_SIZE, margin: PAGE_MARGINS },
      // "lines" only: LibreOffice misreads Word's linesAndChars grid (17 characters a line instead of 28).
      grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
    },
    footers,
    ...(headers ? { headers } : {}),
  };
}

/** Odd pages right and even pages left, one character in (GB/T 9704 7.5), or centred. */
function pageNumberFooter(position: "odd" | "even" | "center", fonts: RoleFonts): Footer {
  const alignment = position === "odd" ? AlignmentType.RIGHT : position === "even" ? AlignmentType.LEFT : AlignmentType.CENTER;
  const indent = position === "odd" ? { right: PAGE_NUMBER_INSET } : position === "even" ? { left: PAGE_NUMBER_INSET } : {};
  const run = new TextRun({
    children: ["— ", PageNumber.CURRENT, " —"],
    font: runFont(fonts.pageNumber, "—", fonts.pageNumber),
    language: RUN_LANGUAGE,
  });
  return new Footer({ children: [new Paragraph({ style: STYLE_IDS.footer, alignment, indent, children: [run] })] });
}

/** "草稿", or "草稿　含2处未处理修订" when the draft prints open suggestions as accepted. */
function draftHeader(fonts: RoleFonts, mark: string): Header {
  const run = new TextRun({ text: mark, font: runFont(fonts.heading1, mark), language: RUN_LANGUAGE });
  return new Header({ children: [new Paragraph({ style: STYLE_IDS.header, children: [run] })] });
}
