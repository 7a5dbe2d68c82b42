import { existsSync } from "node:fs";
import path from "node:path";

import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { charactersByFont, obfuscateFont } from "@/lib/export/docx/font-embed";
import { withFontTable } from "@/lib/export/docx/font-table";
import { ROLE_FONTS } from "@/lib/export/docx/fonts";
import { SUBSTITUTE_FONTS } from "@/lib/fonts";
import { coversCodePoint } from "@/lib/fonts/parse-cmap";
import { parseSfnt } from "@/lib/fonts/parse-sfnt";

import { FULL_FIXTURE, loadFixture, unzipDocx } from "./helpers/docx-xml";

const SUBSTITUTES = path.resolve(".cache", "fonts");
const hasSubstitutes = Object.values(SUBSTITUTE_FONTS).every((font) => existsSync(path.join(SUBSTITUTES, font.file)));
if (!hasSubstitutes && process.env.CI === "true") throw new Error("CI 环境缺少 setup-fonts 准备的替代字体（.cache/fonts）");

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const STYLES =
  `<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/></w:rPr></w:rPrDefault></w:docDefaults>` +
  `<w:style w:type="paragraph" w:styleId="Base"><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Child"><w:basedOn w:val="Base"/></w:style></w:styles>`;

describe("characters per embedded font", () => {
  it("takes a run's own East Asian font, else its paragraph style's (through basedOn), else the document default", () => {
    const document =
      `<w:document ${W}><w:body>` +
      `<w:p><w:r><w:t>正文&amp;</w:t></w:r><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="楷体_GB2312"/><w:b/></w:rPr><w:t xml:space="preserve">（一）</w:t></w:r></w:p>` +
      `<w:p><w:pPr><w:pStyle w:val="Child"/></w:pPr><w:r><w:t>标题</w:t></w:r><w:del w:id="1"><w:r><w:delText>删</w:delText></w:r></w:del></w:p>` +
      `</w:body></w:document>`;
    const footer = `<w:ftr ${W}><w:p><w:r><w:rPr><w:rFonts w:eastAsia="宋体"/></w:rPr><w:t>— </w:t></w:r><w:r><w:rPr><w:rFonts w:eastAsia="宋体"/></w:rPr><w:instrText>PAGE</w:instrText></w:r></w:p></w:ftr>`;
    const characters = charactersByFont({ "word/styles.xml": STYLES, "word/document.xml": document, "word/footer1.xml": footer });
    const text = (font: string) => String.fromCodePoint(...[...(characters.get(font) ?? [])].sort((a, b) => a - b));
    expect(text("仿宋_GB2312")).toBe([..."正文&"].sort().join(""));
    expect(text("楷体_GB2312")).toBe([..."（一）"].sort().join(""));
    expect(text("黑体")).toBe([..."标题删"].sort().join(""));
    // The page field's digits are not in the XML; the page number font gets all ten.
    expect(text("宋体")).toBe([..."— 0123456789"].sort().join(""));
  });

  it("obfuscates as ECMA-376 17.8.1 (and LibreOffice) read it: the first 32 bytes XOR the GUID's bytes from its end", () => {
    const font = new Uint8Array(40).map((_, index) => index);
    const key = "{62E79491-959F-41E9-B76B-6B32631DEA5C}";
    const obfuscated = obfuscateFont(font, key);
    const keyBytes = [0x5c, 0xea, 0x1d, 0x63, 0x32, 0x6b, 0x6b, 0xb7, 0xe9, 0x41, 0x9f, 0x95, 0x91, 0x94, 0xe7, 0x62];
    for (let index = 0; index < 32; index++) expect(obfuscated[index]).toBe(index ^ keyBytes[index % 16]!);
    expect([...obfuscated.slice(32)]).toEqual([...font.slice(32)]);
    expect([...obfuscateFont(obfuscated, key)]).toEqual([...font]);
  });
});

describe.skipIf(!hasSubstitutes)("DOCX embedded stand-in faces", () => {
  it("embeds, for each role's font, a subset of its open substitute covering every character set in it", async () => {
    const docx = await exportReportDocx(loadFixture(FULL_FIXTURE), { fontProfile: "gb2312", isDraft: true });
    const parts = unzipDocx(docx);
    const files = unzipSync(docx);
    const fontTable = parts["word/fontTable.xml"]!;
    const relationships = new Map(
      [...parts["word/_rels/fontTable.xml.rels"]!.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((match) => [match[1]!, match[2]!]),
    );
    const characters = charactersByFont(parts);
    const embeds = [
      ...fontTable.matchAll(
        /<w:font w:name="([^"]+)">(?:(?!<\/w:font>).)*<w:embedRegular r:id="([^"]+)" w:fontKey="(\{[0-9A-F-]{36}\})" w:subsetted="1"\/><\/w:font>/gs,
      ),
    ];
    expect(embeds.map((match) => match[1]).sort()).toEqual(Object.values({ ...ROLE_FONTS.gb2312 }).sort());
    expect(parts["[Content_Types].xml"]).toMatch(
      /<Default (?=[^>]*Extension="odttf")(?=[^>]*ContentType="application\/vnd\.openxmlformats-officedocument\.obfuscatedFont")[^>]*\/>/,
    );
    for (const [, name, id, key] of embeds) {
      const target = relationships.get(id!);
      expect(target, `${name} 的关系 ${id}`).toMatch(/^fonts\/font\d\.odttf$/);
      const stored = files[`word/${target}`]!;
      // Obfuscated: the stored part does not start like a font file; undone with its key it parses as one.
      expect(strFromU8(stored.slice(0, 4))).not.toMatch(/^(OTTO|\0\x01\0\0|true)$/);
      const [face] = parseSfnt(obfuscateFont(stored, key!));
      const missing = [...characters.get(name!)!].filter((codePoint) => codePoint > 0x7f && !coversCodePoint(face!.coverage, codePoint));
      expect(missing.map((codePoint) => String.fromCodePoint(codePoint)).join(""), `${name} 的子集缺字`).toBe("");
    }
  });

  it("embeds the same fonts for the same report, and nothing when told not to or when setup-fonts has not run", async () => {
    const report = loadFixture(FULL_FIXTURE);
    const first = await exportReportDocx(report, { isDraft: false });
    const fontParts = (docx: Uint8Array) => Object.entries(unzipSync(docx)).filter(([name]) => name.startsWith("word/fonts/") || name === "word/fontTable.xml");
    const firstFonts = fontParts(first);
    expect(firstFonts.length).toBeGreaterThan(1);
    // The core properties carry the export time; the fonts and their keys do not change.
    expect(fontParts(await exportReportDocx(report, { isDraft: false }))).toEqual(firstFonts);
    for (const substituteDirectory of [null, path.join(SUBSTITUTES, "does-not-exist")]) {
      const again = withFontTable(first, ROLE_FONTS.gb2312, { substituteDirectory });
      expect(unzipDocx(again)["word/fontTable.xml"]).not.toContain("w:embedRegular");
      expect(Object.keys(unzipSync(again)).filter((name) => name.startsWith("word/fonts/"))).toEqual([]);
    }
  });
});
