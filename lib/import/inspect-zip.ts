import { Inflate } from "fflate";

import { ImportError } from "./errors";

/** Limits that no real report DOCX comes near: a bigger expansion is a zip bomb. */
export const ZIP_LIMITS = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntryBytes: 40 * 1024 * 1024,
  maxEntries: 5000,
  maxRatio: 1000,
  /** XML elements in all parts together: a 600-page report has about 300,000; each costs the reader memory. */
  maxElements: 500_000,
};

const TOO_COMPLEX = "文档结构过于复杂（段落、表格等元素数量远超正常报告），已拒绝导入。请检查文件是否正确。";

/**
 * Checks every entry of a DOCX before any reader inflates it: declared sizes, the real inflated size of
 * each entry (whatever the relationships point to, word/media included), and the number of XML elements.
 */
export function inspectDocxZip(bytes: Uint8Array): ZipEntry[] {
  const entries = readZipDirectory(bytes);
  const counter = { elements: 0, isAfterLessThan: false };
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    counter.isAfterLessThan = false;
    verifyZipEntry(bytes, entry, (chunk) => countElements(chunk, counter));
  }
  return entries;
}

/** A DOCX checked entry by entry, with the inflated text parts kept for the readers (each inflated once). */
export interface CheckedDocxZip {
  entries: ZipEntry[];
  /** Whether the archive holds a file of this name. */
  has(name: string): boolean;
  /** The inflated bytes of an entry: kept parts from memory, anything else (word/media) inflated again on demand. */
  read(name: string): Uint8Array;
}

/** Parts the readers parse (XML and relationships); media and other binaries are checked but not kept. */
function isTextPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name) && !name.startsWith("word/media/");
}

/**
 * The same checks as `inspectDocxZip`, in the same single pass, but each XML part's output is kept (in one
 * buffer of its verified size) so mammoth and the numbering reader work from it instead of inflating the
 * archive a second and third time.
 */
export function openCheckedDocxZip(bytes: Uint8Array): CheckedDocxZip {
  const entries = readZipDirectory(bytes);
  const counter = { elements: 0, isAfterLessThan: false };
  const parts = new Map<string, Uint8Array>();
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    counter.isAfterLessThan = false;
    if (!isTextPart(entry.name)) {
      verifyZipEntry(bytes, entry, (chunk) => countElements(chunk, counter));
      continue;
    }
    const output = new Uint8Array(entry.size);
    let filled = 0;
    verifyZipEntry(bytes, entry, (chunk) => {
      countElements(chunk, counter);
      output.set(chunk, filled);
      filled += chunk.length;
    });
    parts.set(entry.name, output);
  }
  return {
    entries,
    has: (name) => byName.has(name),
    read(name) {
      const kept = parts.get(name);
      if (kept) return kept;
      const entry = byName.get(name);
      if (!entry) throw new ImportError("CORRUPT");
      const output = new Uint8Array(entry.size);
      let filled = 0;
      verifyZipEntry(bytes, entry, (chunk) => {
        output.set(chunk, filled);
        filled += chunk.length;
      });
      return output;
    },
  };
}

/** Counts "<" followed by a letter (an element start) across chunk boundaries. */
function countElements(chunk: Uint8Array, counter: { elements: number; isAfterLessThan: boolean }): void {
  if (counter.isAfterLessThan && chunk.length > 0 && isLetter(chunk[0]!)) counter.elements += 1;
  for (let index = chunk.indexOf(60); index >= 0; index = chunk.indexOf(60, index + 1)) {
    if (index + 1 < chunk.length && isLetter(chunk[index + 1]!)) counter.elements += 1;
  }
  counter.isAfterLessThan = chunk.length > 0 && chunk[chunk.length - 1] === 60;
  if (counter.elements > ZIP_LIMITS.maxElements) throw new ImportError("TOO_LARGE", TOO_COMPLEX);
}

function isLetter(byte: number): boolean {
  return (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122);
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Reads the central directory (never trusting it to fit the file) and checks the declared sizes. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(bytes, view);
  if (eocd < 0) throw new ImportError("CORRUPT");
  const count = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count > ZIP_LIMITS.maxEntries) throw new ImportError("ZIP_BOMB");
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  let total = 0;
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) throw new ImportError("CORRUPT");
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength + extraLength > bytes.length) throw new ImportError("CORRUPT");
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    };
    // ZIP64 sizes (0xFFFFFFFF) claim more than 4 GB expanded: no report needs that.
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw new ImportError("ZIP_BOMB");
    total += entry.size;
    const ratio = entry.size / Math.max(entry.compressedSize, 1);
    if (entry.size > ZIP_LIMITS.maxEntryBytes || total > ZIP_LIMITS.maxTotalBytes || (ratio > ZIP_LIMITS.maxRatio && entry.size > 1024 * 1024)) {
      throw new ImportError("ZIP_BOMB");
    }
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEocd(bytes: Uint8Array, view: DataView): number {
  const stop = Math.max(0, bytes.length - 22 - 65535);
  for (let offset = bytes.length - 22; offset >= stop; offset -= 1) if (view.getUint32(offset, true) === EOCD) return offset;
  return -1;
}

/**
 * Inflates an entry without keeping the output, stopping as soon as it exceeds its declared size:
 * a header that lies about the size is a bomb, undecodable data is corruption.
 */
export function verifyZipEntry(bytes: Uint8Array, entry: ZipEntry, onChunk?: (chunk: Uint8Array) => void): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) throw new ImportError("CORRUPT");
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ImportError("CORRUPT");
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ImportError("CORRUPT");
    onChunk?.(bytes.subarray(start, end));
    return;
  }
  if (entry.method !== 8) throw new ImportError("CORRUPT");
  let produced = 0;
  let isDone = false;
  const inflate = new Inflate((chunk, final) => {
    produced += chunk.length;
    if (produced > entry.size) throw new ImportError("ZIP_BOMB");
    onChunk?.(chunk);
    if (final) isDone = true;
  });
  try {
    for (let offset = start; offset < end; offset += 16 * 1024)
      inflate.push(bytes.subarray(offset, Math.min(end, offset + 16 * 1024)), offset + 16 * 1024 >= end);
    if (start === end) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError("CORRUPT", undefined, { cause: error });
  }
  if (!isDone || produced !== entry.size) throw new ImportError("CORRUPT");
}
