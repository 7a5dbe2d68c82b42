import { inlinesToText } from "./inline-text";
import { textWidthInChars } from "./text-width";
import type { PrintableBlock } from "./types";

/**
 * The longest last paragraph, in estimated lines, that moves to the 署名's page. Moving one leaves up to this many
 * empty lines at the foot of the page before; a longer one stays where it is (and must never be kept whole: a
 * paragraph longer than a page cannot move, and the PDF would let an unbreakable block run off the page).
 */
export const MAX_KEPT_LINES = 8;

/** 28 characters a line (GB/T 9704 版心), the first line indented two. */
const CHARS_PER_LINE = 28;

/**
 * The blocks that must stand on the 署名's page (GB/T 9704 7.3.5: "务使印章与正文同处一面，不得采取标识'此页无正文'的
 * 方法解决"): the last paragraph of the running text (usually the 结束语 "特此报告。"), the empty lines and the 附件说明
 * between it and the 署名. Each exporter keeps them with what follows and the paragraph's lines together, so when the
 * 署名 and 成文日期 no longer fit under the text, that paragraph moves to the next page with them instead of leaving
 * them alone there. Returns their indexes, in order; empty when there is no 署名 or 成文日期, when something other
 * than a paragraph (a table, a heading) ends the text, or when the last paragraph is longer than MAX_KEPT_LINES.
 */
export function keptWithSignature(blocks: readonly PrintableBlock[]): number[] {
  const closingIndex = blocks.findIndex((block) => block.kind === "signature" || block.kind === "date");
  if (closingIndex < 0) return [];
  let start = closingIndex - 1;
  while (start >= 0 && (blocks[start]!.kind === "blank" || blocks[start]!.kind === "attachment")) start -= 1;
  const last = blocks[start];
  if (!last || (last.kind !== "paragraph" && last.kind !== "runIn")) return [];
  const text = last.kind === "paragraph" ? last.prefix + inlinesToText(last.inlines) : last.prefix + last.heading + inlinesToText(last.inlines);
  const width = CHARS_PER_LINE - (last.kind === "paragraph" ? last.indentLevel * 2 : 0);
  if (estimatedLines(text, width) > MAX_KEPT_LINES) return [];
  return Array.from({ length: closingIndex - start }, (_, offset) => start + offset);
}

/** Lines of a paragraph `width` characters wide with its first line indented two, a "\n" starting a new line. */
function estimatedLines(text: string, width: number): number {
  return text.split("\n").reduce((lines, segment, index) => lines + Math.max(1, Math.ceil((textWidthInChars(segment) + (index === 0 ? 2 : 0)) / width)), 0);
}
