import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type * as Y from "yjs";

import { getBodySchema } from "@/lib/report-model/extensions";
import { emptyDoc, type RichDoc } from "@/lib/report-model";

/** Transaction origin of changes the server makes itself (seeding, edits that came by an ordinary save). */
export const SERVER_ORIGIN = "nianbao-server";

/** The body a fragment holds, as the editor's `getJSON()` would give it. */
export function readFragmentBody(fragment: Y.XmlFragment): RichDoc {
  if (fragment.length === 0) return emptyDoc();
  // A root node built from the fragment serialises exactly like Tiptap's editor.getJSON().
  return yXmlFragmentToProseMirrorRootNode(fragment, getBodySchema()).toJSON() as RichDoc;
}

/** Reads the named fragments of `doc`. */
export function readBodies(doc: Y.Doc, fields: Iterable<string>): Map<string, RichDoc> {
  const bodies = new Map<string, RichDoc>();
  for (const field of fields) bodies.set(field, readFragmentBody(doc.getXmlFragment(field)));
  return bodies;
}

/** Makes the fragment hold `body`, changing only what differs (so carets and concurrent typing elsewhere survive). */
export function writeFragmentBody(doc: Y.Doc, field: string, body: RichDoc): void {
  const node = getBodySchema().nodeFromJSON(body);
  doc.transact(() => {
    updateYFragment(doc, doc.getXmlFragment(field), node, { mapping: new Map(), isOMark: new Map() });
  }, SERVER_ORIGIN);
}
