import { CHROME_PATTERNS, FOOTER_START, type ChromePattern } from "./page-chrome";
import { readPageMeta, type PageMeta } from "./page-meta";
import { sampleOf, type ImportContext, type SourceBlock } from "./types";

const PARAGRAPH_LENGTH = 40;
const MAX_LINE = 200;
/** Beyond this many removals the log gets one summary line instead of one line each. */
const MAX_LOGGED = 60;

export interface StripResult {
  blocks: SourceBlock[];
  /** What the page said about the report (dates, publisher): offered to the user, never printed silently. */
  page: PageMeta;
  /** How many lines or pieces were removed. */
  removedCount: number;
}

const LINE_PATTERNS = CHROME_PATTERNS.filter((pattern) => pattern.line);
const INLINE_PATTERNS = CHROME_PATTERNS.filter((pattern) => pattern.inline);
const FOOTER = CHROME_PATTERNS.find((pattern) => pattern.id === "footer")!;

/** The chrome pattern a whole line is, if any. */
export function matchChromeLine(line: string): ChromePattern | undefined {
  if (line.length >= MAX_LINE) return undefined;
  return LINE_PATTERNS.find((pattern) => pattern.line!.test(line));
}

/** The line without the chrome pieces inside it, and which patterns removed what. */
export function stripInlineChrome(text: string): { text: string; removed: Array<{ pattern: ChromePattern; piece: string }> } {
  const removed: Array<{ pattern: ChromePattern; piece: string }> = [];
  let result = text;
  for (const pattern of INLINE_PATTERNS) {
    const regex = pattern.inline!;
    regex.lastIndex = 0;
    if (!regex.test(result)) continue;
    regex.lastIndex = 0;
    result = result.replace(regex, (piece) => {
      if (piece.trim()) removed.push({ pattern, piece: piece.trim() });
      return "";
    });
  }
  return { text: removed.length > 0 ? result.replace(/\s{2,}/g, " ").trim() : text, removed };
}

/**
 * Stage "page chrome": removes the web page around a published report (navigation, widgets, page
 * information, index tables, share links, footers, document-site watermarks). Every removal is written
 * to the import log with the pattern that matched; the page's own facts are kept aside in `page`.
 */
export function stripPageChrome(blocks: SourceBlock[], context: ImportContext, normalize: (text: string) => string): StripResult {
  const page: PageMeta = {};
  const removals: Array<{ label: string; text: string }> = [];
  const kept: SourceBlock[] = [];
  const lastParagraph = findLastIndex(blocks, (block) => !!block.table || block.text.length >= PARAGRAPH_LENGTH);
  let isInFooter = false;
  blocks.forEach((block, index) => {
    if (block.table) return void kept.push(block);
    const line = normalize(block.text).trim();
    if (!line) return void kept.push(block);
    const pattern = matchChromeLine(line);
    if (index > lastParagraph && FOOTER_START.test(line)) isInFooter = true;
    const isFooterLine = !pattern && isInFooter && line.length < PARAGRAPH_LENGTH && !/^\d{4}年/.test(line);
    if (pattern || isFooterLine) {
      readPageMeta(line, page);
      removals.push({ label: (pattern ?? FOOTER).label, text: block.text });
      return;
    }
    const stripped = stripInlineChrome(block.text);
    for (const { pattern: inline, piece } of stripped.removed) removals.push({ label: inline.label, text: piece });
    if (stripped.removed.length === 0) return void kept.push(block);
    if (stripped.text)
      kept.push({ ...block, text: stripped.text, boldLead: block.boldLead && stripped.text.startsWith(block.boldLead) ? block.boldLead : undefined });
  });
  logRemovals(removals, context);
  return { blocks: kept, page, removedCount: removals.length };
}

function logRemovals(removals: Array<{ label: string; text: string }>, context: ImportContext): void {
  if (removals.length === 0) return;
  context.log.push({
    kind: "removed",
    message: `已删除网页附带的 ${removals.length} 处无关内容（页面导航、字号、发布信息、分享、页脚、水印等），逐项列在下面。`,
  });
  for (const removal of removals.slice(0, MAX_LOGGED)) {
    context.log.push({ kind: "removed", message: `已删除${removal.label}：“${sampleOf(removal.text, 40)}”`, sample: sampleOf(removal.text, 40) });
  }
  if (removals.length > MAX_LOGGED) context.log.push({ kind: "removed", message: `另有 ${removals.length - MAX_LOGGED} 处同类内容已删除。` });
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) if (predicate(items[index]!)) return index;
  return -1;
}
