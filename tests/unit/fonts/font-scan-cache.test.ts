/** The font scan is kept between processes, keyed by each file's size and modification time. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf";
let directory = "";
let cachePath = "";

/** A fresh module instance, as a new process would load it. */
async function freshScanner() {
  vi.resetModules();
  return import("@/lib/fonts/scan-font-directory");
}

beforeEach(() => {
  directory = mkdtempSync(path.join(os.tmpdir(), "nianbao-fonts-"));
  cachePath = path.join(directory, "cache", "font-scan.json");
  vi.stubEnv("NIANBAO_FONT_SCAN_CACHE", cachePath);
  copyFileSync(FONT, path.join(directory, "serif.ttf"));
  writeFileSync(path.join(directory, "broken.ttf"), "not a font");
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(directory, { recursive: true, force: true });
});

describe("font scan cache", () => {
  it("stores the parsed faces and reuses them in the next process until the file changes", async () => {
    const first = (await freshScanner()).scanFontDirectory(directory);
    expect(first.map((file) => path.basename(file.path))).toEqual(["serif.ttf"]);
    expect(first[0]!.faces[0]!.names).toContain("Liberation Serif");

    // Mark the stored entry so a read from the cache can be told from a fresh parse.
    const stored = JSON.parse(readFileSync(cachePath, "utf8")) as { files: Record<string, { faces: Array<{ names: string[] }> | null }> };
    const fontPath = path.join(directory, "serif.ttf");
    stored.files[fontPath]!.faces![0]!.names.push("来自缓存");
    expect(stored.files[path.join(directory, "broken.ttf")]!.faces).toBeNull();
    writeFileSync(cachePath, JSON.stringify(stored));

    const second = (await freshScanner()).scanFontDirectory(directory);
    expect(second[0]!.faces[0]!.names).toContain("来自缓存");
    expect(second[0]!.faces[0]!.coverage).toBeInstanceOf(Uint32Array);
    expect(second[0]!.faces[0]!.coverage).toEqual(first[0]!.faces[0]!.coverage);

    // A changed file (new modification time) is parsed again.
    utimesSync(fontPath, new Date(), new Date(Date.now() + 5000));
    const third = (await freshScanner()).scanFontDirectory(directory);
    expect(third[0]!.faces[0]!.names).not.toContain("来自缓存");
  });

  it("works without a writable cache and ignores a corrupt one", async () => {
    writeFileSync(path.join(directory, "cache"), "a file where the folder should be");
    expect((await freshScanner()).scanFontDirectory(directory)).toHaveLength(1);
    rmSync(path.join(directory, "cache"));
    vi.stubEnv("NIANBAO_FONT_SCAN_CACHE", path.join(directory, "corrupt.json"));
    writeFileSync(path.join(directory, "corrupt.json"), "{not json");
    expect((await freshScanner()).scanFontDirectory(directory)[0]!.faces[0]!.names).toContain("Liberation Serif");
  });
});
