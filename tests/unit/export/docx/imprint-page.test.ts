import { describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import type { ImprintPlacement } from "@/lib/export/layout";
import { placementFromPages } from "@/lib/export/pdf";
import { formatChineseDate } from "@/lib/report-model";

import { EXPORT_FIXTURES, loadExportFixture } from "../helpers/side-by-side";
import { unzipDocx } from "./helpers/docx-xml";

// GB/T 9704 7.4/7.5: the 版记 stands on an even page; when it does not share the body's last page it opens a section
// of its own whose footers print no page number (the blank page before it too). LibreOffice and the PDF are checked
// in tests/integration/libreoffice-frame.test.ts.

const county = loadExportFixture(EXPORT_FIXTURES.county);

async function documentOf(imprintPlacement?: ImprintPlacement) {
  const parts = unzipDocx(await exportReportDocx(county, { isDraft: false, ...(imprintPlacement ? { imprintPlacement } : {}) }));
  const xml = parts["word/document.xml"]!;
  const sections = [...xml.matchAll(/<w:sectPr>.*?<\/w:sectPr>/g)].map((match) => match[0]);
  const footerText = (section: string) =>
    [...section.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map(([, type, id]) => {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(parts["word/_rels/document.xml.rels"]!)?.[1];
      return [type, parts[`word/${target}`]!.includes("PAGE") ? "number" : "empty"];
    });
  return { xml, sections, footerText };
}

describe("[EXPORT] the DOCX 版记 page (GB/T 9704 7.4, 7.5)", () => {
  it("keeps one numbered section when the 版记 shares the body's last (even) page", async () => {
    const { sections, footerText } = await documentOf("samePage");
    expect(sections).toHaveLength(1);
    expect(footerText(sections[0]!)).toEqual([
      ["default", "number"],
      ["even", "number"],
    ]);
    expect((await documentOf()).sections).toHaveLength(1);
  });

  it("starts the 版记 on the next page in a section without page numbers", async () => {
    const { xml, sections, footerText } = await documentOf("nextPage");
    expect(sections).toHaveLength(2);
    expect(footerText(sections[0]!)).toEqual([
      ["default", "number"],
      ["even", "number"],
    ]);
    expect(sections[1]).toContain('<w:type w:val="nextPage"/>');
    expect(footerText(sections[1]!)).toEqual([
      ["default", "empty"],
      ["even", "empty"],
    ]);
    // The body's section ends with the date; the 版记 table comes after it, in the second section, after an empty line.
    const firstEnd = xml.indexOf(sections[0]!);
    const lastParagraph = xml.slice(xml.lastIndexOf("<w:p>", firstEnd), xml.indexOf("</w:p>", firstEnd));
    expect(lastParagraph).toContain(formatChineseDate(county.meta.date));
    expect(xml.indexOf("抄送：")).toBeGreaterThan(firstEnd);
    expect(xml.slice(firstEnd).includes("w:pageBreakBefore")).toBe(false);
  });

  it("puts a blank page before the 版记 page when the body ends on an even page", async () => {
    const { xml, sections } = await documentOf("afterBlankPage");
    expect(sections).toHaveLength(2);
    const imprintSection = xml.slice(xml.indexOf(sections[0]!) + sections[0]!.length);
    expect(imprintSection.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
    expect(imprintSection.indexOf("<w:pageBreakBefore/>")).toBeLessThan(imprintSection.indexOf("抄送："));
  });

  it("reads the placement from the pages the PDF layout records", () => {
    expect(placementFromPages({ body: 2, imprint: 2 })).toBe("samePage");
    expect(placementFromPages({ body: 5, imprint: 6 })).toBe("nextPage");
    expect(placementFromPages({ body: 4, imprint: 6 })).toBe("afterBlankPage");
  });
});
