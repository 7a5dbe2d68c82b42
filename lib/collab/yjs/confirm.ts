import * as Y from "yjs";

/**
 * The confirmation round trip of live co-editing. A window keeps every change it typed until the server
 * confirms that its document holds it (the server stores an update before applying it, so "held" means
 * "durable"). The provider's own acknowledgement counter cannot say that: it restarts at one on every
 * reconnection while the updates typed offline are still queued behind it, so the first acknowledgement
 * after an outage read as "everything saved" while the rest was still on its way.
 *
 * Client → server (stateless): `{ type: "confirm", seq, update }`, `update` the base64 merge of the window's
 * unconfirmed updates up to `seq`. Server → client: `{ type: "confirmed", seq, isHeld }`.
 */
export interface ConfirmRequest {
  type: "confirm";
  seq: number;
  /** Base64 of a Yjs update (v1). */
  update: string;
}

export interface ConfirmAnswer {
  type: "confirmed";
  seq: number;
  /** True when the server's document holds every insertion and deletion of the update. */
  isHeld: boolean;
}

/** Parses a stateless payload as a confirmation request; null when it is not one. */
export function readConfirmRequest(payload: string): ConfirmRequest | null {
  let message: unknown;
  try {
    message = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof message !== "object" || message === null) return null;
  const { type, seq, update } = message as Record<string, unknown>;
  if (type !== "confirm" || typeof seq !== "number" || !Number.isSafeInteger(seq) || typeof update !== "string") return null;
  return { type, seq, update };
}

/** Parses a stateless payload as a confirmation answer; null when it is not one. */
export function readConfirmAnswer(payload: string): ConfirmAnswer | null {
  let message: unknown;
  try {
    message = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof message !== "object" || message === null) return null;
  const { type, seq, isHeld } = message as Record<string, unknown>;
  if (type !== "confirmed" || typeof seq !== "number" || typeof isHeld !== "boolean") return null;
  return { type, seq, isHeld };
}

/**
 * Whether `doc` already holds everything `update` carries: every struct (by its client's clock) and every
 * deletion. Reads the update without applying it; an undecodable update is not held.
 */
export function documentHoldsUpdate(doc: Y.Doc, update: Uint8Array): boolean {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return false;
  }
  for (const struct of decoded.structs as Array<Y.Item | Y.GC | Y.Skip>) {
    // A merged update marks the gaps between the updates it was made of with Skip structs: they carry nothing.
    if (struct instanceof Y.Skip) continue;
    if (Y.getState(doc.store, struct.id.client) < struct.id.clock + struct.length) return false;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) if (!isRangeDeleted(doc, client, range.clock, range.len)) return false;
  }
  return true;
}

/** Every struct of `client` in `clock..clock+length` exists in `doc` and is deleted (collected ones count). */
function isRangeDeleted(doc: Y.Doc, client: number, clock: number, length: number): boolean {
  if (length <= 0) return true;
  const structs = doc.store.clients.get(client);
  if (!structs || structs.length === 0 || Y.getState(doc.store, client) < clock + length) return false;
  for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
    const struct = structs[index]!;
    if (struct.id.clock >= clock + length) break;
    if (!struct.deleted) return false;
  }
  return true;
}

/** Base64 of bytes, in the browser and in Node (no Buffer on the client). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const CHUNK = 0x8000;
  for (let start = 0; start < bytes.length; start += CHUNK) binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  return btoa(binary);
}

/** The bytes of a base64 string; throws on malformed input. */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
