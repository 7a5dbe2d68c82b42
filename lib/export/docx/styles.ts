import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from "docx";

import { LATIN_FONT, RUN_LANGUAGE, type RoleFonts } from "./fonts";
import { BODY_TRACKING, CHAR_WIDTH, FONT_SIZE, LINE_PITCH, TABLE_LINE } from "./units";

/** Paragraph style ids; every paragraph of the document refers to one of these. */
export const STYLE_IDS = {
  body: "NbBody",
  title: "NbTitle",
  docNumber: "NbDocNumber",
  recipient: "NbRecipient",
  heading1: "NbHeading1",
  heading2: "NbHeading2",
  heading3: "NbHeading3",
  heading4: "NbHeading4",
  closing: "NbClosing",
  tableText: "NbTableText",
  tableHeader: "NbTableHeader",
  copyTo: "NbCopyTo",
  footer: "NbFooter",
  header: "NbHeader",
} as const;

const onGrid = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function font(eastAsia: string) {
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia };
}

function style(id: string, name: string, options: Omit<IParagraphStyleOptions, "id" | "name">): IParagraphStyleOptions {
  return { id, name, quickFormat: true, ...options };
}

/** All paragraph styles, declared once: 3号 仿宋 on a 28.95 pt grid, headings with Word outline levels. */
export function buildStyles(fonts: RoleFonts, isHeadingBold: boolean): IStylesOptions {
  const bodyRun = { font: font(fonts.body), size: FONT_SIZE.body, characterSpacing: BODY_TRACKING, language: RUN_LANGUAGE };
  const noIndent = { firstLine: 0, left: 0, right: 0 };
  return {
    default: {
      document: {
        run: { font: font(fonts.body), size: FONT_SIZE.body, language: RUN_LANGUAGE },
        paragraph: { spacing: onGrid },
      },
    },
    paragraphStyles: [
      style(STYLE_IDS.body, "年报正文", {
        run: bodyRun,
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 2 * CHAR_WIDTH }, spacing: onGrid },
      }),
      style(STYLE_IDS.title, "年报标题", {
        basedOn: STYLE_IDS.body,
        next: STYLE_IDS.body,
        run: { font: font(fonts.title), size: FONT_SIZE.title, characterSpacing: 0 },
        paragraph: { alignment: AlignmentType.CENTER, indent: noIndent, keepNext: true, keepLines: true },
      }),
      style(STYLE_IDS.docNumber, "年报发文字号", { basedOn: STYLE_IDS.body, paragraph: { alignment: AlignmentType.CENTER, indent: noIndent } }),
      style(STYLE_IDS.recipient, "年报主送机关", { basedOn: STYLE_IDS.body, paragraph: { alignment: AlignmentType.JUSTIFIED, indent: noIndent } }),
      heading(STYLE_IDS.heading1, "年报一级标题", 0, { font: font(fonts.heading1) }),
      heading(STYLE_IDS.heading2, "年报二级标题", 1, { font: font(fonts.heading2), bold: isHeadingBold }),
      heading(STYLE_IDS.heading3, "年报三级标题", 2, { bold: isHeadingBold }),
      heading(STYLE_IDS.heading4, "年报四级标题", 3, {}),
      style(STYLE_IDS.closing, "年报署名日期", { basedOn: STYLE_IDS.body, paragraph: { alignment: AlignmentType.LEFT, indent: noIndent, keepNext: true } }),
      style(STYLE_IDS.tableText, "年报表格文字", {
        basedOn: STYLE_IDS.body,
        run: { size: FONT_SIZE.small, characterSpacing: 0 },
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: noIndent, spacing: { line: TABLE_LINE, lineRule: LineRuleType.EXACT } },
      }),
      style(STYLE_IDS.tableHeader, "年报表头", {
        basedOn: STYLE_IDS.tableText,
        run: { font: font(fonts.heading1) },
        paragraph: { alignment: AlignmentType.CENTER },
      }),
      style(STYLE_IDS.copyTo, "年报版记", {
        basedOn: STYLE_IDS.body,
        run: { size: FONT_SIZE.small, characterSpacing: 0 },
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: noIndent },
      }),
      style(STYLE_IDS.footer, "年报页码", {
        run: { font: font(fonts.pageNumber), size: FONT_SIZE.small, language: RUN_LANGUAGE },
        paragraph: { spacing: { line: 280, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
      }),
      style(STYLE_IDS.header, "年报页眉", {
        run: { font: font(fonts.heading1), size: FONT_SIZE.body, language: RUN_LANGUAGE },
        paragraph: { alignment: AlignmentType.RIGHT },
      }),
    ],
  };
}

function heading(id: string, name: string, outlineLevel: number, run: IParagraphStyleOptions["run"]): IParagraphStyleOptions {
  return style(id, name, {
    basedOn: STYLE_IDS.body,
    next: STYLE_IDS.body,
    run,
    paragraph: { outlineLevel, keepNext: true, keepLines: true },
  });
}
