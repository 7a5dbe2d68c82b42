import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { findMissingGlyphs, formatMissingGlyphs, resolveFonts, SUBSTITUTE_FONTS } from "@/lib/fonts";
import { coversCodePoint } from "@/lib/fonts/parse-cmap";
import { parseSfnt, typstFamilyName } from "@/lib/fonts/parse-sfnt";

import { buildTestFont } from "./build-test-font";

const ENGLISH = 0x0409;
const CHINESE = 0x0804;
const COMMON = [..."关于年度法治政府建设情况的报告一二三四五、，。：（）0123456789"].map((char) => char.codePointAt(0)!);

function fontDirectory(files: Record<string, Parameters<typeof buildTestFont>[0]>): string {
  const directory = mkdtempSync(path.join(tmpdir(), "nianbao-fonts-"));
  for (const [name, font] of Object.entries(files)) writeFileSync(path.join(directory, name), buildTestFont(font));
  return directory;
}

const emptyDirectory = () => mkdtempSync(path.join(tmpdir(), "nianbao-empty-"));

describe("typstFamilyName: the family Typst registers a face under", () => {
  it.each([
    ["FandolFang R", "FandolFang R"],
    ["Noto Serif CJK SC Bold", "Noto Serif CJK SC"],
    ["Liberation Serif", "Liberation Serif"],
    ["Source Han Sans SC ExtraBold", "Source Han Sans SC"],
    ["Roboto-BoldItalic", "Roboto"],
    ["FangSong_GB2312", "FangSong_GB2312"],
    ["方正小标宋简体", "方正小标宋简体"],
    ["Times New Roman", "Times New Roman"],
  ])("%s → %s", (family, expected) => {
    expect(typstFamilyName(family)).toBe(expected);
  });
});

describe("parseSfnt", () => {
  it("reads the family record Typst uses (1, not 16), every name and the cmap coverage", () => {
    const [face] = parseSfnt(
      buildTestFont({
        names: [
          [1, ENGLISH, "FangSong_GB2312"],
          [1, CHINESE, "仿宋_GB2312"],
          [16, ENGLISH, "FangSong"],
        ],
        codePoints: COMMON,
        weight: 400,
      }),
    );
    expect(face?.typstFamily).toBe("FangSong_GB2312");
    expect(face?.names).toEqual(expect.arrayContaining(["FangSong_GB2312", "仿宋_GB2312", "FangSong"]));
    expect(coversCodePoint(face!.coverage, "报".codePointAt(0)!)).toBe(true);
    expect(coversCodePoint(face!.coverage, "鑫".codePointAt(0)!)).toBe(false);
  });

  it("rejects a file that is not a font", () => {
    expect(() => parseSfnt(new TextEncoder().encode("这不是字体文件，只是一段文字而已。"))).toThrow();
  });
});

describe("resolveFonts", () => {
  it("uses the agency's fonts by their names inside the files, in either language", () => {
    const agency = fontDirectory({
      "simfang.ttf": {
        names: [
          [1, ENGLISH, "FangSong"],
          [1, CHINESE, "仿宋"],
        ],
        codePoints: COMMON,
      },
      "FZXBSJW.TTF": {
        names: [
          [1, ENGLISH, "FZXiaoBiaoSong-B05S"],
          [1, CHINESE, "方正小标宋简体"],
        ],
        codePoints: COMMON,
      },
      "times.ttf": { names: [[1, ENGLISH, "Times New Roman"]], codePoints: [0x41, 0x61, 0x31] },
    });
    const resolution = resolveFonts({ profile: "gb2312", agencyDirectory: agency, substituteDirectory: emptyDirectory() });
    expect(resolution.fonts.body).toMatchObject({ family: "FangSong", isSubstitute: false });
    expect(resolution.fonts.title).toMatchObject({ family: "FZXiaoBiaoSong-B05S", isSubstitute: false });
    expect(resolution.fonts.latin).toMatchObject({ family: "Times New Roman", isSubstitute: false });
    expect(resolution.missingRoles).toEqual(["heading1", "heading2", "pageNumber"]);
  });

  it("prefers the profile's exact font (仿宋_GB2312) over another 仿宋 and keeps 宋体 apart from 仿宋", () => {
    const agency = fontDirectory({
      "a-simfang.ttf": {
        names: [
          [1, ENGLISH, "FangSong"],
          [1, CHINESE, "仿宋"],
        ],
        codePoints: COMMON,
      },
      "b-fs_gb2312.ttf": {
        names: [
          [1, ENGLISH, "FangSong_GB2312"],
          [1, CHINESE, "仿宋_GB2312"],
        ],
        codePoints: COMMON,
      },
      "c-fangsongti.ttf": { names: [[1, CHINESE, "仿宋体"]], codePoints: COMMON },
    });
    const gb2312 = resolveFonts({ profile: "gb2312", agencyDirectory: agency, substituteDirectory: emptyDirectory() });
    expect(gb2312.fonts.body?.family).toBe("FangSong_GB2312");
    expect(gb2312.fonts.pageNumber).toBeUndefined();
    const windows = resolveFonts({ profile: "windows", agencyDirectory: agency, substituteDirectory: emptyDirectory() });
    expect(windows.fonts.body?.family).toBe("FangSong");
  });

  it("accepts the file-name convention <role>.ttf for a font with any name", () => {
    const agency = fontDirectory({ "heading2.ttf": { names: [[1, ENGLISH, "Agency Kai Special"]], codePoints: COMMON } });
    const resolution = resolveFonts({ profile: "gb2312", agencyDirectory: agency, substituteDirectory: emptyDirectory() });
    expect(resolution.fonts.heading2).toMatchObject({ family: "Agency Kai Special", isSubstitute: false, requested: "楷体_GB2312" });
  });

  it("falls back to the open substitute and reports requested → used", () => {
    const substitutes = fontDirectory({
      [SUBSTITUTE_FONTS.body.file]: {
        names: [
          [1, ENGLISH, "FandolFang R"],
          [16, ENGLISH, "FandolFang"],
        ],
        codePoints: COMMON,
      },
    });
    mkdirSync(path.join(substitutes, "unused"));
    const resolution = resolveFonts({ profile: "gb2312", agencyDirectory: path.join(substitutes, "missing"), substituteDirectory: substitutes });
    expect(resolution.fonts.body).toMatchObject({ family: "FandolFang R", isSubstitute: true });
    expect(resolution.substitutions).toEqual([{ role: "body", requested: "仿宋_GB2312", used: "FandolFang R" }]);
    expect(resolution.missingRoles).toContain("title");
  });
});

describe("findMissingGlyphs", () => {
  it("names the characters the role's font lacks, and those no loaded font has", () => {
    const agency = fontDirectory({
      "fs.ttf": { names: [[1, CHINESE, "仿宋_GB2312"]], codePoints: COMMON },
      "ht.ttf": { names: [[1, CHINESE, "黑体"]], codePoints: [...COMMON, "堃".codePointAt(0)!] },
    });
    const resolution = resolveFonts({ profile: "gb2312", agencyDirectory: agency, substituteDirectory: emptyDirectory() });
    const missing = findMissingGlyphs({ body: "关于堃的报告，𠀾年度", heading1: "一、关于" }, resolution);
    expect(missing).toEqual([{ role: "body", family: "仿宋_GB2312", characters: ["堃", "𠀾"], uncoveredEverywhere: ["𠀾"] }]);
    const message = formatMissingGlyphs(missing[0]!);
    expect(message).toContain("堃𠀾");
    expect(message).toContain("空框");
  });
});
