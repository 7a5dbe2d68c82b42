import { z } from "zod";

// The app's CSP forbids eval; zod's probe for its eval fast path would raise a CSP violation in the editor.
z.config({ jitless: true });

/** Node types a report body may contain: only what an official document can print. */
export const BODY_NODE_TYPES = [
  "doc",
  "paragraph",
  "text",
  "hardBreak",
  "bulletList",
  "orderedList",
  "listItem",
  "table",
  "tableRow",
  "tableCell",
  "tableHeader",
] as const;
export type BodyNodeType = (typeof BODY_NODE_TYPES)[number];

/** Formatting marks: what an official document can print. */
export const FORMAT_MARK_TYPES = ["bold", "italic"] as const;
export type FormatMarkType = (typeof FORMAT_MARK_TYPES)[number];

/**
 * Suggestion marks (修订模式): a reviewer's tracked insertion or deletion, by user and time.
 * Attributes are exactly {id, authorId, authorName, at}; `at` is an ISO timestamp. Shared with the DOCX
 * w:ins/w:del round trip. Text under suggestDelete is still present until the deletion is accepted.
 * suggestSplit sits on the last character before a suggested paragraph break (a paragraph split in two): it
 * marks no text as changed; rejecting it joins its paragraph with the next one (see suggestions.ts).
 */
export const SUGGESTION_MARK_TYPES = ["suggestInsert", "suggestDelete", "suggestSplit"] as const;
export type SuggestionMarkType = (typeof SUGGESTION_MARK_TYPES)[number];

export const BODY_MARK_TYPES = [...FORMAT_MARK_TYPES, ...SUGGESTION_MARK_TYPES] as const;
export type BodyMarkType = (typeof BODY_MARK_TYPES)[number];

export interface SuggestionAttrs {
  /** One suggestion may span several text nodes and paragraphs; they share this id. */
  id: string;
  /** The user id of the author (an imported Word author gets an id made up by the importer). */
  authorId: string;
  authorName: string;
  /** ISO 8601 timestamp, e.g. "2026-11-29T08:15:00.000Z". */
  at: string;
}

export const suggestionAttrsSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/),
    authorId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_.:-]+$/),
    authorName: z.string().max(100),
    at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/),
  })
  .strict();

/** Deepest nesting accepted (lists inside tables inside lists…); deeper input is hostile. */
export const MAX_BODY_DEPTH = 12;

export type RichMark = { type: FormatMarkType } | { type: SuggestionMarkType; attrs: SuggestionAttrs };

export interface RichNode {
  type: BodyNodeType;
  attrs?: Record<string, string | number | boolean | null | number[]>;
  content?: RichNode[];
  marks?: RichMark[];
  text?: string;
}

export interface RichDoc extends RichNode {
  type: "doc";
  content: RichNode[];
}

const markSchema: z.ZodType<RichMark> = z.union([
  z.object({ type: z.enum(FORMAT_MARK_TYPES) }).strict(),
  z.object({ type: z.enum(SUGGESTION_MARK_TYPES), attrs: suggestionAttrsSchema }).strict(),
]);
const attrValue = z.union([z.string().max(200), z.number(), z.boolean(), z.null(), z.array(z.number()).max(50)]);

export const richNodeSchema: z.ZodType<RichNode> = z
  .object({
    type: z.enum(BODY_NODE_TYPES),
    attrs: z.record(z.string().max(40), attrValue).optional(),
    get content() {
      return z.array(richNodeSchema).max(5000).optional();
    },
    marks: z.array(markSchema).max(BODY_MARK_TYPES.length).optional(),
    text: z.string().max(200_000).optional(),
  })
  .strict();

function depthOf(node: RichNode, limit: number): number {
  if (!node.content || node.content.length === 0) return 1;
  if (limit <= 0) return Infinity;
  let deepest = 0;
  for (const child of node.content) deepest = Math.max(deepest, depthOf(child, limit - 1));
  return deepest + 1;
}

export const richDocSchema = z
  .object({
    type: z.literal("doc"),
    get content() {
      return z.array(richNodeSchema).max(5000);
    },
  })
  .strict()
  .refine((doc) => depthOf(doc as RichDoc, MAX_BODY_DEPTH) <= MAX_BODY_DEPTH, {
    message: "正文嵌套层级过深",
  }) as unknown as z.ZodType<RichDoc>;

export function emptyDoc(): RichDoc {
  return { type: "doc", content: [{ type: "paragraph" }] };
}

/** Builds a body from plain text: one paragraph per non-empty line. */
export function textToDoc(text: string): RichDoc {
  const paragraphs = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map<RichNode>((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] }));
  return { type: "doc", content: paragraphs.length > 0 ? paragraphs : [{ type: "paragraph" }] };
}

/**
 * Plain text of a body: block nodes separated by "\n", table cells by "\t".
 * Finding ranges and the editor's highlight use offsets into exactly this string.
 */
export function docToText(doc: RichNode | undefined): string {
  if (!doc) return "";
  const blocks: string[] = [];
  collectBlocks(doc, blocks);
  return blocks.join("\n");
}

function inlineText(node: RichNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

function collectBlocks(node: RichNode, out: string[]): void {
  switch (node.type) {
    case "paragraph":
      out.push(inlineText(node));
      return;
    case "tableRow":
      out.push((node.content ?? []).map((cell) => docToText(cell).replace(/\n/g, " ")).join("\t"));
      return;
    default:
      for (const child of node.content ?? []) collectBlocks(child, out);
  }
}

/** Paragraph texts of a body, in order (table rows count as one paragraph each). */
export function docParagraphs(doc: RichNode | undefined): string[] {
  if (!doc) return [];
  const blocks: string[] = [];
  collectBlocks(doc, blocks);
  return blocks;
}
