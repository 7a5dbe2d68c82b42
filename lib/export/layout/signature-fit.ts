import type { PrintableBlock } from "./types";

/**
 * GB/T 9704 7.3.5's remedy for a 署名 and 成文日期 that no longer fit under the text: "当公文排版后所剩空白处不能容下
 * 印章或签发人签名章、成文日期时，可以采取调整行距、字距的措施解决" (and never a page with only them, "不得采取标识
 * '此页无正文'的方法解决"). The text's last paragraph of up to MAX_KEPT_LINES moves with them (keptWithSignature); a
 * longer one stays, and then the last page's text, the empty lines and the 署名 and 成文日期 are set at a tighter line
 * pitch, as an 办公室 does by hand ("最后一页选中，固定行距改小"), until they fit. Only a layout knows whether and how
 * much (the PDF engine's, fitSignature in lib/export/pdf); both exporters then set the same blocks at the same pitch.
 */
export interface SignatureFit {
  /** Index, in buildPrintableReport's blocks, of the first block set tighter; every block through the 成文日期 is. */
  fromBlock: number;
  /** The tighter line pitch, in twips (twentieths of a point; the grid's own is 579). */
  linePitch: number;
}

/**
 * The pitches tried, widest first: 28 pt down to 22 pt (a 3号 line still clear of the next; 22 pt fits 29 lines on a
 * page of 22). Every pitch is tried on the last page's own text before a fit reaches back into the page before
 * (fitStarts), which would set that page's last lines closer too.
 */
export const FIT_LINE_PITCHES = [560, 540, 520, 500, 480, 460, 440] as const;

/** Blocks that may be set tighter: lines of text; a table (its own row heights), a title or 版头 never is. */
const TIGHTENABLE = new Set<PrintableBlock["kind"]>(["paragraph", "runIn", "heading", "blank", "attachment", "signature", "date"]);

/** Index of the 成文日期 (or the 署名 without one): the last block of a fit. -1 without either. */
export function closingEnd(blocks: readonly PrintableBlock[]): number {
  return blocks.findLastIndex((block) => block.kind === "signature" || block.kind === "date");
}

/**
 * The blocks a fit may start at, in order: the run of text blocks (paragraphs, run-in paragraphs, headings and what
 * stands between the text and the 署名) that ends the text, back to the last block that cannot be tightened.
 * Empty without a 署名 or 成文日期.
 */
export function fitStartCandidates(blocks: readonly PrintableBlock[]): number[] {
  const first = blocks.findIndex((block) => block.kind === "signature" || block.kind === "date");
  if (first < 0) return [];
  let start = first;
  while (start > 0 && TIGHTENABLE.has(blocks[start - 1]!.kind)) start -= 1;
  return Array.from({ length: first - start }, (_, offset) => start + offset);
}

/** The indexes a fit sets tighter: from its first block through the 成文日期. */
export function fittedBlocks(blocks: readonly PrintableBlock[], fit: SignatureFit | undefined): Set<number> {
  const end = closingEnd(blocks);
  if (!fit || end < 0 || fit.fromBlock > end) return new Set();
  return new Set(Array.from({ length: end - fit.fromBlock + 1 }, (_, offset) => fit.fromBlock + offset));
}

/** How many blocks further back than the last page's own text a fit may start (each tried at every pitch). */
const MAX_EXTRA_STARTS = 2;

/**
 * Where a fit may start, widest first, given where the engine laid the candidates out (`starts`: candidate index →
 * page of its first line) and the page of the text's last line: the first block that begins on that page (the last
 * page's own text), then one block further back each time, so that a paragraph begun on the page before and ending
 * on this one is tightened too. A fit never starts after the text's last paragraph.
 */
export function fitStarts(blocks: readonly PrintableBlock[], starts: ReadonlyMap<number, number>, textPage: number): number[] {
  const candidates = fitStartCandidates(blocks);
  const texts = candidates.filter((index) => blocks[index]!.kind !== "blank" && blocks[index]!.kind !== "attachment");
  if (texts.length === 0) return [];
  const lastText = texts.at(-1)!;
  const onLastPage = candidates.find((index) => (starts.get(index) ?? 0) >= textPage);
  const first = Math.min(onLastPage ?? lastText, lastText);
  const position = candidates.indexOf(first);
  return candidates.slice(Math.max(0, position - MAX_EXTRA_STARTS), position + 1).reverse();
}
