import type { FontRole, ResolvedFont } from "@/lib/fonts";

import { splitInlinesAt } from "../layout/inline-text";
import { keptWithSignature } from "../layout/keep-with-signature";
import { fitStartCandidates, fittedBlocks, type SignatureFit } from "../layout/signature-fit";
import { textWidthInChars } from "../layout/text-width";
import type { PrintableBlock, PrintableInline, PrintableTable } from "../layout/types";
import type { ExportOptions } from "../options";

/** A run as the template reads it: text with marks, a line break, or the space between Chinese and Latin text. */
/** `change`: a suggestion (修订) the preview shows in colour (the final export prints the accepted text, without marks). */
export type TypstRun = { text: string; bold: boolean; italic: boolean; change?: "insert" | "delete" } | { br: true } | { gap: true };

type Script = "asian" | "latin";

/**
 * Letters and digits are Latin; ASCII punctuation and U+2000–U+206F (“ ” — …) take the script before them;
 * full-width punctuation (，。、（）…) is neither and gets no space on either side.
 */
function scriptOf(char: string): Script | "weak" | "neutral" {
  if (/[A-Za-z0-9]/.test(char)) return "latin";
  const code = char.codePointAt(0)!;
  if (code < 0x80 || (code >= 0x2000 && code <= 0x206f)) return "weak";
  if ((code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef)) return "neutral";
  return "asian";
}

/**
 * Marks every change between Chinese and Latin letters or digits with a gap run: Word and LibreOffice set about
 * 0.2 em there (autoSpaceDE/DN, which LibreOffice cannot turn off), so the PDF does the same and both break lines
 * and pages at the same characters.
 */
export function withLatinGaps(runs: readonly TypstRun[]): TypstRun[] {
  const out: TypstRun[] = [];
  let previous: Script | undefined;
  let lastChar = "";
  for (const run of runs) {
    if (!("text" in run)) {
      if ("br" in run) previous = undefined;
      out.push(run);
      continue;
    }
    let segment = "";
    for (const char of run.text) {
      const kind = scriptOf(char);
      if (kind === "neutral") {
        previous = undefined;
        segment += char;
        continue;
      }
      const script = kind === "weak" ? previous : kind;
      // No gap after ASCII punctuation ("4.加强"): only letters and digits meet Chinese with a gap.
      if (kind === "asian" && previous === "latin" && !/[A-Za-z0-9]/.test(lastChar)) previous = undefined;
      lastChar = char;
      if (script && previous && script !== previous) {
        if (segment) out.push({ ...run, text: segment });
        segment = "";
        out.push({ gap: true });
      }
      if (script) previous = script;
      segment += char;
    }
    if (segment) out.push({ ...run, text: segment });
  }
  return out;
}

export interface TypstData {
  title: string;
  options: Pick<ExportOptions, "isDraft" | "pageNumberPosition"> & { draftNote: string };
  fonts: Record<FontRole, { family: string; weight: number; hasBold: boolean }>;
  blocks: unknown[];
}

/** The text each font role will print, for the missing-glyph check. */
export type TextByRole = Record<FontRole, string>;

const HEADING_ROLE = { h1: "heading1", h2: "heading2", h3: "body", h4: "body" } as const;

function toRuns(inlines: readonly PrintableInline[], forceBold = false): TypstRun[] {
  return inlines.map((inline) =>
    inline.kind === "break"
      ? { br: true }
      : { text: inline.text, bold: inline.isBold || forceBold, italic: inline.isItalic, ...(inline.change ? { change: inline.change.kind } : {}) },
  );
}

/**
 * Plain text with the Chinese–digit gaps LibreOffice and Word set ("2026年2月12日", "青政〔2026〕5号"): the 成文日期,
 * 印发日期 and 文号 lines take the same width in both formats, so they start at the same place.
 */
function plainRuns(text: string): TypstRun[] {
  return withLatinGaps([{ text, bold: false, italic: false }]);
}

/**
 * A plain-text field with an open suggestion (修订) on it (`inlines` from track-changes-fields.ts): its deleted and
 * inserted characters as `change` runs, which the review preview shows in colour. The final export prints the
 * accepted view, which carries no field suggestion, so `inlines` is absent there and the field prints as `fallback`.
 */
function fieldRuns(inlines: readonly PrintableInline[] | undefined, fallback: () => TypstRun[]): TypstRun[] {
  return inlines ? withLatinGaps(toRuns(inlines)) : fallback();
}

function runsText(runs: TypstRun[]): string {
  return runs.map((run) => ("text" in run ? run.text : "")).join("");
}

/** The prefix and the run-in heading ("1.加强队伍建设。") are bold only when the template asks for bold headings. */
function paragraphRuns(block: Extract<PrintableBlock, { kind: "paragraph" }>, isHeadingBold: boolean): TypstRun[] {
  const inlines: PrintableInline[] = block.prefix ? [{ kind: "text", text: block.prefix, isBold: false, isItalic: false }, ...block.inlines] : block.inlines;
  // A suggested paragraph break (a split in 修订模式) shows in the review preview as an inserted ↵ at the end.
  const breakSign: TypstRun[] = block.breakChange ? [{ text: "↵", bold: false, italic: false, change: "insert" }] : [];
  if (!isHeadingBold || block.headingLength === 0) return [...toRuns(inlines), ...breakSign];
  const [heading, rest] = splitInlinesAt(inlines, block.headingLength);
  return [...toRuns(heading, true), ...toRuns(rest), ...breakSign];
}

function tableData(table: PrintableTable, isHeadingBold: boolean) {
  const headerRows = table.rows.findIndex((row) => !row.every((cell) => cell.isHeader));
  const columns = Math.max(1, ...table.rows.map((row) => row.reduce((sum, cell) => sum + cell.columnSpan, 0)));
  return {
    kind: "table",
    columns,
    columnWidths: table.columnWidths.length === columns ? table.columnWidths : [],
    headerRows: headerRows === -1 ? table.rows.length : headerRows,
    rows: table.rows.map((row) =>
      row.map((cell) => ({
        colspan: cell.columnSpan,
        rowspan: cell.rowSpan,
        centered: cell.isCentered === true,
        blocks: cellBlocks(cell.blocks, isHeadingBold),
      })),
    ),
  };
}

/** Cell content as lines; a table nested in a cell prints its rows as lines, cells separated by spaces. */
function cellBlocks(blocks: PrintableBlock[], isHeadingBold: boolean): Array<{ runs: TypstRun[]; indent: number }> {
  return blocks.flatMap((block) => {
    if (block.kind === "paragraph") return [{ runs: paragraphRuns(block, isHeadingBold), indent: block.indentLevel }];
    if (block.kind === "table") {
      return block.rows.map((row) => ({
        runs: row.flatMap((cell, index) => [
          ...(index > 0 ? [{ text: "　", bold: false, italic: false }] : []),
          ...cellBlocks(cell.blocks, isHeadingBold).flatMap((line) => line.runs),
        ]),
        indent: 0,
      }));
    }
    if (block.kind === "runIn")
      return [{ runs: [{ text: block.prefix + block.heading, bold: isHeadingBold, italic: false }, ...toRuns(block.inlines)], indent: 0 }];
    if (block.kind === "blank") return [];
    const text = block.kind === "title" ? block.lines.join("") : block.kind === "heading" ? block.prefix + block.text : block.text;
    return [{ runs: [{ text, bold: false, italic: false }], indent: 0 }];
  });
}

/** Splits runs after `length` characters; a gap exactly at the split stays with the second part. */
function splitRunsAt(runs: readonly TypstRun[], length: number): [TypstRun[], TypstRun[]] {
  const before: TypstRun[] = [];
  const after: TypstRun[] = [];
  let remaining = length;
  for (const run of runs) {
    if (!("text" in run)) {
      (remaining > 0 ? before : after).push(run);
      continue;
    }
    const chars = [...run.text];
    if (remaining <= 0) after.push(run);
    else if (chars.length <= remaining) before.push(run);
    else {
      before.push({ ...run, text: chars.slice(0, remaining).join("") });
      after.push({ ...run, text: chars.slice(remaining).join("") });
    }
    remaining -= chars.length;
  }
  return [before, after];
}

/** Converts the exporter-neutral blocks to the JSON the fixed template `report.typ` reads. */
export function buildTypstData(
  blocks: PrintableBlock[],
  options: ExportOptions,
  fonts: Record<FontRole, ResolvedFont>,
  title: string,
  fit?: SignatureFit,
): { data: TypstData; textByRole: TextByRole } {
  const text: Record<FontRole, string[]> = { title: [], heading1: [], heading2: [], body: [], pageNumber: ["—0123456789"], latin: [] };
  if (options.isDraft) text.heading1.push("草稿", options.draftNote ?? "");
  const out = blocks.map((block) => {
    switch (block.kind) {
      case "title": {
        // "2025年度": the gap LibreOffice and Word set in the title too.
        const lineRuns = block.lineInlines ? block.lineInlines.map((line) => fieldRuns(line, () => [])) : block.lines.map(plainRuns);
        text.title.push(lineRuns.map(runsText).join(""));
        return { ...block, lineRuns };
      }
      case "heading": {
        const runs = fieldRuns(block.inlines, () => withLatinGaps([{ text: block.prefix + block.text, bold: false, italic: false }]));
        text[HEADING_ROLE[block.role]].push(runsText(runs));
        return {
          ...block,
          runs,
          isBold: options.isHeadingBold && block.role !== "h1",
          outline: { level: Number(block.role.slice(1)), title: block.prefix + block.text },
        };
      }
      case "runIn": {
        const headingText = block.prefix + block.heading;
        const runs = withLatinGaps([{ text: headingText, bold: false, italic: false }, ...toRuns(block.inlines)]);
        // The first runs up to the heading's length print in 楷体; the template splits them by `headingLength`.
        // Always bold: the editor's option reads 以加粗段首标题连排. A heading with a suggestion prints it in colour
        // (it ends with its "。", so no gap joins it to the body's first run).
        const [plainHeadingRuns, bodyRuns] = splitRunsAt(runs, [...headingText].length);
        const headingRuns = fieldRuns(block.headingInlines, () => plainHeadingRuns);
        text.heading2.push(runsText(headingRuns));
        text.body.push(runsText(toRuns(block.inlines)));
        return { kind: "runIn", headingRuns, runs: bodyRuns, isBold: true, outline: { level: 2, title: headingText } };
      }
      case "paragraph": {
        const runs = withLatinGaps(paragraphRuns(block, options.isHeadingBold));
        text.body.push(runsText(runs));
        // "1.加强队伍建设。…" / "（1）…。…": a run-in heading of level 3 or 4 gets its PDF bookmark too.
        const headingText = [...runsText(runs)].slice(0, block.headingLength).join("");
        const outline = block.headingLength > 0 ? { level: /^[（(]/.test(headingText) ? 4 : 3, title: headingText } : null;
        return { kind: "paragraph", runs, indent: block.indentLevel, outline };
      }
      case "table": {
        const data = tableData(block, options.isHeadingBold);
        text.body.push(
          data.rows
            .flat()
            .flatMap((cell) => cell.blocks.map((line) => runsText(line.runs)))
            .join(""),
        );
        return data;
      }
      case "blank":
        return block;
      case "docNumber": {
        const runs = fieldRuns(block.inlines, () => plainRuns(block.text));
        text.body.push(runsText(runs), block.signer ? "签发人：" : "");
        const signerRuns = block.signer ? fieldRuns(block.signerInlines, () => plainRuns(block.signer ?? "")) : undefined;
        text.heading2.push(signerRuns ? runsText(signerRuns) : "");
        text.title.push(block.agencyMark ?? "");
        return { ...block, runs, ...(signerRuns ? { signerRuns } : {}) };
      }
      case "attachment":
        text.body.push(block.label + block.text);
        return { ...block, runs: withLatinGaps([{ text: block.label + block.text, bold: false, italic: false }]) };
      case "copyTo": {
        const runs = fieldRuns(block.inlines, () => plainRuns(block.text));
        text.body.push(runsText(runs), block.imprint ? block.imprint.agency + block.imprint.date : "");
        return {
          ...block,
          runs,
          ...(block.imprint
            ? {
                imprint: {
                  agencyRuns: fieldRuns(block.imprint.agencyInlines, () => plainRuns(block.imprint!.agency)),
                  dateRuns: fieldRuns(block.imprint.dateInlines, () => plainRuns(block.imprint!.date)),
                },
              }
            : {}),
        };
      }
      case "mainRecipient":
        // Runs only with a suggestion (the template prints `text` otherwise, without Chinese–digit gaps, as today).
        if (!block.inlines) {
          text.body.push(block.text);
          return block;
        }
        text.body.push(runsText(toRuns(block.inlines)));
        return { ...block, runs: toRuns(block.inlines) };
      case "signature":
        text.body.push(block.inlines ? runsText(toRuns(block.inlines)) : block.text);
        return block;
      default:
        text.body.push(block.text);
        return block;
    }
  });
  // The text's last paragraph and what stands between it and the 署名 move to the next page with it (GB/T 9704 7.3.5),
  // as the DOCX's keep-with-next: report.typ sets them as sticky unbreakable blocks.
  const kept = new Set(keptWithSignature(blocks));
  // The text's last block before the 署名 or 成文日期 (附件说明 included): report.typ notes the page it ends on.
  const closingIndex = blocks.findIndex((block) => block.kind === "signature" || block.kind === "date");
  let textEnd = closingIndex - 1;
  while (textEnd >= 0 && blocks[textEnd]!.kind === "blank") textEnd -= 1;
  // Where a tighter last page may start (GB/T 9704 7.3.5, fitSignature): report.typ notes the page each starts on;
  // and the blocks the fit sets tighter, at its pitch.
  const candidates = new Set(fitStartCandidates(blocks));
  const fitted = fittedBlocks(blocks, fit);
  const marked = out.map((block, index) => ({
    ...block,
    ...(kept.has(index) ? { keep: true } : {}),
    ...(index === textEnd ? { textEnd: true } : {}),
    ...(candidates.has(index) ? { startMark: index } : {}),
    ...(fit && fitted.has(index) ? { tightPitch: fit.linePitch } : {}),
  }));
  // 署名 and 成文日期 never part across pages (the DOCX keeps the signature with the next line the same way).
  const merged: unknown[] = [];
  for (const block of marked as Array<{ kind: string; text?: string; startFromRightChars?: number; inlines?: PrintableInline[]; tightPitch?: number }>) {
    const previous = merged.at(-1) as { kind: string; lines: unknown[] } | undefined;
    if (block.kind === "signature" || block.kind === "date") {
      // A 署名 with a suggestion shows it in colour from the same place (the preview only), moved left as far as its
      // inserted characters need to stay on one line inside the 版心.
      const runs = fieldRuns(block.inlines, () => plainRuns(block.text ?? ""));
      const printed = textWidthInChars(runsText(runs)) + runs.filter((run) => "gap" in run).length * 0.21; // latin-gap
      const startFromRightChars = block.inlines ? Math.max(block.startFromRightChars ?? 0, Math.ceil(printed) + 1) : block.startFromRightChars;
      const line = { runs, startFromRightChars };
      if (previous?.kind === "closing") previous.lines.push(line);
      else merged.push({ kind: "closing", lines: [line], ...(block.tightPitch ? { tightPitch: block.tightPitch } : {}) });
    } else merged.push(block);
  }
  const fontData = Object.fromEntries(Object.entries(fonts).map(([role, font]) => [role, { family: font.family, weight: font.weight, hasBold: font.hasBold }]));
  return {
    data: {
      title,
      options: { isDraft: options.isDraft, pageNumberPosition: options.pageNumberPosition, draftNote: options.draftNote ?? "" },
      fonts: fontData as TypstData["fonts"],
      blocks: merged,
    },
    textByRole: Object.fromEntries(Object.entries(text).map(([role, parts]) => [role, parts.join("")])) as TextByRole,
  };
}
