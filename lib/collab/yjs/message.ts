/** The Yjs sync payload a Hocuspocus message carries, if it carries one that can change the document. */
export interface SyncPayload {
  /** 1 = SyncStep2, 2 = Update (y-protocols). */
  syncType: 1 | 2;
  update: Uint8Array;
}

/** Hocuspocus message types that wrap a y-protocols sync message (Sync, SyncReply). */
const SYNC_MESSAGE_TYPES = new Set([0, 4]);

/**
 * Reads `<docName:varString><type:varUint>[<syncType:varUint><update:varUint8Array>]` (lib0 encoding).
 * Returns null for messages that change nothing (awareness, auth, SyncStep1…); throws on truncated input.
 */
export function readSyncPayload(data: Uint8Array): SyncPayload | null {
  let position = 0;
  const readVarUint = (): number => {
    let value = 0;
    let multiplier = 1;
    for (;;) {
      if (position >= data.length) throw new RangeError("truncated message");
      const byte = data[position++]!;
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) return value;
      multiplier *= 128;
      if (multiplier > 2 ** 53) throw new RangeError("varint too long");
    }
  };
  const readBytes = (): Uint8Array => {
    const length = readVarUint();
    if (position + length > data.length) throw new RangeError("truncated message");
    const bytes = data.subarray(position, position + length);
    position += length;
    return bytes;
  };
  readBytes(); // document name
  const type = readVarUint();
  if (!SYNC_MESSAGE_TYPES.has(type)) return null;
  const syncType = readVarUint();
  if (syncType === 0) return null;
  if (syncType !== 1 && syncType !== 2) throw new RangeError(`unknown sync message ${syncType}`);
  return { syncType, update: readBytes() };
}

/**
 * Writes a Hocuspocus Sync message carrying a y-protocols Update: `<docName:varString><0><2><update:varUint8Array>`
 * (what the provider sends for a local change).
 */
export function writeUpdateMessage(documentName: string, update: Uint8Array): Uint8Array {
  const bytes: number[] = [];
  const writeVarUint = (value: number) => {
    let rest = value;
    while (rest > 0x7f) {
      bytes.push(0x80 | (rest & 0x7f));
      rest = Math.floor(rest / 128);
    }
    bytes.push(rest);
  };
  const name = new TextEncoder().encode(documentName);
  writeVarUint(name.length);
  for (const byte of name) bytes.push(byte);
  writeVarUint(0);
  writeVarUint(2);
  writeVarUint(update.length);
  const message = new Uint8Array(bytes.length + update.length);
  message.set(bytes);
  message.set(update, bytes.length);
  return message;
}
