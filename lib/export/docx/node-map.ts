import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from "docx";

import { inlinesToText, plainInline, type PrintableBlock, type PrintableBlockKind, type PrintableInline, type PrintableParagraph } from "../layout";
import { ExportError } from "../options";
import { RUN_LANGUAGE, runFont, type RoleFonts } from "./fonts";
import { createInlineRuns, createRunsWithBoldLead, createTextRun } from "./runs";
import { fieldRuns, paragraphMarkChange } from "./track-changes-runs";
import { STYLE_IDS } from "./styles";
import { withoutGridSnap } from "./grid-snap";
import { createRuledBlock, createTable, RULED_INDENT, RULED_LINE, RULED_TEXT_WIDTH } from "./table";
import { CHAR_WIDTH, LINE_PITCH, TEXT_WIDTH } from "./units";

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
  /**
   * On the 署名's page (keptWithSignature in lib/export/layout): kept with the next paragraph and its lines together,
   * as report.typ's sticky unbreakable blocks.
   */
  isKeptWithNext?: boolean;
}

/** Word's and LibreOffice's keep-with-next and keep-lines-together for a block kept with the 署名. */
function keepOptions(context: RenderContext): Pick<IParagraphOptions, "keepNext" | "keepLines"> {
  return context.isKeptWithNext ? { keepNext: true, keepLines: true } : {};
}

type BlockRenderer<K extends PrintableBlockKind> = (block: Extract<PrintableBlock, { kind: K }>, context: RenderContext) => Array<Paragraph | Table>;

const HEADING_STYLES = { h1: STYLE_IDS.heading1, h2: STYLE_IDS.heading2, h3: STYLE_IDS.heading3, h4: STYLE_IDS.heading4 } as const;

/** Every printable block kind has a renderer: a new kind without one is a compile error. */
export const BLOCK_RENDERERS = {
  docNumber: (block, { fonts }) => letterhead(block, fonts),
  attachment: (block, context) => [
    bodyParagraph(STYLE_IDS.closing, [createTextRun(block.label + block.text, { eastAsia: context.fonts.body })], {
      ...keepOptions(context),
      // "附件：" two characters in, later numbers under the first (2 + 3 characters), a wrapped line under the name.
      indent: { left: Math.round((5 + block.numberChars) * CHAR_WIDTH), hanging: Math.round(((block.label ? 3 : 0) + block.numberChars) * CHAR_WIDTH) },
    }),
  ],
  title: (block, { fonts }) => [
    withoutGridSnap(
      bodyParagraph(
        STYLE_IDS.title,
        block.lines.flatMap((line, index) => {
          // 小标宋 sets the title's digits too (Word: "2024年" all in 方正小标宋简体, not Times New Roman).
          const lineInlines = block.lineInlines?.[index];
          const runs = lineInlines
            ? fieldRuns(lineInlines, line, { eastAsia: fonts.title, latin: fonts.title })
            : [new TextRun({ text: line, font: runFont(fonts.title, line, fonts.title), language: RUN_LANGUAGE })];
          return index === 0 ? runs : [new TextRun({ break: 1 }), ...runs];
        }),
      ),
    ),
  ],
  blank: (_block, context) => [bodyParagraph(STYLE_IDS.body, [], keepOptions(context))],
  mainRecipient: (block, { fonts }) => [bodyParagraph(STYLE_IDS.recipient, fieldRuns(block.inlines, block.text, { eastAsia: fonts.body }))],
  heading: (block, { fonts }) => {
    const eastAsia = block.role === "h1" ? fonts.heading1 : block.role === "h2" ? fonts.heading2 : fonts.body;
    return [bodyParagraph(HEADING_STYLES[block.role], fieldRuns(block.inlines, block.prefix + block.text, { eastAsia }))];
  },
  paragraph: (block, context) => [renderParagraph(block, context)],
  // The editor's option reads 以加粗段首标题连排: a run-in heading is bold 楷体 whatever the template's heading weight,
  // and carries outline level 2 so Word's navigation pane lists it with the （一） headings.
  runIn: (block, context) => [
    bodyParagraph(
      STYLE_IDS.body,
      [
        ...fieldRuns(block.headingInlines, block.prefix + block.heading, { eastAsia: context.fonts.heading2, isBold: true }),
        ...createInlineRuns(block.inlines, { eastAsia: context.fonts.body }),
      ],
      { outlineLevel: 1, ...keepOptions(context) },
    ),
  ],
  table: (block, context) => [
    createTable(
      block,
      (cellBlock, cell, width) => renderBlock(cellBlock, { ...context, cell: cell.isHeader ? "header" : "body", isCentered: cell.isCentered, width }),
      context.width,
    ),
  ],
  signature: (block, { fonts }) => [closing(block.text, block.startFromRightChars, fonts, block.inlines)],
  date: (block, { fonts }) => [closing(block.text, block.startFromRightChars, fonts, block.inlines)],
  copyTo: (block, { fonts }) => {
    const rows: Paragraph[] = [];
    const spacing = { line: RULED_LINE, lineRule: LineRuleType.EXACT };
    if (block.text)
      rows.push(
        new Paragraph({ style: STYLE_IDS.copyTo, indent: RULED_INDENT, spacing, children: fieldRuns(block.inlines, block.text, { eastAsia: fonts.body }) }),
      );
    if (block.imprint) {
      rows.push(
        new Paragraph({
          style: STYLE_IDS.copyTo,
          indent: RULED_INDENT,
          spacing,
          tabStops: [{ type: TabStopType.RIGHT, position: RULED_TEXT_WIDTH }],
          children: [
            ...fieldRuns(block.imprint.agencyInlines, block.imprint.agency, { eastAsia: fonts.body }),
            new TextRun({ children: [new Tab()] }),
            ...fieldRuns(block.imprint.dateInlines, block.imprint.date, { eastAsia: fonts.body }),
          ],
        }),
      );
    }
    // A table floating at the foot of the page of the paragraph after it: the empty line the layout keeps between
    // the text and the 版记 (build-report-document.ts moves it here), so when that line no longer fits above the
    // 版记, both move to the next page, as in the PDF.
    const anchor = bodyParagraph(STYLE_IDS.body, []);
    return [createRuledBlock(rows), anchor];
  },
} satisfies { [K in PrintableBlockKind]: BlockRenderer<K> };

/** GB/T 9704 red: the 发文机关标志 and the separator. */
export const OFFICIAL_RED = "FF0000";

/**
 * 文号 (centred, or left with the 签发人 right for a 上行文) and, with an agency mark, the 版头 on whole grid lines:
 * three empty lines, the red mark in a two-line slot (its top 35 mm under the 版心's top edge), 空二行, the 文号
 * and the red separator 4 mm under it, drawn in the next line so that every later line stays on the grid.
 */
function letterhead(block: Extract<PrintableBlock, { kind: "docNumber" }>, fonts: RoleFonts): Array<Paragraph | Table> {
  const paragraphs: Array<Paragraph | Table> = [];
  if (block.agencyMark) {
    const size = agencyMarkSize(block.agencyMark);
    paragraphs.push(bodyParagraph(STYLE_IDS.body, []), bodyParagraph(STYLE_IDS.body, []), bodyParagraph(STYLE_IDS.body, []));
    paragraphs.push(
      withoutGridSnap(
        bodyParagraph(
          STYLE_IDS.title,
          [new TextRun({ text: block.agencyMark, font: runFont(fonts.title, block.agencyMark), size: size * 2, color: OFFICIAL_RED, characterSpacing: 0 })],
          {
            // LibreOffice and Word set the text at the foot of an exact line: the space after lifts it to 35 mm.
            spacing: { before: 0, line: 2 * LINE_PITCH - MARK_LIFT, lineRule: LineRuleType.EXACT, after: MARK_LIFT },
          },
        ),
      ),
      bodyParagraph(STYLE_IDS.body, []),
      bodyParagraph(STYLE_IDS.body, []),
    );
  }
  const hasNumber = block.text !== "";
  const numberRuns = hasNumber ? fieldRuns(block.inlines, block.text, { eastAsia: fonts.body }) : [];
  if (block.signer) {
    paragraphs.push(
      bodyParagraph(
        STYLE_IDS.recipient,
        [
          ...numberRuns,
          new TextRun({ children: [new Tab()] }),
          createTextRun("签发人：", { eastAsia: fonts.body }),
          ...fieldRuns(block.signerInlines, block.signer, { eastAsia: fonts.heading2 }),
        ],
        {
          indent: { left: CHAR_WIDTH, right: CHAR_WIDTH },
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR_WIDTH }],
        },
      ),
    );
  } else if (hasNumber || block.agencyMark) {
    paragraphs.push(bodyParagraph(STYLE_IDS.docNumber, numberRuns));
  }
  if (block.agencyMark) paragraphs.push(redSeparator());
  return paragraphs;
}

/** Mark size in points: 小初 (36 pt) unless the name needs smaller type to fit the 版心's width. */
export function agencyMarkSize(mark: string): number {
  return Math.min(36, Math.floor((442 / Math.max(1, [...mark].length)) * 2) / 2);
}

/** Space under the mark in its two-line slot (twips), so its top edge is 35 mm under the 版心's top (measured in LibreOffice). */
const MARK_LIFT = 84;
/** Red separator: 1.5 pt, this far (twips) into the line under the 文号, which puts it 4 mm under the 文号's characters. */
const RED_RULE_EIGHTHS = 12;
const RED_RULE_DROP = 136;

/**
 * The red separator as the top border of a borderless table's second row: two rows of exact height that together
 * fill one grid line, so the rule is exactly where it should be and adds no height (a paragraph border would).
 */
function redSeparator(): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;
  const red = { style: BorderStyle.SINGLE, size: RED_RULE_EIGHTHS, color: OFFICIAL_RED } as const;
  const row = (height: number, top: typeof none | typeof red) =>
    new TableRow({
      height: { value: height, rule: HeightRule.EXACT },
      cantSplit: true,
      children: [
        new TableCell({
          width: { size: TEXT_WIDTH, type: WidthType.DXA },
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
          borders: { top, bottom: none, left: none, right: none },
          children: [new Paragraph({ style: STYLE_IDS.tableText, spacing: { line: Math.max(20, height - 20), lineRule: LineRuleType.EXACT }, children: [] })],
        }),
      ],
    });
  return new Table({
    rows: [row(RED_RULE_DROP, none), row(LINE_PITCH - RED_RULE_DROP, red)],
    columnWidths: [TEXT_WIDTH],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    layout: "fixed",
  });
}

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

function renderParagraph(block: PrintableParagraph, context: RenderContext): Paragraph {
  const { fonts, isHeadingBold, cell, isCentered } = context;
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
  return bodyParagraph(style, children, { ...indent, ...outline, ...keepOptions(context), ...paragraphMarkChange(block.breakChange) });
}

/** Flush left from a fixed start, so the engine's spacing around digits cannot shift the first character. */
function closing(text: string, startFromRightChars: number, fonts: RoleFonts, inlines?: PrintableInline[]): Paragraph {
  return bodyParagraph(STYLE_IDS.closing, fieldRuns(inlines, text, { eastAsia: fonts.body }), {
    indent: { left: Math.max(0, TEXT_WIDTH - Math.round(startFromRightChars * CHAR_WIDTH)) },
  });
}
