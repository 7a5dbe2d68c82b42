import type { SourceBlock } from "./types";

/** Whitespace a copy from a web page or PDF leaves inside Chinese text. */
const ODD_SPACES = /[\u00a0\u2000-\u200b\u3000\u202f\ufeff]/g;

export function normalizeSpaces(text: string): string {
  return text
    .replace(ODD_SPACES, " ")
    .replace(/[ \t]+/g, " ")
    .trim();
}

/** One block per line; blank lines stay as empty blocks so paragraph breaks survive until line joining. */
export function textToBlocks(text: string): SourceBlock[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => ({ text: normalizeSpaces(line) }));
}

/** Applies `transform` to every piece of text in the blocks (used for script conversion). */
export function mapBlockText(blocks: SourceBlock[], transform: (text: string) => string): SourceBlock[] {
  return blocks.map((block) => ({
    ...block,
    text: transform(block.text),
    boldLead: block.boldLead === undefined ? undefined : transform(block.boldLead),
    table: block.table?.map((row) => row.map(transform)),
  }));
}

export function blocksText(blocks: SourceBlock[]): string {
  return blocks.map((block) => (block.table ? block.table.map((row) => row.join(" ")).join("\n") : block.text)).join("\n");
}
