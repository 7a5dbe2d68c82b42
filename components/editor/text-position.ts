import type { Node as PmNode } from "@tiptap/pm/model";

/** Plain text of a ProseMirror doc (same string as `docToText`) with the doc position before each character. */
export interface TextMap {
  text: string;
  /** `positions[i]` is the position before character i; `positions[text.length]` is the end of the last block. */
  positions: number[];
  /** `ends[i]` is the position after character i (for a block separator: the start of the next block). */
  ends: number[];
}

interface Block extends TextMap {
  start: number;
  /** Position at the end of the block's content, where a separator begins. */
  end: number;
}

function joinBlocks(blocks: Block[], separator: string, fallback: number): Block {
  const joined: Block = { text: "", positions: [], ends: [], start: blocks[0]?.start ?? fallback, end: fallback };
  blocks.forEach((block, index) => {
    if (index > 0) {
      joined.text += separator;
      joined.positions.push(joined.end);
      joined.ends.push(block.start);
    }
    joined.text += block.text;
    joined.positions.push(...block.positions);
    joined.ends.push(...block.ends);
    joined.end = block.end;
  });
  return joined;
}

function inlineBlock(node: PmNode, contentStart: number): Block {
  const end = contentStart + node.content.size;
  const block: Block = { text: "", positions: [], ends: [], start: contentStart, end };
  node.descendants((child, offset) => {
    const pos = contentStart + offset;
    if (child.isText) {
      const text = child.text ?? "";
      block.text += text;
      for (let i = 0; i < text.length; i += 1) {
        block.positions.push(pos + i);
        block.ends.push(pos + i + 1);
      }
    } else if (child.type.name === "hardBreak") {
      block.text += "\n";
      block.positions.push(pos);
      block.ends.push(pos + 1);
    }
    return true;
  });
  return block;
}

/** Mirrors `collectBlocks` in lib/report-model/rich-text.ts; `pos` is the position before `node`. */
function collectBlocks(node: PmNode, pos: number, out: Block[]): void {
  const contentStart = node.type.name === "doc" ? 0 : pos + 1;
  switch (node.type.name) {
    case "paragraph":
      out.push(inlineBlock(node, contentStart));
      return;
    case "tableRow": {
      const cells: Block[] = [];
      node.forEach((cell, offset) => {
        const cellStart = contentStart + offset;
        const inner: Block[] = [];
        collectBlocks(cell, cellStart, inner);
        // docToText(cell) turns the cell's own "\n" into spaces, one character for one.
        const joined = joinBlocks(inner, "\n", cellStart + 1);
        cells.push({ ...joined, text: joined.text.replace(/\n/g, " ") });
      });
      out.push(joinBlocks(cells, "\t", contentStart));
      return;
    }
    default:
      node.forEach((child, offset) => collectBlocks(child, contentStart + offset, out));
  }
}

export function buildTextMap(doc: PmNode): TextMap {
  const blocks: Block[] = [];
  collectBlocks(doc, -1, blocks);
  const joined = joinBlocks(blocks, "\n", 0);
  return { text: joined.text, positions: [...joined.positions, joined.end], ends: joined.ends };
}

/** Document position before the character at `offset` in `docToText(doc)`; offsets are clamped to the text. */
export function textOffsetToPos(doc: PmNode, offset: number, map: TextMap = buildTextMap(doc)): number {
  const clamped = Math.max(0, Math.min(Math.floor(offset), map.text.length));
  return map.positions[clamped] ?? 0;
}

/** Document range of the plain-text range `from..to`; the end is the position after its last character. */
export function textRangeToPosRange(doc: PmNode, from: number, to: number, map: TextMap = buildTextMap(doc)): { from: number; to: number } {
  const length = map.text.length;
  const start = Math.max(0, Math.min(Math.floor(Math.min(from, to)), length));
  const stop = Math.max(start, Math.min(Math.floor(Math.max(from, to)), length));
  const startPos = map.positions[start] ?? 0;
  if (stop === start) return { from: startPos, to: startPos };
  return { from: startPos, to: Math.max(startPos, map.ends[stop - 1] ?? startPos) };
}

/** Offset in `docToText(doc)` of the first character at or after document position `pos`. */
export function posToTextOffset(pos: number, map: TextMap): number {
  let low = 0;
  let high = map.text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((map.positions[middle] ?? 0) < pos) low = middle + 1;
    else high = middle;
  }
  return low;
}
