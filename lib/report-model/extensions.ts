import { getSchema, type AnyExtension } from "@tiptap/core";
import Bold from "@tiptap/extension-bold";
import Document from "@tiptap/extension-document";
import HardBreak from "@tiptap/extension-hard-break";
import Italic from "@tiptap/extension-italic";
import { BulletList, ListItem, ListKeymap, OrderedList } from "@tiptap/extension-list";
import Paragraph from "@tiptap/extension-paragraph";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import Text from "@tiptap/extension-text";
import { Dropcursor, Gapcursor, UndoRedo } from "@tiptap/extensions";

import { SuggestDelete, SuggestInsert, SuggestSplit } from "./suggestion-marks";

/**
 * The one Tiptap extension list for report bodies: the editor, the server-side
 * schema check on save and the exporters all use it. Only printable structure.
 */
export function createBodyExtensions(): AnyExtension[] {
  // StarterKit's extensions that bodies use, in StarterKit's order (the schema is the same), imported one by
  // one so the editor page does not load the unused ones (links with their URL parser, code blocks, headings…).
  // Co-editing drops "undoRedo" for Yjs's own history.
  return [
    Bold,
    BulletList,
    Document,
    Dropcursor,
    Gapcursor,
    HardBreak,
    UndoRedo,
    Italic,
    ListItem,
    ListKeymap,
    OrderedList,
    Paragraph,
    Text,
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    SuggestInsert,
    SuggestDelete,
    SuggestSplit,
  ];
}

let cachedSchema: ReturnType<typeof getSchema> | undefined;

/** The ProseMirror schema of report bodies (built once). */
export function getBodySchema() {
  cachedSchema ??= getSchema(createBodyExtensions());
  return cachedSchema;
}

/** Throws when `json` is not a valid body under the shared schema (what Tiptap itself checks). */
export function assertBodyMatchesSchema(json: unknown): void {
  assertKnownAttributes(json);
  const node = getBodySchema().nodeFromJSON(json);
  node.check();
}

/** ProseMirror drops unknown attributes silently, but the stored JSON would keep them: refuse them instead. */
function assertKnownAttributes(json: unknown): void {
  if (!json || typeof json !== "object") return;
  const node = json as { type?: unknown; attrs?: Record<string, unknown>; content?: unknown[] };
  const type = typeof node.type === "string" ? getBodySchema().nodes[node.type] : undefined;
  if (type && node.attrs) {
    const known = Object.keys(type.spec.attrs ?? {});
    const unknown = Object.keys(node.attrs).find((name) => !known.includes(name));
    if (unknown) throw new RangeError(`Unsupported attribute ${unknown} for node of type ${type.name}`);
  }
  if (Array.isArray(node.content)) for (const child of node.content) assertKnownAttributes(child);
}
