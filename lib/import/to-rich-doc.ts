import { docToText, type RichDoc, type RichNode } from "@/lib/report-model";

import type { SourceBlock } from "./types";

/** Under the schema's limits: text per node and children per node. */
const MAX_TEXT = 100_000;
const MAX_CHILDREN = 5000;

function paragraph(text: string): RichNode {
  const clipped = text.slice(0, MAX_TEXT);
  return clipped ? { type: "paragraph", content: [{ type: "text", text: clipped }] } : { type: "paragraph" };
}

/** Over-long text becomes several paragraphs rather than being cut. */
function paragraphs(text: string): RichNode[] {
  const out: RichNode[] = [];
  for (let start = 0; start < text.length; start += MAX_TEXT) out.push(paragraph(text.slice(start, start + MAX_TEXT)));
  return out;
}

/** Tiptap table JSON: the first row as header cells when the source had one. */
function table(rows: string[][]): RichNode {
  const width = Math.max(1, ...rows.map((row) => row.length));
  return {
    type: "table",
    content: rows.slice(0, MAX_CHILDREN).map((row, rowIndex) => ({
      type: "tableRow",
      content: Array.from({ length: Math.min(width, 100) }, (_, column) => ({
        type: rowIndex === 0 && rows.length > 1 ? "tableHeader" : "tableCell",
        attrs: { colspan: 1, rowspan: 1, colwidth: null },
        content: [paragraph(row[column] ?? "")],
      })),
    })),
  };
}

/** A report body from paragraphs and tables, in order. */
export function blocksToDoc(blocks: SourceBlock[]): RichDoc {
  const content: RichNode[] = [];
  for (const block of blocks) {
    if (block.table && block.table.length > 0) content.push(table(block.table));
    else if (block.text) content.push(...paragraphs(block.text));
  }
  // A body has at most MAX_CHILDREN blocks; the overflow joins the last paragraph instead of being dropped.
  if (content.length > MAX_CHILDREN) {
    const overflow = content
      .splice(MAX_CHILDREN - 1)
      .map((node) => docToText(node))
      .join("\n");
    content.push(...paragraphs(overflow).slice(0, 1));
  }
  return { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] };
}
