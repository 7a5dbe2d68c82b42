import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { ImportError } from "@/lib/import";
import { openCheckedDocxZip } from "@/lib/import/inspect-zip";
import { readDocx } from "@/lib/import/read-docx";

import { buildZip, manyParagraphsDocx, mediaBombDocx } from "../../reliability/helpers/abuse-files";

import { buildFixtureDocx } from "./docx-fixture";

function refusalOf(run: () => unknown): ImportError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ImportError);
  return caught as ImportError;
}

describe("[IMPORT] one inflation per DOCX part", () => {
  it("keeps every XML part exactly as inflated, and inflates a media entry only when asked", async () => {
    const docx = await buildFixtureDocx(20);
    const reference = unzipSync(docx);
    const zip = openCheckedDocxZip(docx);
    for (const [name, data] of Object.entries(reference)) {
      if (name.endsWith("/")) continue;
      expect(zip.has(name), name).toBe(true);
      expect(Buffer.from(zip.read(name)).equals(Buffer.from(data)), name).toBe(true);
    }
    // The same buffer on every read of a kept part: the readers share the one inflated copy.
    expect(zip.read("word/document.xml")).toBe(zip.read("word/document.xml"));
    expect(zip.has("word/nothing.xml")).toBe(false);
    expect(refusalOf(() => zip.read("word/nothing.xml")).code).toBe("CORRUPT");

    const image = new Uint8Array(4096).fill(7);
    const withMedia = buildZip([...Object.entries(reference).map(([name, data]) => ({ name, data })), { name: "word/media/image1.png", data: image }]);
    const opened = openCheckedDocxZip(withMedia);
    expect(opened.read("word/media/image1.png")).not.toBe(opened.read("word/media/image1.png"));
    expect(Buffer.from(opened.read("word/media/image1.png")).equals(Buffer.from(image))).toBe(true);
  });

  it("still refuses bombs in any entry and documents with too many elements, before keeping anything", () => {
    expect(refusalOf(() => openCheckedDocxZip(mediaBombDocx(100))).code).toBe("ZIP_BOMB");
    expect(refusalOf(() => openCheckedDocxZip(manyParagraphsDocx(300_000))).message).toContain("文档结构过于复杂");
  });

  it("mammoth reads the document from the kept parts (its text comes through the importer)", async () => {
    const blocks = await readDocx(await buildFixtureDocx(3));
    expect(blocks.map((block) => block.text).join("\n")).toMatch(/法治政府建设/);
  });
});
