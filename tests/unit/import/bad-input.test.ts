import { Zip, ZipDeflate, zipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { ImportError, importReport, importText, MAX_IMPORT_BYTES, type ImportErrorCode } from "@/lib/import";

import { buildFixtureDocx } from "./docx-fixture";

/** A ZIP with one entry of `megabytes` MB of zeros, streamed so the test never holds the expanded data. */
function buildZipBomb(megabytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const entry = new ZipDeflate("word/document.xml", { level: 9 });
  zip.add(entry);
  const zeros = new Uint8Array(1024 * 1024);
  for (let index = 0; index < megabytes; index += 1) entry.push(zeros, index === megabytes - 1);
  zip.end();
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** A small ZIP whose headers claim the entry expands to 100 bytes while it really expands to 50 MB. */
function buildLyingZip(): Uint8Array {
  const zip = zipSync({ "word/document.xml": new Uint8Array(50 * 1024 * 1024) }, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let offset = 0; offset < zip.length - 4; offset += 1) {
    const signature = view.getUint32(offset, true);
    if (signature === 0x04034b50) view.setUint32(offset + 22, 100, true);
    if (signature === 0x02014b50) view.setUint32(offset + 24, 100, true);
  }
  return zip;
}

/** An OLE compound file as Word writes for a password-protected DOCX: magic, then an EncryptionInfo stream name. */
function buildEncryptedOle(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const name = [..."EncryptionInfo"].flatMap((char) => [char.charCodeAt(0), 0]);
  bytes.set(name, 1024);
  return bytes;
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: ImportErrorCode; message: string }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportError);
  return { code: (error as ImportError).code, message: (error as ImportError).message };
}

describe("[IMPORT] bad input gives a typed ImportError with a Chinese message", async () => {
  const docx = await buildFixtureDocx();
  const cases: Array<[string, ImportErrorCode, () => Uint8Array, string]> = [
    ["空文件", "EMPTY", () => new Uint8Array(0), "a.docx"],
    ["只有空白的文本", "EMPTY", () => new TextEncoder().encode(" \n\n\t \n"), "a.txt"],
    ["截断的 DOCX", "CORRUPT", () => docx.subarray(0, Math.floor(docx.length / 2)), "a.docx"],
    ["扩展名为 .docx 的文本", "CORRUPT", () => new TextEncoder().encode("这不是 Word 文件"), "a.docx"],
    ["数据损坏的 DOCX", "CORRUPT", () => corruptMiddle(docx), "a.docx"],
    ["加密的 DOCX", "ENCRYPTED", buildEncryptedOle, "加密.docx"],
    ["旧版 .doc", "UNSUPPORTED", () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)]), "a.doc"],
    ["图片", "UNSUPPORTED", () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "a.png"],
    ["不含正文的 ZIP", "UNSUPPORTED", () => zipSync({ "readme.txt": new TextEncoder().encode("hello") }), "a.docx"],
    ["ZIP 炸弹", "ZIP_BOMB", () => buildZipBomb(150), "炸弹.docx"],
    ["高压缩比的 ZIP", "ZIP_BOMB", () => buildZipBomb(20), "a.docx"],
    ["谎报大小的 ZIP", "ZIP_BOMB", buildLyingZip, "谎报.docx"],
    ["二进制内容的 .txt", "BINARY", () => Uint8Array.from({ length: 4000 }, (_, index) => (index * 7919) % 256), "年报.txt"],
    ["ZIP 改名为 .txt", "BINARY", () => docx, "年报.txt"],
  ];

  it.each(cases)("%s → %s", async (_label, code, build, fileName) => {
    const result = await codeOf(importReport({ bytes: build(), fileName }));
    expect(result.code).toBe(code);
    expect(result.message).toMatch(/\p{Script=Han}{4,}/u);
  });

  it("rejects a file over the limit before reading it", async () => {
    const result = await codeOf(importReport({ bytes: new Uint8Array(MAX_IMPORT_BYTES + 1), fileName: "大文件.docx" }));
    expect(result.code).toBe("TOO_LARGE");
    expect(result.message).toContain("20 MB");
    expect((await codeOf(importReport({ bytes: docx, fileName: "a.docx", maxBytes: 1000 }))).code).toBe("TOO_LARGE");
  });

  it("rejects empty pasted text", () => {
    expect(() => importText("   ")).toThrow(ImportError);
  });
});

/** Overwrites the middle of the file so the deflate stream of document.xml breaks. */
function corruptMiddle(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  for (let index = 200; index < copy.length - 2000; index += 1) copy[index] = (index * 31) % 256;
  return copy;
}
