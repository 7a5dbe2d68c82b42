import * as Y from "yjs";

import { getBodySchema } from "@/lib/report-model/extensions";

/** Why an incoming Yjs update was refused. */
export class RefusedUpdateError extends Error {
  constructor(
    /**
     * "malformed" (not a decodable update or not a body's shape), "forbidden" (a body the user may not edit) or
     * "out-of-order" (it continues text the document does not have yet: a change that has not arrived).
     */
    readonly reason: "malformed" | "forbidden" | "out-of-order",
    message: string,
  ) {
    super(message);
    this.name = "RefusedUpdateError";
  }
}

export interface CheckUpdateOptions {
  /** The live document the update would be applied to (to find where existing items sit). */
  doc: Y.Doc;
  update: Uint8Array;
  /** May this connection change the named fragment? */
  canEditField: (field: string) => boolean;
}

type DecodedStruct = Y.Item | Y.GC | Y.Skip;

/**
 * Decodes the update without applying it and checks that every inserted or deleted item belongs to a body
 * fragment the user may edit and has a body's shape (elements of the schema's nodes, text, mark formats).
 * Returns the fragments it touches. Throws RefusedUpdateError; the document is never touched.
 */
export function checkUpdate({ doc, update, canEditField }: CheckUpdateOptions): Set<string> {
  let decoded: { structs: DecodedStruct[]; ds: ReturnType<typeof Y.decodeUpdate>["ds"] };
  try {
    decoded = Y.decodeUpdate(update) as typeof decoded;
  } catch (error) {
    throw new RefusedUpdateError("malformed", `undecodable update: ${(error as Error).message}`);
  }
  const schema = getBodySchema();
  const incoming = new Map<string, Y.Item>();
  for (const struct of decoded.structs) if (struct instanceof Y.Item) incoming.set(`${struct.id.client}:${struct.id.clock}`, struct);

  const rootCache = new Map<Y.Item, string>();
  /** The root fragment name an item (new or existing) sits in. */
  const rootOf = (item: Y.Item, depth = 0): string => {
    const cached = rootCache.get(item);
    if (cached) return cached;
    if (depth > 10_000) throw new RefusedUpdateError("malformed", "item chain too deep");
    let root: string;
    const parent = item.parent as unknown;
    if (typeof parent === "string") root = parent;
    else if (parent instanceof Y.ID) root = rootOfId(parent, depth);
    else if (parent instanceof Y.AbstractType) root = rootOfType(parent);
    else if (item.origin) root = rootOfId(item.origin, depth);
    else if (item.rightOrigin) root = rootOfId(item.rightOrigin, depth);
    else throw new RefusedUpdateError("malformed", "item without parent or neighbour");
    rootCache.set(item, root);
    return root;
  };
  const rootOfType = (type: Y.AbstractType<unknown>): string => {
    if (type.doc !== doc) throw new RefusedUpdateError("malformed", "foreign type");
    // Walk up to the root type (a paragraph's text sits in the paragraph, which sits in the body fragment).
    let root = type;
    while (root._item) root = root._item.parent as Y.AbstractType<unknown>;
    return Y.findRootTypeKey(root);
  };
  const rootOfId = (id: Y.ID, depth: number): string => {
    const pending = incoming.get(`${id.client}:${id.clock}`) ?? findIncomingContaining(incoming, id);
    if (pending) return rootOf(pending, depth + 1);
    const existing = findExisting(doc, id);
    if (!existing) throw new RefusedUpdateError("out-of-order", "refers to an unknown item");
    if (existing instanceof Y.GC) throw new RefusedUpdateError("malformed", "refers to a collected item");
    const parent = existing.parent as unknown;
    if (parent instanceof Y.AbstractType) return rootOfType(parent);
    throw new RefusedUpdateError("malformed", "existing item without a parent");
  };

  const touched = new Set<string>();
  for (const item of incoming.values()) {
    assertBodyContent(item, schema);
    touched.add(rootOf(item));
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges)
      for (const existing of existingInRange(doc, client, range.clock, range.len)) touched.add(rootOfType(existing.parent as Y.AbstractType<unknown>));
  }
  for (const field of touched) {
    if (!field.startsWith("body:")) throw new RefusedUpdateError("malformed", `unknown fragment ${field}`);
    if (!canEditField(field)) throw new RefusedUpdateError("forbidden", `may not edit ${field}`);
  }
  return touched;
}

function findIncomingContaining(incoming: Map<string, Y.Item>, id: Y.ID): Y.Item | undefined {
  for (const item of incoming.values()) {
    if (item.id.client === id.client && item.id.clock <= id.clock && id.clock < item.id.clock + item.length) return item;
  }
  return undefined;
}

function findExisting(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | undefined {
  const structs = doc.store.clients.get(id.client);
  if (!structs || structs.length === 0) return undefined;
  const last = structs[structs.length - 1]!;
  if (id.clock >= last.id.clock + last.length) return undefined;
  return structs[Y.findIndexSS(structs, id.clock)] as Y.Item | Y.GC;
}

/** Existing items overlapping a deleted range (read only: the store is never split). */
function existingInRange(doc: Y.Doc, client: number, clock: number, length: number): Y.Item[] {
  const structs = doc.store.clients.get(client);
  if (!structs || structs.length === 0 || length <= 0) return [];
  const last = structs[structs.length - 1]!;
  if (clock >= last.id.clock + last.length) return [];
  const found: Y.Item[] = [];
  for (let index = Y.findIndexSS(structs, Math.max(clock, structs[0]!.id.clock)); index < structs.length; index++) {
    const struct = structs[index]!;
    if (struct.id.clock >= clock + length) break;
    if (struct instanceof Y.Item && struct.parent instanceof Y.AbstractType) found.push(struct);
  }
  return found;
}

/** Only what a body fragment can hold: schema node elements, text, mark formats and element attributes. */
function assertBodyContent(item: Y.Item, schema: ReturnType<typeof getBodySchema>): void {
  const content = item.content as unknown;
  if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) return;
  if (content instanceof Y.ContentFormat) {
    // Overlapping marks are stored as `<mark>--<hash>`.
    if (schema.marks[content.key.split("--")[0]!] || content.key === "ychange") return;
    throw new RefusedUpdateError("malformed", `unknown mark ${content.key}`);
  }
  if (content instanceof Y.ContentType) {
    const type = content.type as unknown;
    if (type instanceof Y.XmlText) return;
    if (type instanceof Y.XmlElement && schema.nodes[type.nodeName]) return;
    throw new RefusedUpdateError("malformed", "unknown element");
  }
  // Element attributes are map entries (parentSub set) holding plain values.
  if (content instanceof Y.ContentAny && item.parentSub !== null) return;
  // A mark's attributes travel as ContentFormat values; anything else (binary, sub-documents, embeds) is refused.
  throw new RefusedUpdateError("malformed", "content a body cannot hold");
}
