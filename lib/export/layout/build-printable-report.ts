import { docToText, formatChineseDate, headingPrefix, type Report, type ReportItem, type ReportSection, type ReportTemplate } from "@/lib/report-model";

import { balanceTitleLines } from "./balance-title-lines";
import { bodyToBlocks, inlinesOf } from "./body-node-map";
import { closingBlocks, type ClosingLayout } from "./closing-blocks";
import { indicatorTable } from "./indicator-table";
import { plainInline } from "./inline-text";
import { textWidthInChars } from "./text-width";
import { fieldChangesOf, frameFieldInlines, withSuggestedEmptyFields, type FieldChanges } from "./track-changes-fields";
import type { DocumentFrame, PrintableBlock, PrintableInline } from "./types";

export interface PrintableOptions {
  /** The report's template: decides which parts print their indicators as a table. */
  template?: ReportTemplate;
  /** Without a template: print every part's indicators as a table. @default false */
  shouldPrintIndicatorTables?: boolean;
  /** How the exporter's layout engine spaces Chinese and digits, and whether the document is sealed. */
  closing?: ClosingLayout;
  /** The final document leaves out optional parts with nothing in them (a draft prints them). @default false */
  isFinal?: boolean;
  /** 版头, 附件说明 and 版记 beyond the report's own fields (agency profile and export options). */
  frame?: Partial<DocumentFrame>;
  /** The 版头/版记 with the report's own frame suggestions accepted: a 签发人 suggestion prints as a tracked change. */
  acceptedFrame?: Partial<DocumentFrame>;
}

/**
 * The report as a flat list of blocks in print order, with numerals, run-in headings, title lines,
 * closing and 版记 worked out once for every exporter.
 */
export function buildPrintableReport(stored: Report, options: PrintableOptions = {}): PrintableBlock[] {
  // Open suggestions on headings, leads and the meta fields print as tracked changes (the DOCX's w:ins/w:del);
  // an empty field with one prints where accepting would put it, all of it inserted.
  const fields = fieldChangesOf(stored);
  const report = withSuggestedEmptyFields(stored);
  const { meta } = report;
  const blocks: PrintableBlock[] = [];
  const frame = options.frame ?? {};
  const agencyMark = frame.agencyMark?.trim() ?? "";
  const printedSigner = frame.signer?.trim() ?? "";
  const signerInlines = frameFieldInlines(stored, "signer", printedSigner, options.acceptedFrame?.signer);
  // A 签发人 the suggestion adds prints where accepting would put it, all of it inserted.
  const signer = printedSigner || (signerInlines ? (options.acceptedFrame?.signer?.trim() ?? "") : "");
  if (meta.docNumber || agencyMark) {
    const docNumber = normalizeDocNumber(meta.docNumber);
    const numberInlines = fields.inlinesFor({ field: "meta", key: "docNumber" }, normalizeDocNumber);
    blocks.push({
      kind: "docNumber",
      text: docNumber,
      ...(signer ? { signer } : {}),
      ...(signer && signerInlines ? { signerInlines } : {}),
      ...(agencyMark ? { agencyMark } : {}),
      ...numberInlines,
    });
    // The title sits 空二行 under the red separator (7.3.1); after a plain 文号 one empty line.
    blocks.push(...(agencyMark ? [{ kind: "blank" } as const, { kind: "blank" } as const] : [{ kind: "blank" } as const]));
  }
  const titleLines = balanceTitleLines(meta.title);
  if (titleLines.length > 0) blocks.push({ kind: "title", lines: titleLines, ...fields.titleFor(titleLines) }, { kind: "blank" });
  if (meta.mainRecipient)
    blocks.push({ kind: "mainRecipient", text: withColon(meta.mainRecipient), ...fields.inlinesFor({ field: "meta", key: "mainRecipient" }, withColon) });
  // 导语: ordinary body paragraphs (indented two characters) between 主送 and 一、.
  blocks.push(...bodyToBlocks(report.opening.content));

  let sectionNumber = 0;
  for (const section of report.sections) {
    if (options.isFinal && isOptional(section, options) && isEmptySection(section)) continue;
    if (section.heading.trim()) {
      sectionNumber += 1;
      const prefix = headingPrefix(1, sectionNumber);
      const inlines = fields.inlinesFor({ field: "sectionHeading", sectionId: section.id }, (value) => prefix + value.trim());
      blocks.push({ kind: "heading", role: "h1", prefix, text: section.heading.trim(), ...inlines });
    }
    blocks.push(...sectionBlocks(section, options, fields));
  }

  // 结束语 ("特此报告。") closes the running text as an indented body paragraph.
  const closingLine = report.closing.trim();
  const closingInlines = fields.inlinesFor({ field: "closing" }, (value) => value.trim()).inlines ?? [plainInline(closingLine)];
  if (closingLine) blocks.push({ kind: "paragraph", prefix: "", inlines: closingInlines, headingLength: 0, indentLevel: 0 });
  const attachments = (frame.attachments ?? []).map((name) => name.trim().replace(/[。．.，,；;]+$/, "")).filter(Boolean);
  if (attachments.length > 0) {
    blocks.push({ kind: "blank" });
    attachments.forEach((name, index) => {
      const number = attachments.length > 1 ? `${index + 1}.` : "";
      blocks.push({ kind: "attachment", label: index === 0 ? "附件：" : "", text: number + name, numberChars: textWidthInChars(number) });
    });
  }
  const closing = closingBlocks(meta.signature, formatChineseDate(meta.date), { ...options.closing, ...(frame.isSealed ? { isSealed: true } : {}) });
  // 7.3.5.2: one empty line above the 署名; 7.3.5.1: the seal's top within a line of the text, the 署名 and date
  // under its centre, which takes two lines.
  const isSealed = options.closing?.isSealed === true || frame.isSealed === true;
  const signatureInlines = fields.inlinesFor({ field: "meta", key: "signature" }, (value) => value);
  const dateInlines = fields.inlinesFor({ field: "meta", key: "date" }, formatChineseDate);
  for (const [index, block] of closing.entries()) {
    if (block.kind === "signature") closing[index] = { ...block, ...signatureInlines };
    if (block.kind === "date") closing[index] = { ...block, ...dateInlines };
  }
  if (closing.length > 0) blocks.push(...(isSealed ? [{ kind: "blank" } as const, { kind: "blank" } as const] : [{ kind: "blank" } as const]), ...closing);
  // 印发机关 and 印发日期 with the report's own suggestions on them (or on the 成文日期 the date follows) in colour.
  const accepted = options.acceptedFrame;
  const printedImprint = frame.imprintAgency?.trim() ?? "";
  const agencyInlines = frameFieldInlines(stored, "imprintAgency", printedImprint, accepted?.imprintAgency);
  const imprintAgency = printedImprint || (agencyInlines ? (accepted?.imprintAgency?.trim() ?? "") : "");
  const imprintDateText = (imprintDate: string | undefined, date: string) => `${formatChineseDate(imprintDate || date)}印发`;
  const imprintDateInlines =
    frameFieldInlines(stored, "imprintDate", imprintDateText(frame.imprintDate, meta.date), accepted && imprintDateText(accepted.imprintDate, meta.date)) ??
    fields.inlinesFor({ field: "meta", key: "date" }, (date) => imprintDateText(frame.imprintDate, date)).inlines;
  const imprint = imprintAgency
    ? {
        agency: imprintAgency,
        date: imprintDateText(frame.imprintDate, meta.date),
        ...(agencyInlines ? { agencyInlines } : {}),
        ...(imprintDateInlines ? { dateInlines: imprintDateInlines } : {}),
      }
    : undefined;
  if (meta.copyTo || imprint)
    blocks.push(
      { kind: "blank" },
      {
        kind: "copyTo",
        text: meta.copyTo ? copyToText(meta.copyTo) : "",
        ...(imprint ? { imprint } : {}),
        ...(meta.copyTo ? fields.inlinesFor({ field: "meta", key: "copyTo" }, copyToText) : {}),
      },
    );
  return blocks;
}

function sectionBlocks(section: ReportSection, options: PrintableOptions, fields: FieldChanges): PrintableBlock[] {
  const leadLines = fields.leadLines(section.id);
  const blocks: PrintableBlock[] = section.lead
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line, index) => ({ kind: "paragraph", prefix: "", inlines: leadLines?.[index] ?? [plainInline(line.trim())], headingLength: 0, indentLevel: 0 }));
  const onlyItem = section.items.length === 1 ? section.items[0] : undefined;
  if (onlyItem && !onlyItem.heading.trim()) blocks.push(...bodyToBlocks(onlyItem.body.content));
  else {
    let itemNumber = 0;
    for (const item of section.items) {
      if (!item.heading.trim()) {
        blocks.push(...bodyToBlocks(item.body.content));
        continue;
      }
      itemNumber += 1;
      blocks.push(
        ...itemBlocks(
          item,
          headingPrefix(2, itemNumber),
          (print) => fields.inlinesFor({ field: "itemHeading", sectionId: section.id, itemId: item.id }, print).inlines,
        ),
      );
    }
  }
  const table = shouldPrintIndicators(section, options)
    ? indicatorTable(indicatorIds(section, options), section.indicators, section.previousIndicators)
    : undefined;
  if (table) blocks.push(table);
  return blocks;
}

/** `headingChange` gives the printed heading with its field suggestion as tracked changes, if it has one. */
function itemBlocks(item: ReportItem, prefix: string, headingChange: (print: (value: string) => string) => PrintableInline[] | undefined): PrintableBlock[] {
  const heading = item.heading.trim();
  if (!item.isRunIn) {
    const inlines = headingChange((value) => prefix + value.trim());
    return [{ kind: "heading", role: "h2", prefix, text: heading, ...(inlines ? { inlines } : {}) }, ...bodyToBlocks(item.body.content)];
  }
  const [first, ...rest] = item.body.content;
  const runInText = (value: string) => (/[。！？：；]$/.test(value.trim()) ? value.trim() : `${value.trim()}。`);
  const runInHeading = runInText(heading);
  const changed = headingChange((value) => prefix + runInText(value));
  const headingInlines = changed ? { headingInlines: changed } : {};
  if (first?.type === "paragraph")
    return [{ kind: "runIn", prefix, heading: runInHeading, inlines: inlinesOf(first), ...headingInlines }, ...bodyToBlocks(rest)];
  return [{ kind: "runIn", prefix, heading: runInHeading, inlines: [], ...headingInlines }, ...bodyToBlocks(item.body.content)];
}

/** Optional parts per the template; without one, only 其他需要报告的情况. */
function isOptional(section: ReportSection, options: PrintableOptions): boolean {
  const entry = options.template?.sections.find((candidate) => candidate.kind === section.kind);
  return entry ? !entry.isRequired : section.kind === "other";
}

/** No lead, no item text and no figure: only headings would print. */
function isEmptySection(section: ReportSection): boolean {
  if (section.lead.trim()) return false;
  if (section.items.some((item) => docToText(item.body).trim() !== "")) return false;
  return Object.values(section.indicators).every((value) => typeof value !== "number");
}

function shouldPrintIndicators(section: ReportSection, options: PrintableOptions): boolean {
  if (options.template) return options.template.sections.find((entry) => entry.kind === section.kind)?.shouldPrintIndicatorTable ?? false;
  return options.shouldPrintIndicatorTables === true;
}

/** The template's order when known, else the order the figures were stored in. */
function indicatorIds(section: ReportSection, options: PrintableOptions): string[] {
  const fromTemplate = options.template?.sections.find((entry) => entry.kind === section.kind)?.indicators ?? [];
  const extra = Object.keys(section.indicators).filter((id) => !(fromTemplate as readonly string[]).includes(id));
  return [...fromTemplate, ...extra];
}

/** "青政〔2026 〕5号", "青政[2026]5号", "青政（2026）5号" → "青政〔2026〕5号": 六角括号, no spaces (GB/T 9704 7.2.5). */
export function normalizeDocNumber(text: string): string {
  return text.replace(/\s+/g, "").replace(/[[［(（【〔]((?:19|20)\d{2})[\]］)）】〕]/, "〔$1〕");
}

function withColon(text: string): string {
  return `${text.trim().replace(/[：:]+$/, "")}：`;
}

function copyToText(text: string): string {
  const list = text
    .trim()
    .replace(/^抄送[：:]\s*/, "")
    .replace(/[。.；;，,]+$/, "");
  return `抄送：${list}。`;
}
