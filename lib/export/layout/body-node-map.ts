import { BODY_MARK_TYPES, type BodyMarkType, type BodyNodeType, type RichNode } from "@/lib/report-model";

import { ExportError } from "../options";
import { classifyParagraph } from "./paragraph-role";
import type { PrintableBlock, PrintableChange, PrintableInline, PrintableTable, PrintableTableCell } from "./types";

interface BlockContext {
  /** Depth of the enclosing list (0 outside lists). */
  listDepth: number;
  /** Numbered-paragraph detection applies to the running text only, not inside tables or lists. */
  isInTable: boolean;
}

interface NodeHandler {
  toBlocks(node: RichNode, context: BlockContext): PrintableBlock[];
  toInlines(node: RichNode): PrintableInline[];
}

/**
 * Every body node type maps to printable blocks: a new node type without an entry is a compile error,
 * and an unknown type at runtime throws instead of being dropped.
 */
export const BODY_NODE_MAP = {
  paragraph: {
    toBlocks: (node, context) => withSuggestedBreak(paragraphBlock(inlinesOf(node), context), node),
    toInlines: (node) => misplaced(node, "段落"),
  },
  text: {
    toBlocks: (node, context) => paragraphBlock(textInlines(node), context),
    toInlines: textInlines,
  },
  hardBreak: {
    toBlocks: () => [],
    toInlines: (node) => {
      const change = changeOf(node);
      return [change ? { kind: "break", change } : { kind: "break" }];
    },
  },
  bulletList: {
    toBlocks: (node, context) => listBlocks(node, context, () => "●"),
    toInlines: (node) => misplaced(node, "列表"),
  },
  orderedList: {
    toBlocks: (node, context) => {
      const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
      return listBlocks(node, context, (index) => orderedPrefix(context.listDepth + 1, start + index));
    },
    toInlines: (node) => misplaced(node, "列表"),
  },
  listItem: { toBlocks: (node) => misplaced(node, "列表项"), toInlines: (node) => misplaced(node, "列表项") },
  table: {
    toBlocks: (node) => [tableBlock(node)],
    toInlines: (node) => misplaced(node, "表格"),
  },
  tableRow: { toBlocks: (node) => misplaced(node, "表格行"), toInlines: (node) => misplaced(node, "表格行") },
  tableCell: { toBlocks: (node) => misplaced(node, "单元格"), toInlines: (node) => misplaced(node, "单元格") },
  tableHeader: { toBlocks: (node) => misplaced(node, "表头单元格"), toInlines: (node) => misplaced(node, "表头单元格") },
} satisfies Record<Exclude<BodyNodeType, "doc">, NodeHandler>;

/** Printable blocks of a body's top-level nodes (the children of its `doc`). */
export function bodyToBlocks(nodes: readonly RichNode[], context: BlockContext = { listDepth: 0, isInTable: false }): PrintableBlock[] {
  return nodes.flatMap((node) => handlerFor(node).toBlocks(node, context));
}

export function inlinesOf(node: RichNode): PrintableInline[] {
  return (node.content ?? []).flatMap((child) => handlerFor(child).toInlines(child));
}

function handlerFor(node: RichNode): NodeHandler {
  const handler: NodeHandler | undefined = Object.hasOwn(BODY_NODE_MAP, node.type) ? BODY_NODE_MAP[node.type as keyof typeof BODY_NODE_MAP] : undefined;
  if (!handler) throw new ExportError("UNSUPPORTED_NODE", `正文中有无法导出的内容类型“${String(node.type)}”，已停止导出以免丢失内容`);
  return handler;
}

function misplaced(node: RichNode, name: string): never {
  throw new ExportError("UNSUPPORTED_NODE", `正文中的${name}（${node.type}）位置不正确，无法导出`);
}

/** The suggestion mark of an inline node, as the exporters see it. */
function changeOf(node: RichNode): PrintableChange | undefined {
  // A suggested paragraph break (suggestSplit) changes no text: the two paragraphs print as they would accepted.
  const mark = node.marks?.find((candidate) => candidate.type === "suggestInsert" || candidate.type === "suggestDelete");
  if (!mark || !("attrs" in mark)) return undefined;
  return { kind: mark.type === "suggestInsert" ? "insert" : "delete", id: mark.attrs.id, authorName: mark.attrs.authorName, at: mark.attrs.at };
}

function textInlines(node: RichNode): PrintableInline[] {
  const marks = new Set<BodyMarkType>();
  for (const mark of node.marks ?? []) {
    if (!(BODY_MARK_TYPES as readonly string[]).includes(mark.type)) {
      throw new ExportError("UNSUPPORTED_NODE", `正文中有无法导出的文字格式“${String(mark.type)}”，已停止导出以免丢失格式`);
    }
    marks.add(mark.type);
  }
  const change = changeOf(node);
  if (!node.text) return [];
  // Export-internal: the track-changes exporter numbers the Word comments anchored on a text node.
  const commentIds = Array.isArray(node.attrs?.commentIds) ? node.attrs.commentIds : [];
  return [
    {
      kind: "text",
      text: node.text,
      isBold: marks.has("bold"),
      isItalic: marks.has("italic"),
      ...(change ? { change } : {}),
      ...(commentIds.length > 0 ? { commentIds } : {}),
    },
  ];
}

/** A paragraph split in 修订模式 (a suggestSplit on its text) ends in a suggested break the exporters show. */
function withSuggestedBreak(blocks: PrintableBlock[], node: RichNode): PrintableBlock[] {
  const mark = (node.content ?? []).flatMap((child) => child.marks ?? []).find((candidate) => candidate.type === "suggestSplit");
  if (!mark || !("attrs" in mark)) return blocks;
  const breakChange: PrintableChange = { kind: "insert", id: mark.attrs.id, authorName: mark.attrs.authorName, at: mark.attrs.at };
  return blocks.map((block) => (block.kind === "paragraph" ? { ...block, breakChange } : block));
}

function paragraphBlock(inlines: PrintableInline[], context: BlockContext): PrintableBlock[] {
  if (context.listDepth === 0 && !context.isInTable) {
    // An empty editor paragraph (a fresh item, a stray Enter) would print as a gap in the 22-line grid.
    const isEmpty = inlines.every((inline) => inline.kind === "text" && inline.text.trim() === "");
    return isEmpty ? [] : [classifyParagraph(inlines)];
  }
  return [{ kind: "paragraph", prefix: "", inlines, headingLength: 0, indentLevel: Math.max(0, context.listDepth - 1) }];
}

function listBlocks(node: RichNode, context: BlockContext, prefixFor: (index: number) => string): PrintableBlock[] {
  const inner: BlockContext = { ...context, listDepth: context.listDepth + 1 };
  return (node.content ?? []).flatMap((item, index) => {
    if (item.type !== "listItem") return misplaced(item, "列表内容");
    const blocks = bodyToBlocks(item.content ?? [], inner);
    const first = blocks[0];
    const prefix = prefixFor(index);
    if (first?.kind === "paragraph" && first.prefix === "") return [{ ...first, prefix }, ...blocks.slice(1)];
    const marker: PrintableBlock = { kind: "paragraph", prefix, inlines: [], headingLength: 0, indentLevel: inner.listDepth - 1 };
    return [marker, ...blocks];
  });
}

/** 1. → （1） → ① as lists nest, continuing the body's own numbering levels. */
export function orderedPrefix(depth: number, index: number): string {
  if (depth <= 1) return `${index}.`;
  if (depth === 2) return `（${index}）`;
  return index >= 1 && index <= 20 ? String.fromCodePoint(0x2460 + index - 1) : `${index})`;
}

function tableBlock(node: RichNode): PrintableTable {
  const cellContext: BlockContext = { listDepth: 0, isInTable: true };
  const rows = (node.content ?? []).map((row) => {
    if (row.type !== "tableRow") return misplaced(row, "表格内容");
    return (row.content ?? []).map<PrintableTableCell>((cell) => {
      if (cell.type !== "tableCell" && cell.type !== "tableHeader") return misplaced(cell, "表格行内容");
      return {
        isHeader: cell.type === "tableHeader",
        columnSpan: positiveInteger(cell.attrs?.colspan),
        rowSpan: positiveInteger(cell.attrs?.rowspan),
        blocks: bodyToBlocks(cell.content ?? [], cellContext),
      };
    });
  });
  return { kind: "table", source: "body", rows, columnWidths: columnWidthsOf(node) };
}

function positiveInteger(value: unknown): number {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : 1;
}

/** Tiptap keeps widths per cell (`colwidth`, pixels); use them only when the first row gives every column one. */
function columnWidthsOf(table: RichNode): number[] {
  const firstRow = table.content?.[0]?.content ?? [];
  const widths: number[] = [];
  for (const cell of firstRow) {
    const colwidth = cell.attrs?.colwidth;
    const span = positiveInteger(cell.attrs?.colspan);
    if (!Array.isArray(colwidth) || colwidth.length !== span || colwidth.some((width) => !(width > 0))) return [];
    widths.push(...colwidth);
  }
  return widths;
}
