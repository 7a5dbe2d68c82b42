/**
 * A report body as static HTML, the way the Tiptap editor draws it (same elements, same classes), so the editor
 * page can show every body before the editing engine is loaded. Pure: no Tiptap, no zod (first-screen code).
 *
 * Text offsets here are those of `docToText(body)`: every paragraph in document order is one block, and two
 * neighbouring paragraphs are one character apart (a line break between blocks, a tab between table cells,
 * a space between paragraphs of one cell); a hard break is one character.
 */
import { formatDateTime } from "@/lib/report-model/beijing-time";
import type { RichDoc, RichMark, RichNode } from "@/lib/report-model/rich-text";

/** Same classes as the editor's "待更新" decoration (components/editor/highlight-ranges.ts). */
export const STATIC_PENDING_CLASS = "nb-pending-range rounded-sm bg-amber-100 underline decoration-amber-500 decoration-dotted";

export interface StaticRange {
  id: string;
  from: number;
  to: number;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, "&quot;");
}

function suggestionTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? "" : formatDateTime(new Date(time));
}

/** The opening tag of a mark, as the schema's renderHTML writes it (suggestion attributes parse back from it). */
function markOpen(mark: RichMark): string {
  if (mark.type === "bold") return "<strong>";
  if (mark.type === "italic") return "<em>";
  if (mark.type === "suggestInsert" || mark.type === "suggestDelete" || mark.type === "suggestSplit") {
    const kind = mark.type === "suggestInsert" ? "insert" : mark.type === "suggestDelete" ? "delete" : "split";
    const tag = kind === "insert" ? "ins" : kind === "delete" ? "del" : "span";
    const { id, authorId, authorName, at } = mark.attrs;
    const title = `${authorName}${{ insert: "插入", delete: "删除", split: "分段" }[kind]}（${suggestionTime(at)}）`;
    return (
      `<${tag} data-suggestion-id="${escapeAttribute(id)}" data-suggestion-author-id="${escapeAttribute(authorId)}" ` +
      `data-suggestion-author-name="${escapeAttribute(authorName)}" data-suggestion-at="${escapeAttribute(at)}" ` +
      `class="suggestion suggestion-${kind}" title="${escapeAttribute(title)}">`
    );
  }
  return "<span>";
}

function markClose(mark: RichMark): string {
  if (mark.type === "bold") return "</strong>";
  if (mark.type === "italic") return "</em>";
  if (mark.type === "suggestInsert") return "</ins>";
  if (mark.type === "suggestDelete") return "</del>";
  return "</span>";
}

function numberAttribute(node: RichNode, name: string): number | null {
  const value = node.attrs?.[name];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

class Writer {
  html = "";
  offset = 0;
  private hasBlock = false;

  constructor(private readonly ranges: StaticRange[]) {}

  /** Text of one inline run, split where a "待更新" range starts or ends. */
  text(text: string): void {
    let index = 0;
    while (index < text.length) {
      const at = this.offset + index;
      const inside = this.ranges.find((range) => range.from <= at && at < range.to);
      let end = text.length;
      for (const range of this.ranges) {
        for (const edge of [range.from, range.to]) if (edge > at && edge - this.offset < end) end = edge - this.offset;
      }
      const piece = escapeText(text.slice(index, end));
      this.html += inside ? `<span class="${STATIC_PENDING_CLASS}" data-mark-id="${escapeAttribute(inside.id)}">${piece}</span>` : piece;
      index = end;
    }
    this.offset += text.length;
  }

  block(): void {
    if (this.hasBlock) this.offset += 1;
    this.hasBlock = true;
  }
}

function writeInline(node: RichNode, out: Writer): void {
  if (node.type === "hardBreak") {
    out.html += "<br>";
    out.offset += 1;
    return;
  }
  if (node.type !== "text") return;
  const marks = node.marks ?? [];
  out.html += marks.map(markOpen).join("");
  out.text(node.text ?? "");
  out.html += [...marks].reverse().map(markClose).join("");
}

function writeNode(node: RichNode, out: Writer): void {
  const children = () => {
    for (const child of node.content ?? []) writeNode(child, out);
  };
  switch (node.type) {
    case "paragraph":
      out.block();
      out.html += "<p>";
      for (const child of node.content ?? []) writeInline(child, out);
      // An empty paragraph keeps its line, as ProseMirror's trailing break does.
      out.html += (node.content?.length ?? 0) === 0 ? '<br class="ProseMirror-trailingBreak"></p>' : "</p>";
      return;
    case "bulletList":
      out.html += "<ul>";
      children();
      out.html += "</ul>";
      return;
    case "orderedList": {
      const start = numberAttribute(node, "start");
      out.html += start !== null && start !== 1 ? `<ol start="${start}">` : "<ol>";
      children();
      out.html += "</ol>";
      return;
    }
    case "listItem":
      out.html += "<li>";
      children();
      out.html += "</li>";
      return;
    case "table":
      out.html += "<table><tbody>";
      children();
      out.html += "</tbody></table>";
      return;
    case "tableRow":
      out.html += "<tr>";
      children();
      out.html += "</tr>";
      return;
    case "tableCell":
    case "tableHeader": {
      const tag = node.type === "tableHeader" ? "th" : "td";
      const colspan = numberAttribute(node, "colspan");
      const rowspan = numberAttribute(node, "rowspan");
      out.html += `<${tag}${colspan && colspan > 1 ? ` colspan="${colspan}"` : ""}${rowspan && rowspan > 1 ? ` rowspan="${rowspan}"` : ""}>`;
      children();
      out.html += `</${tag}>`;
      return;
    }
    case "doc":
      children();
      return;
    default:
      children();
  }
}

/** The body's HTML; `ranges` (plain-text offsets) are painted as the editor paints "待更新" marks. */
export function staticBodyHtml(body: RichDoc, ranges: StaticRange[] = [], placeholder?: string): string {
  const isEmpty = body.content.length === 0 || (body.content.length === 1 && body.content[0]!.type === "paragraph" && !body.content[0]!.content?.length);
  if (isEmpty) {
    // As Tiptap's Placeholder extension marks an empty editable body.
    const marks = placeholder ? ` class="is-empty is-editor-empty" data-placeholder="${escapeAttribute(placeholder)}"` : "";
    return `<p${marks}><br class="ProseMirror-trailingBreak"></p>`;
  }
  const out = new Writer(ranges.filter((range) => range.to > range.from));
  writeNode(body, out);
  return out.html;
}

const BLOCK_TAGS = new Set(["P", "DIV", "LI", "TD", "TH", "H1", "H2", "H3", "H4", "H5", "H6"]);

/** A DOM point in `root` as a plain-text offset (blocks one character apart, as above). */
export function domPointToTextOffset(root: Node, target: Node, targetOffset: number): number {
  let offset = 0;
  let hasBlock = false;
  let result: number | null = null;
  const visit = (node: Node) => {
    if (result !== null) return;
    if (node.nodeType === Node.TEXT_NODE) {
      if (node === target) result = offset + targetOffset;
      else offset += node.textContent?.length ?? 0;
      return;
    }
    if (node.nodeName === "BR") {
      if (!(node as Element).classList.contains("ProseMirror-trailingBreak")) offset += 1;
      return;
    }
    const isBlock = BLOCK_TAGS.has(node.nodeName) && !Array.from(node.childNodes).some((child) => BLOCK_TAGS.has(child.nodeName));
    if (isBlock) {
      if (hasBlock) offset += 1;
      hasBlock = true;
    }
    // A point between children: count the children before it.
    const children = node === target ? Array.from(node.childNodes).slice(0, targetOffset) : Array.from(node.childNodes);
    children.forEach((child) => visit(child));
    if (node === target && result === null) result = offset;
  };
  (target === root ? Array.from(root.childNodes).slice(0, targetOffset) : Array.from(root.childNodes)).forEach((child) => visit(child));
  return result ?? offset;
}

/** The DOM point at a plain-text offset in `root` (the end when the offset is past the text). */
export function textOffsetToDomPoint(root: Node, wanted: number): { node: Node; offset: number } {
  let offset = 0;
  let hasBlock = false;
  let found: { node: Node; offset: number } | null = null;
  let last: { node: Node; offset: number } = { node: root, offset: root.childNodes.length };
  const visit = (node: Node) => {
    if (found) return;
    if (node.nodeType === Node.TEXT_NODE) {
      const length = node.textContent?.length ?? 0;
      if (wanted <= offset + length) found = { node, offset: wanted - offset };
      offset += length;
      last = { node, offset: length };
      return;
    }
    if (node.nodeName === "BR") {
      if (!(node as Element).classList.contains("ProseMirror-trailingBreak")) offset += 1;
      return;
    }
    const isBlock = BLOCK_TAGS.has(node.nodeName) && !Array.from(node.childNodes).some((child) => BLOCK_TAGS.has(child.nodeName));
    if (isBlock) {
      if (hasBlock) offset += 1;
      hasBlock = true;
      if (wanted <= offset && !node.textContent) {
        found = { node, offset: 0 };
        return;
      }
    }
    node.childNodes.forEach((child) => visit(child));
  };
  root.childNodes.forEach((child) => visit(child));
  return found ?? last;
}

/** `docToText(body)` without the zod-checked model module (same separators: line break, tab, space in a cell). */
export function staticBodyText(node: RichNode): string {
  const blocks: string[] = [];
  const inline = (child: RichNode): string =>
    child.type === "text" ? (child.text ?? "") : child.type === "hardBreak" ? "\n" : (child.content ?? []).map(inline).join("");
  const collect = (current: RichNode) => {
    if (current.type === "paragraph") blocks.push(inline(current));
    else if (current.type === "tableRow") blocks.push((current.content ?? []).map((cell) => staticBodyText(cell).replace(/\n/g, " ")).join("\t"));
    else for (const child of current.content ?? []) collect(child);
  };
  collect(node);
  return blocks.join("\n");
}

/**
 * Plain-text edits applied to the body's JSON (a finding's fix before the editor is loaded). Each edit must lie
 * in one paragraph; the inserted text takes the marks of the character it replaces or follows. Null when an
 * edit crosses paragraphs or `expectedText` is not the body's text.
 */
export function applyStaticTextEdits(body: RichDoc, edits: Array<{ from: number; to: number; insert: string }>, expectedText?: string): RichDoc | null {
  if (expectedText !== undefined && staticBodyText(body) !== expectedText) return null;
  let doc = body;
  for (const edit of [...edits].sort((a, b) => b.from - a.from)) {
    const next = applyOne(doc, edit);
    if (!next) return null;
    doc = next;
  }
  return doc;
}

function applyOne(body: RichDoc, edit: { from: number; to: number; insert: string }): RichDoc | null {
  const copy = structuredClone(body);
  const paragraphs: RichNode[] = [];
  const collect = (node: RichNode) => {
    if (node.type === "paragraph") paragraphs.push(node);
    else for (const child of node.content ?? []) collect(child);
  };
  collect(copy);
  let start = 0;
  for (const paragraph of paragraphs) {
    const inline = paragraph.content ?? [];
    const length = inline.reduce((sum, child) => sum + (child.type === "text" ? (child.text?.length ?? 0) : 1), 0);
    if (edit.from >= start && edit.to <= start + length) {
      const from = edit.from - start;
      const to = edit.to - start;
      const pieces: RichNode[] = [];
      let at = 0;
      let inserted = false;
      for (const child of inline) {
        const size = child.type === "text" ? (child.text?.length ?? 0) : 1;
        const [childStart, childEnd] = [at, at + size];
        at = childEnd;
        if (child.type !== "text") {
          if (!inserted && from <= childStart && edit.insert) {
            pieces.push({ type: "text", text: edit.insert });
            inserted = true;
          }
          if (!(childStart >= from && childEnd <= to && to > from)) pieces.push(child);
          continue;
        }
        const text = child.text ?? "";
        // The inserted text goes where the replaced text began, or after the character it follows.
        const owns =
          !inserted && (to > from ? from >= childStart && from < childEnd : (from > childStart && from <= childEnd) || (from === 0 && childStart === 0));
        const overlaps = to > from && from < childEnd && to > childStart;
        if (!owns && !overlaps) {
          pieces.push(child);
          continue;
        }
        const replaced = text.slice(0, Math.max(0, from - childStart)) + (owns ? edit.insert : "") + text.slice(Math.min(size, Math.max(0, to - childStart)));
        if (owns) inserted = true;
        if (replaced) pieces.push({ ...child, text: replaced });
      }
      if (!inserted && edit.insert) pieces.push({ type: "text", text: edit.insert });
      const merged = pieces.filter((piece) => piece.type !== "text" || (piece.text ?? "").length > 0);
      if (merged.length > 0) paragraph.content = merged;
      else delete paragraph.content;
      return copy;
    }
    start += length + 1;
  }
  return null;
}

/** The text of a drawn body (the static copy or the editor's view), blocks one character apart as above. */
export function drawnText(root: Node): string {
  let text = "";
  let hasBlock = false;
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.textContent ?? "";
      return;
    }
    if (node.nodeName === "BR") {
      if (!(node as Element).classList.contains("ProseMirror-trailingBreak")) text += "\n";
      return;
    }
    const isBlock = BLOCK_TAGS.has(node.nodeName) && !Array.from(node.childNodes).some((child) => BLOCK_TAGS.has(child.nodeName));
    if (isBlock) {
      if (hasBlock) text += "\n";
      hasBlock = true;
    }
    node.childNodes.forEach((child) => visit(child));
  };
  root.childNodes.forEach((child) => visit(child));
  return text;
}

/**
 * What the official typed into the static copy (`base` → `typed`), moved onto `current` (the live document, which
 * others may have changed since `base` was drawn) as one plain-text edit; null when it cannot be placed exactly
 * (then the caller writes the typed body whole) or when it splits paragraphs.
 */
export function rebaseTypedEdit(base: string, typed: string, current: string): { from: number; to: number; insert: string } | null {
  let start = 0;
  while (start < base.length && start < typed.length && base[start] === typed[start]) start += 1;
  let end = 0;
  while (end < base.length - start && end < typed.length - start && base[base.length - 1 - end] === typed[typed.length - 1 - end]) end += 1;
  const edit = { from: start, to: base.length - end, insert: typed.slice(start, typed.length - end) };
  if (edit.insert.includes("\n") || base.slice(edit.from, edit.to).includes("\n")) return null;
  const removed = base.slice(edit.from, edit.to);
  const suffix = base.slice(edit.to);
  // Others' changes before the edit, after it, or neither: the edit's own stretch must still read the same.
  if (current.startsWith(base.slice(0, edit.to)) || (current.slice(edit.from, edit.to) === removed && current.startsWith(base.slice(0, edit.from)))) {
    return edit;
  }
  if (current.endsWith(base.slice(edit.from))) {
    const to = current.length - suffix.length;
    return { from: to - removed.length, to, insert: edit.insert };
  }
  return null;
}
