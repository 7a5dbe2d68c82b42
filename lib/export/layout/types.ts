/** A run of text with the two marks a report body may carry. */
export interface PrintableText {
  kind: "text";
  text: string;
  isBold: boolean;
  isItalic: boolean;
  /** A suggestion (修订) on this run: the DOCX writes it as a tracked change (w:ins / w:del). */
  change?: PrintableChange;
  /** Word comments anchored on this run, by their number in the exported document (track-changes-comments.ts). */
  commentIds?: number[];
}

/** A suggestion mark as the exporters see it. */
export interface PrintableChange {
  kind: "insert" | "delete";
  id: string;
  authorName: string;
  /** ISO 8601 timestamp. */
  at: string;
}

/** A hard line break inside a paragraph. */
export interface PrintableBreak {
  kind: "break";
  /** A suggested line break (or its deletion), written as a tracked change. */
  change?: PrintableChange;
}

export type PrintableInline = PrintableText | PrintableBreak;

/** GB/T 9704 7.3.3 levels: h1 一、 (黑体), h2 （一） (楷体), h3 1. and h4 （1） (仿宋). */
export type HeadingRole = "h1" | "h2" | "h3" | "h4";

/** A numbered heading standing on its own line; `prefix` is the literal numeral ("一、", "（二）", "3."). */
export interface PrintableHeading {
  kind: "heading";
  role: HeadingRole;
  prefix: string;
  text: string;
  /** Prefix and text with the heading's field suggestion as tracked changes (track-changes-fields.ts); absent without one. */
  inlines?: PrintableInline[];
}

/** A body paragraph (仿宋, first line indented two characters). */
export interface PrintableParagraph {
  kind: "paragraph";
  /** List marker printed before the text ("1.", "（1）", "①", "●"); "" for plain paragraphs. */
  prefix: string;
  inlines: PrintableInline[];
  /**
   * Characters (of prefix + text) forming a run-in heading such as "1.加强队伍建设。";
   * exporters bold them when the template asks for bold headings. 0 when none.
   */
  headingLength: number;
  /** Extra left indent in steps of two characters, for nested lists. */
  indentLevel: number;
  /** The break after this paragraph is a suggestion (a paragraph split in 修订模式): an inserted paragraph mark. */
  breakChange?: PrintableChange;
}

/** "（一）加强组织领导。" in 楷体 followed by the item's first paragraph in 仿宋, in one paragraph. */
export interface PrintableRunIn {
  kind: "runIn";
  prefix: string;
  /** Heading text ending with its punctuation (a "。" is added when it has none). */
  heading: string;
  inlines: PrintableInline[];
  /** Prefix and heading with the heading's field suggestion as tracked changes; absent without one. */
  headingInlines?: PrintableInline[];
}

export interface PrintableTableCell {
  isHeader: boolean;
  columnSpan: number;
  rowSpan: number;
  /** Figures are centred; text cells follow the paragraph style. */
  isCentered?: boolean;
  /** Paragraphs, list paragraphs and nested tables of the cell. */
  blocks: PrintableBlock[];
}

export interface PrintableTable {
  kind: "table";
  /** "indicators" for the figure table a template prints at the end of a part. */
  source: "body" | "indicators";
  rows: PrintableTableCell[][];
  /** Relative column widths (any unit), one per grid column; empty when unknown (equal widths). */
  columnWidths: number[];
}

export type PrintableBlock =
  /**
   * 发文字号 above the title: centred, or for a 上行文 with a 签发人 flush left (one character in) with
   * "签发人：name" on the right (one character in). With an `agencyMark` it is the 版头 (GB/T 9704 7.2): the red
   * 发文机关标志, 空二行, the 文号 line, and the red separator 4 mm under it.
   */
  | { kind: "docNumber"; text: string; signer?: string; agencyMark?: string; inlines?: PrintableInline[]; signerInlines?: PrintableInline[] }
  /** The title, already broken into balanced lines (2号 小标宋, centred); `lineInlines` with its field suggestion. */
  | { kind: "title"; lines: string[]; lineInlines?: PrintableInline[][] }
  /** One empty line of the 22-line grid. */
  | { kind: "blank" }
  /** 主送机关, flush left, ending with a full-width colon. */
  | { kind: "mainRecipient"; text: string; inlines?: PrintableInline[] }
  | PrintableHeading
  | PrintableParagraph
  | PrintableRunIn
  | PrintableTable
  /**
   * 署名 / 成文日期 (GB/T 9704 7.3.5): set flush left from `startFromRightChars` characters left of the 版心's
   * right edge, so the two-character shift between them holds whatever width an engine gives the digits.
   */
  | { kind: "signature"; text: string; startFromRightChars: number; inlines?: PrintableInline[] }
  | { kind: "date"; text: string; startFromRightChars: number; inlines?: PrintableInline[] }
  /**
   * 附件说明 (GB/T 9704 7.3.4): "附件：1.名称" two characters in; later "2.名称" under "1.", and a wrapped line
   * aligned with the first character of the name. `numberChars` is the width of "1." (0 for a single attachment).
   */
  | { kind: "attachment"; label: string; text: string; numberChars: number }
  /**
   * 版记 in 4号 仿宋 between rules: "抄送：…。" (may be empty) and, with `imprint`, the 印发机关 one character in on the
   * left and "2026年2月12日印发" one character in on the right, under a thin rule.
   */
  | {
      kind: "copyTo";
      text: string;
      imprint?: { agency: string; date: string; agencyInlines?: PrintableInline[]; dateInlines?: PrintableInline[] };
      inlines?: PrintableInline[];
    };

export type PrintableBlockKind = PrintableBlock["kind"];

/** GB/T 9704 版头, 附件说明, seal layout and 版记, defined with its zod schema in the report model. */
export type { DocumentFrame } from "@/lib/report-model";
