import { describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";

import { FULL_FIXTURE, loadFixture, unzipDocx } from "./helpers/docx-xml";

/** The <w:font> elements of word/fontTable.xml by name. */
function fontEntries(xml: string): Map<string, string> {
  return new Map([...xml.matchAll(/<w:font w:name="([^"]+)">(.*?)<\/w:font>/gs)].map((match) => [match[1]!, match[2]!]));
}

function fontNamesUsed(parts: Record<string, string>): Set<string> {
  const names = new Set<string>();
  for (const [name, xml] of Object.entries(parts)) {
    if (!/^word\/(document|styles|footer\d*|header\d*)\.xml$/.test(name)) continue;
    for (const fonts of xml.matchAll(/<w:rFonts ([^>]*)\/>/g)) {
      for (const match of fonts[1]!.matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g)) names.add(match[1]!);
    }
  }
  return names;
}

describe("DOCX font table", () => {
  it.each(["gb2312", "windows"] as const)("names every font the %s document uses, with altName, charset, family, pitch and panose", async (fontProfile) => {
    const parts = unzipDocx(await exportReportDocx(loadFixture(FULL_FIXTURE), { fontProfile, isDraft: true }));
    const entries = fontEntries(parts["word/fontTable.xml"]!);
    const used = fontNamesUsed(parts);
    expect(used.size).toBeGreaterThanOrEqual(5);
    for (const name of used) {
      const entry = entries.get(name);
      expect(entry, `fontTable 缺少 ${name}`).toBeDefined();
      expect(entry).toMatch(/<w:altName w:val="[^"]+"\/>/);
      expect(entry).toMatch(/<w:panose1 w:val="[0-9A-F]{20}"\/>/);
      expect(entry).toMatch(/<w:charset w:val="(86|00)"\/>/);
      expect(entry).toMatch(/<w:family w:val="(roman|swiss|modern|script)"\/>/);
      expect(entry).toMatch(/<w:pitch w:val="(fixed|variable)"\/>/);
    }
  });

  it("keeps the roles apart for a substituting engine: 黑体 sans, 仿宋 serif, Chinese charset, Times New Roman ANSI", async () => {
    const parts = unzipDocx(await exportReportDocx(loadFixture(FULL_FIXTURE)));
    const entries = fontEntries(parts["word/fontTable.xml"]!);
    expect(entries.get("黑体")).toContain('<w:family w:val="swiss"/>');
    expect(entries.get("仿宋_GB2312")).toContain('<w:family w:val="roman"/>');
    expect(entries.get("仿宋_GB2312")).toContain('<w:altName w:val="FangSong_GB2312"/>');
    expect(entries.get("楷体_GB2312")).toContain('<w:altName w:val="KaiTi_GB2312"/>');
    expect(entries.get("方正小标宋简体")).toContain('<w:charset w:val="86"/>');
    expect(entries.get("Times New Roman")).toContain('<w:charset w:val="00"/>');
    // The package stays a valid DOCX: the content types come first and every other part is still there.
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/settings.xml"]));
  });
});
