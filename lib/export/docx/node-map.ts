import { AlignmentType, Paragraph, TextRun, type IParagraphOptions, type Table } from "docx";

import { inlinesToText, plainInline, type PrintableBlock, type PrintableBlockKind, type PrintableParagraph } from "../layout";
import { ExportError } from "../options";
import type { RoleFonts } from "./fonts";
import { createInlineRuns, createRunsWithBoldLead, createTextRun } from "./runs";
import { STYLE_IDS } from "./styles";
import { withoutGridSnap } from "./grid-snap";
import { createRuledBlock, createTable } from "./table";
import { CHAR_WIDTH, TEXT_WIDTH } from "./units";

export interface RenderContext {
  fonts: RoleFonts;
  /** Bold 楷体 and numbered 仿宋 headings (template option). */
  isHeadingBold: boolean;
  /** Inside a table cell: paragraphs take the table styles. */
  cell?: "header" | "body";
  /** Centre the cell's paragraphs (figures). */
  isCentered?: boolean;
  /** Width available to a table, in twips: the 版心, or the enclosing cell's. */
  width?: number;
}

type BlockRenderer<K extends PrintableBlockKind> = (block: Extract<PrintableBlock, { kind: K }>, context: RenderContext) => Array<Paragraph | Table>;

const HEADING_STYLES = { h1: STYLE_IDS.heading1, h2: STYLE_IDS.heading2, h3: STYLE_IDS.heading3, h4: STYLE_IDS.heading4 } as const;

/** Every printable block kind has a renderer: a new kind without one is a compile error. */
export const BLOCK_RENDERERS = {
  docNumber: (block, { fonts }) => [bodyParagraph(STYLE_IDS.docNumber, [createTextRun(block.text, { eastAsia: fonts.body })])],
  title: (block, { fonts }) => [
    withoutGridSnap(
      bodyParagraph(
        STYLE_IDS.title,
        block.lines.flatMap((line, index) => {
          const run = createTextRun(line, { eastAsia: fonts.title });
          return index === 0 ? [run] : [new TextRun({ break: 1 }), run];
        }),
      ),
    ),
  ],
  blank: () => [bodyParagraph(STYLE_IDS.body, [])],
  mainRecipient: (block, { fonts }) => [bodyParagraph(STYLE_IDS.recipient, [createTextRun(block.text, { eastAsia: fonts.body })])],
  heading: (block, { fonts }) => {
    const eastAsia = block.role === "h1" ? fonts.heading1 : block.role === "h2" ? fonts.heading2 : fonts.body;
    return [bodyParagraph(HEADING_STYLES[block.role], [createTextRun(block.prefix + block.text, { eastAsia })])];
  },
  paragraph: (block, context) => [renderParagraph(block, context)],
  // The editor's option reads 以加粗段首标题连排: a run-in heading is bold 楷体 whatever the template's heading weight,
  // and carries outline level 2 so Word's navigation pane lists it with the （一） headings.
  runIn: (block, { fonts }) => [
    bodyParagraph(
      STYLE_IDS.body,
      [createTextRun(block.prefix + block.heading, { eastAsia: fonts.heading2, isBold: true }), ...createInlineRuns(block.inlines, { eastAsia: fonts.body })],
      { outlineLevel: 1 },
    ),
  ],
  table: (block, context) => [
    createTable(
      block,
      (cellBlock, cell, width) => renderBlock(cellBlock, { ...context, cell: cell.isHeader ? "header" : "body", isCentered: cell.isCentered, width }),
      context.width,
    ),
  ],
  signature: (block, { fonts }) => [closing(block.text, block.startFromRightChars, fonts)],
  date: (block, { fonts }) => [closing(block.text, block.startFromRightChars, fonts)],
  copyTo: (block, { fonts }) => [createRuledBlock(new Paragraph({ style: STYLE_IDS.copyTo, children: [createTextRun(block.text, { eastAsia: fonts.body })] }))],
} satisfies { [K in PrintableBlockKind]: BlockRenderer<K> };

export function renderBlock(block: PrintableBlock, context: RenderContext): Array<Paragraph | Table> {
  const renderer = Object.hasOwn(BLOCK_RENDERERS, block.kind) ? (BLOCK_RENDERERS[block.kind] as BlockRenderer<PrintableBlockKind>) : undefined;
  if (!renderer) throw new ExportError("UNSUPPORTED_NODE", `无法导出的版面内容“${String(block.kind)}”，已停止导出以免丢失内容`);
  return renderer(block, context);
}

/**
 * A paragraph of the running text; widow control is off so that every page holds all 22 lines.
 *
 * `w:overflowPunct` is written explicitly as on, which is Word's and WPS's default (a closing mark may hang at the
 * line end). LibreOffice 7.4 reads the element inverted: without it, or with it off, it hangs the mark and then
 * drops it from justified lines (a 、 between two phrases simply gone); with it on it keeps the mark and moves the
 * last character down with it, as the PDF does. Found by experiment, kept by tests/integration/docx-libreoffice-text.test.ts.
 */
export function bodyParagraph(style: string, children: IParagraphOptions["children"], options: Omit<IParagraphOptions, "style" | "children"> = {}): Paragraph {
  return new Paragraph({ style, widowControl: false, overflowPunctuation: true, ...options, children });
}

function renderParagraph(block: PrintableParagraph, { fonts, isHeadingBold, cell, isCentered }: RenderContext): Paragraph {
  const inlines = block.prefix ? [plainInline(block.prefix), ...block.inlines] : block.inlines;
  const eastAsia = cell === "header" ? fonts.heading1 : fonts.body;
  const boldLength = isHeadingBold ? block.headingLength : 0;
  const style = cell === "header" ? STYLE_IDS.tableHeader : cell === "body" ? STYLE_IDS.tableText : STYLE_IDS.body;
  const indent = block.indentLevel > 0 ? { indent: { left: block.indentLevel * 2 * CHAR_WIDTH } } : {};
  const alignment = isCentered ? { alignment: AlignmentType.CENTER } : {};
  const children = createRunsWithBoldLead(inlines, { eastAsia }, boldLength);
  if (cell) return new Paragraph({ style, overflowPunctuation: true, ...indent, ...alignment, children });
  // "1.加强队伍建设。全年…" and "（1）…。…": run-in headings of levels 3 and 4 show in the navigation pane too.
  const outline = block.headingLength > 0 ? { outlineLevel: /^[（(]/.test(block.prefix || inlinesToText(block.inlines)) ? 3 : 2 } : {};
  return bodyParagraph(style, children, { ...indent, ...outline });
}

/** Flush left from a fixed start, so the engine's spacing around digits cannot shift the first character. */
function closing(text: string, startFromRightChars: number, fonts: RoleFonts): Paragraph {
  return bodyParagraph(STYLE_IDS.closing, [createTextRun(text, { eastAsia: fonts.body })], {
    indent: { left: Math.max(0, TEXT_WIDTH - Math.round(startFromRightChars * CHAR_WIDTH)) },
  });
}
