/** An unreadable licensed font is named, never dropped without a word. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { resolveFonts } from "@/lib/fonts";
import { scanFontDirectoryReport } from "@/lib/fonts/scan-font-directory";

import { buildTestFont } from "../export/pdf/build-test-font";

const ENGLISH = 0x0409;
let directory = "";

beforeEach(() => {
  directory = mkdtempSync(path.join(os.tmpdir(), "nianbao-unreadable-"));
  vi.stubEnv("NIANBAO_FONT_SCAN_CACHE", path.join(directory, "scan-cache.json"));
  mkdirSync(path.join(directory, "agency", "licensed"), { recursive: true });
  writeFileSync(path.join(directory, "agency", "body.ttf"), buildTestFont({ names: [[1, ENGLISH, "Test Fang"]], codePoints: [0x6cd5] }));
  // A licensed font copied half-way (truncated): not a font any more.
  writeFileSync(path.join(directory, "agency", "licensed", "仿宋_GB2312.ttf"), "truncated");
  mkdirSync(path.join(directory, "agency", "folder.ttf"));
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(directory, { recursive: true, force: true });
});

describe("[FONTS]: unreadable font files", () => {
  it("the scan lists the unreadable file beside the readable ones (a folder named .ttf is not a font file)", () => {
    const scan = scanFontDirectoryReport(path.join(directory, "agency"));
    expect(scan.files.map((file) => path.basename(file.path))).toEqual(["body.ttf"]);
    expect(scan.unreadable).toEqual([path.join(directory, "agency", "licensed", "仿宋_GB2312.ttf")]);
  });

  it("the resolution carries the unreadable file, also when the scan comes from the cache", () => {
    const options = { profile: "gb2312" as const, agencyDirectory: path.join(directory, "agency"), substituteDirectory: path.join(directory, "none") };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(resolveFonts(options).unreadableFiles).toEqual([path.join(directory, "agency", "licensed", "仿宋_GB2312.ttf")]);
    }
  });
});
