import type { RichNode } from "@/lib/report-model";

/** A text node and where its text starts in `docToText` of the body. */
export interface TextSpan {
  node: RichNode;
  parent: RichNode;
  from: number;
}

/** A paragraph and where its (possibly empty) text starts, for inserting into empty paragraphs. */
export interface ParagraphSpan {
  node: RichNode;
  from: number;
  to: number;
}

type Piece = { kind: "text"; node: RichNode; parent: RichNode } | { kind: "separator"; length: number };
type Block = { pieces: Piece[]; paragraph?: RichNode };

function inlinePieces(node: RichNode, parent: RichNode, out: Piece[]): void {
  if (node.type === "text") out.push({ kind: "text", node, parent });
  else if (node.type === "hardBreak") out.push({ kind: "separator", length: 1 });
  else for (const child of node.content ?? []) inlinePieces(child, node, out);
}

// Mirrors collectBlocks in rich-text.ts: paragraphs are blocks, a table row is one block of cells joined by "\t".
function collectBlocks(node: RichNode, out: Block[]): void {
  if (node.type === "paragraph") {
    const pieces: Piece[] = [];
    for (const child of node.content ?? []) inlinePieces(child, node, pieces);
    out.push({ pieces, paragraph: node });
    return;
  }
  if (node.type === "tableRow") {
    const pieces: Piece[] = [];
    (node.content ?? []).forEach((cell, index) => {
      if (index > 0) pieces.push({ kind: "separator", length: 1 });
      const cellBlocks: Block[] = [];
      collectBlocks(cell, cellBlocks);
      cellBlocks.forEach((block, blockIndex) => {
        if (blockIndex > 0) pieces.push({ kind: "separator", length: 1 });
        pieces.push(...block.pieces);
      });
    });
    out.push({ pieces });
    return;
  }
  for (const child of node.content ?? []) collectBlocks(child, out);
}

/** Text nodes and paragraphs of a body with their offsets into `docToText(doc)`. */
export function mapDocOffsets(doc: RichNode): { spans: TextSpan[]; paragraphs: ParagraphSpan[]; length: number } {
  const blocks: Block[] = [];
  collectBlocks(doc, blocks);
  const spans: TextSpan[] = [];
  const paragraphs: ParagraphSpan[] = [];
  let offset = 0;
  blocks.forEach((block, blockIndex) => {
    if (blockIndex > 0) offset += 1;
    const start = offset;
    for (const piece of block.pieces) {
      if (piece.kind === "separator") offset += piece.length;
      else {
        spans.push({ node: piece.node, parent: piece.parent, from: offset });
        offset += (piece.node.text ?? "").length;
      }
    }
    if (block.paragraph) paragraphs.push({ node: block.paragraph, from: start, to: offset });
  });
  return { spans, paragraphs, length: offset };
}
