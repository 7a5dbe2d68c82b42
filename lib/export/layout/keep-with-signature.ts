import type { PrintableBlock } from "./types";

/**
 * The blocks that must stand on the 署名's page (GB/T 9704 7.3.5: "务使印章与正文同处一面，不得采取标识'此页无正文'的
 * 方法解决"): the last paragraph of the running text (usually the 结束语 "特此报告。"), the empty lines and the 附件说明
 * between it and the 署名. Each exporter keeps them with what follows and the paragraph's lines together, so when the
 * 署名 and 成文日期 no longer fit under the text, that paragraph moves to the next page with them instead of leaving
 * them alone there. Returns their indexes, in order; empty when there is no 署名 or 成文日期, or when something other
 * than a paragraph (a table, a heading) ends the text.
 */
export function keptWithSignature(blocks: readonly PrintableBlock[]): number[] {
  const closingIndex = blocks.findIndex((block) => block.kind === "signature" || block.kind === "date");
  if (closingIndex < 0) return [];
  let start = closingIndex - 1;
  while (start >= 0 && (blocks[start]!.kind === "blank" || blocks[start]!.kind === "attachment")) start -= 1;
  const last = blocks[start];
  if (!last || (last.kind !== "paragraph" && last.kind !== "runIn")) return [];
  return Array.from({ length: closingIndex - start }, (_, offset) => start + offset);
}
