import { beforeAll, describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { docParagraphs, headingPrefix, textToDoc } from "@/lib/report-model";

import { FULL_FIXTURE, loadFixture, paragraphsOf, styleXml, unzipDocx } from "./helpers/docx-xml";

const report = loadFixture(FULL_FIXTURE);
let parts: Record<string, string>;
let documentXml: string;

beforeAll(async () => {
  parts = unzipDocx(await exportReportDocx(report, { isDraft: true, shouldPrintIndicatorTables: true }));
  documentXml = parts["word/document.xml"]!;
});

describe("exportReportDocx page setup", () => {
  it("uses A4 with the GB/T 9704 margins (37/28/26/35 mm) and puts the page number 7 mm under the 版心", () => {
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    const margins = /<w:pgMar ([^>]*)\/>/.exec(documentXml)?.[1] ?? "";
    expect(margins).toMatch(/w:top="2098"/);
    expect(margins).toMatch(/w:left="1587"/);
    expect(margins).toMatch(/w:right="1474"/);
    expect(margins).toMatch(/w:bottom="1984"/);
    // 35 mm − (7 mm − the dash's 2.4 mm ink drop) − one 14 pt line = 25.46 mm
    expect(margins).toMatch(/w:footer="1443"/);
  });

  it("declares a 22-line grid of 28.95 pt without the character grid LibreOffice misreads", () => {
    expect(documentXml).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    expect(documentXml).not.toContain("linesAndChars");
  });

  it("numbers odd pages right and even pages left with — PAGE — in 4号 宋体", () => {
    expect(parts["word/settings.xml"]).toContain("<w:evenAndOddHeaders/>");
    const footerIds = Object.fromEntries([...documentXml.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((match) => [match[1], match[2]]));
    expect(Object.keys(footerIds).sort()).toEqual(["default", "even"]);
    const rels = parts["word/_rels/document.xml.rels"]!;
    const footerXml = (id: string) =>
      parts[`word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1]}`]!;
    const odd = footerXml(footerIds.default!);
    const even = footerXml(footerIds.even!);
    for (const footer of [odd, even]) {
      expect(footer).toMatch(
        /<w:t xml:space="preserve">— <\/w:t>.*<w:instrText xml:space="preserve">PAGE<\/w:instrText>.*<w:t xml:space="preserve"> —<\/w:t>/s,
      );
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('w:hint="eastAsia"');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(odd).toContain('<w:ind w:right="280"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
    expect(even).toContain('<w:ind w:left="280"/>');
    expect(styleXml(parts["word/styles.xml"]!, "NbFooter")).toContain('<w:sz w:val="28"/>');
  });

  it("centres the page number on every page when asked", async () => {
    const centred = unzipDocx(await exportReportDocx(report, { pageNumberPosition: "center" }));
    expect(centred["word/settings.xml"]).not.toMatch(/<w:evenAndOddHeaders\/>|<w:evenAndOddHeaders w:val="(true|1)"/);
    expect([...centred["word/document.xml"]!.matchAll(/<w:footerReference/g)]).toHaveLength(1);
    expect(centred["word/footer1.xml"]).toContain('<w:jc w:val="center"/>');
  });
});

describe("exportReportDocx styles", () => {
  it.each([
    ["NbTitle", "方正小标宋简体", 44],
    ["NbBody", "仿宋_GB2312", 32],
    ["NbHeading1", "黑体", 32],
    ["NbHeading2", "楷体_GB2312", 32],
    ["NbTableText", "仿宋_GB2312", 28],
    ["NbFooter", "宋体", 28],
  ])("%s uses %s at %i half-points with Times New Roman for Latin", (id, eastAsia, size) => {
    const styles = parts["word/styles.xml"]!;
    const xml = styleXml(styles, id);
    const own = new RegExp(`w:eastAsia="${eastAsia}"`).test(xml);
    const inherited = /<w:basedOn w:val="(\w+)"/.exec(xml)?.[1];
    expect(own || (inherited !== undefined && styleXml(styles, inherited).includes(`w:eastAsia="${eastAsia}"`))).toBe(true);
    if (own) expect(xml).toContain('w:ascii="Times New Roman"');
    const ownSize = /<w:sz w:val="(\d+)"\/>/.exec(xml)?.[1];
    expect(Number(ownSize ?? /<w:sz w:val="(\d+)"\/>/.exec(styleXml(styles, inherited ?? id))?.[1])).toBe(size);
  });

  it("sets zh-CN, exact 28.95 pt lines, two-character indent and −0.25 pt tracking on body text", () => {
    const styles = parts["word/styles.xml"]!;
    expect(styles).toMatch(/<w:docDefaults>.*w:eastAsia="zh-CN".*<\/w:docDefaults>/s);
    const body = styleXml(styles, "NbBody");
    expect(body).toContain('w:line="579"');
    expect(body).toContain('w:lineRule="exact"');
    expect(body).toContain('<w:ind w:firstLine="630"/>');
    expect(body).toContain('<w:spacing w:val="-5"/>');
    expect(body).toContain('<w:jc w:val="both"/>');
  });

  it("gives headings Word outline levels so the navigation pane lists them", () => {
    const styles = parts["word/styles.xml"]!;
    ["NbHeading1", "NbHeading2", "NbHeading3", "NbHeading4"].forEach((id, level) => {
      expect(styleXml(styles, id)).toContain(`<w:outlineLvl w:val="${level}"/>`);
    });
    expect(styleXml(styles, "NbHeading2")).not.toContain("<w:b/>");
  });

  it("gives run-in headings outline levels too, and always sets a run-in （二） heading bold (以加粗段首标题连排)", () => {
    const paragraphs = paragraphsOf(documentXml);
    const runIn = paragraphs.find((paragraph) => paragraph.text.startsWith("（二）深化“放管服”改革。"))!;
    expect(runIn.xml).toContain('<w:outlineLvl w:val="1"/>');
    const firstRun = /<w:r>(.*?)<\/w:r>/s.exec(runIn.xml)![1]!;
    expect(firstRun).toContain("<w:b/>");
    expect(firstRun).toContain('w:eastAsia="楷体_GB2312"');
    const numbered = paragraphs.find((paragraph) => paragraph.text.startsWith("1.健全议事协调机制。"))!;
    expect(numbered.xml).toContain('<w:outlineLvl w:val="2"/>');
    const plain = paragraphs.find((paragraph) => paragraph.style === "NbBody" && paragraph.text.startsWith("2024年，望川区"))!;
    expect(plain.xml).not.toContain("w:outlineLvl");
  });

  it("prints the red 版头 of a 上行文: red mark, 文号 left with 签发人 right, red separator; and the 印发 line", async () => {
    const xml = unzipDocx(
      await exportReportDocx(report, {
        isDraft: false,
        frame: { agencyMark: "明江市望川区人民政府文件", signer: "王强", imprintAgency: "望川区人民政府办公室" },
      }),
    )["word/document.xml"]!;
    const paragraphs = paragraphsOf(xml);
    const mark = paragraphs.find((paragraph) => paragraph.text === "明江市望川区人民政府文件")!;
    expect(mark.xml).toContain('<w:color w:val="FF0000"/>');
    const number = paragraphs.find((paragraph) => paragraph.text.startsWith("望政〔2025〕6号"))!;
    expect(number.text).toBe("望政〔2025〕6号签发人：王强");
    expect(number.xml).toMatch(/<w:tab w:val="right" w:pos="\d+"\/>/);
    expect(number.xml).toContain("<w:tab/>");
    expect(number.xml).toMatch(/w:eastAsia="楷体_GB2312"[^>]*\/>.*?<w:t[^>]*>王强<\/w:t>/s);
    expect(xml).toMatch(/<w:top w:val="single" w:color="FF0000" w:sz="12"/);
    expect(paragraphs.some((paragraph) => paragraph.text === "望川区人民政府办公室2025年3月8日印发")).toBe(true);
  });

  it("sets table rows a whole number of grid steps high, table text off the grid, so the text after a table stays on it", () => {
    expect(styleXml(parts["word/styles.xml"]!, "NbTableText")).toMatch(/<w:pPr><w:snapToGrid w:val="0"\/><w:spacing w:line="564" w:lineRule="exact"\/>/);
    // Body tables only: the 版记 is a floating table with rows of its own height.
    const bodyTables = documentXml
      .split("<w:tbl>")
      .filter((part) => !part.includes("<w:tblpPr"))
      .join("<w:tbl>");
    expect(bodyTables.length).toBeLessThan(documentXml.length);
    const heights = [...bodyTables.matchAll(/<w:trHeight w:val="(\d+)" w:hRule="atLeast"\/>/g)].map((match) => Number(match[1]));
    expect(heights.length).toBeGreaterThan(5);
    // n grid steps (579 twips) less the 0.75 pt border LibreOffice adds to each row.
    for (const height of heights) expect((height + 15) % 579).toBe(0);
    // A table's first row also carries the top rule: one border less, exactly, when its text has room to spare.
    const firstRows = [...bodyTables.matchAll(/<w:trHeight w:val="(\d+)" w:hRule="exact"\/>/g)].map((match) => Number(match[1]));
    expect(firstRows.length).toBeGreaterThan(1);
    for (const height of firstRows) expect((height + 30) % 579).toBe(0);
    expect(firstRows.some((height) => height === 2 * 579 - 30)).toBe(true);
  });

  it("leaves an empty optional part out of the final document but keeps it in the draft", async () => {
    const withEmptyOther = structuredClone(report);
    const other = withEmptyOther.sections.find((section) => section.kind === "other")!;
    other.lead = "";
    other.items = [{ ...other.items[0]!, heading: "", body: { type: "doc", content: [{ type: "paragraph" }] } }];
    const final = paragraphsOf(unzipDocx(await exportReportDocx(withEmptyOther, { isDraft: false }))["word/document.xml"]!);
    const draft = paragraphsOf(unzipDocx(await exportReportDocx(withEmptyOther, { isDraft: true }))["word/document.xml"]!);
    expect(final.some((paragraph) => paragraph.text.includes(other.heading))).toBe(false);
    expect(draft.some((paragraph) => paragraph.text === `五、${other.heading}`)).toBe(true);
  });

  it("bolds 楷体 and numbered 仿宋 headings only when the template asks", async () => {
    const bold = unzipDocx(await exportReportDocx(report, { isHeadingBold: true }));
    expect(styleXml(bold["word/styles.xml"]!, "NbHeading2")).toContain("<w:b/>");
    expect(styleXml(bold["word/styles.xml"]!, "NbHeading1")).not.toContain("<w:b/>");
    const runIn = paragraphsOf(bold["word/document.xml"]!).find((paragraph) => paragraph.text.startsWith("1.健全议事协调机制"))!;
    const runs = [...runIn.xml.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((match) => match[1]!);
    expect(runs[0]).toContain("<w:b/>");
    expect(runs[0]).toContain(">1.健全议事协调机制。</w:t>");
    expect(runs[1]).not.toContain("<w:b/>");
  });

  it("switches to the Windows font names", async () => {
    const windows = unzipDocx(await exportReportDocx(report, { fontProfile: "windows" }));
    const styles = windows["word/styles.xml"]!;
    expect(styleXml(styles, "NbBody")).toContain('w:eastAsia="仿宋"');
    expect(styleXml(styles, "NbHeading2")).toContain('w:eastAsia="楷体"');
    expect(windows["word/document.xml"]).not.toMatch(/_GB2312/);
  });
});

describe("exportReportDocx content", () => {
  it("sets the East Asian font and zh-CN on every run, and the eastAsia hint on runs with Chinese quotes", () => {
    const runs = [...documentXml.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((match) => match[1]!).filter((run) => run.includes("<w:t"));
    expect(runs.length).toBeGreaterThan(100);
    for (const run of runs) {
      expect(run).toMatch(/<w:rFonts [^>]*w:eastAsia="[^"]+"/);
      expect(run).toContain('w:eastAsia="zh-CN"');
      if (/[“”‘’—…]/.test(run.replace(/<[^>]+>/g, ""))) expect(run).toContain('w:hint="eastAsia"');
    }
  });

  it("prints every paragraph of the report in order", () => {
    const printed = paragraphsOf(documentXml).map((paragraph) => paragraph.text);
    const expected: string[] = [report.meta.docNumber, report.meta.title, `${report.meta.mainRecipient}：`];
    report.sections.forEach((section, sectionIndex) => {
      expected.push(headingPrefix(1, sectionIndex + 1) + section.heading);
      if (section.lead) expected.push(section.lead);
      for (const item of section.items) {
        if (item.heading) expected.push(item.heading);
        for (const paragraph of docParagraphs(item.body)) expected.push(...paragraph.split("\t"));
      }
    });
    expected.push(report.meta.signature, "2025年3月8日", `抄送：${report.meta.copyTo}。`);
    let cursor = 0;
    for (const text of expected) {
      const found = printed.findIndex((paragraph, index) => index >= cursor && paragraph.replace(/\n/g, "").includes(text));
      expect(found, `“${text}” should follow paragraph ${cursor}`).toBeGreaterThanOrEqual(cursor);
      cursor = found;
    }
  });

  it("prints the 导语 as indented body paragraphs after 主送 and the 结束语 before the signature", async () => {
    const withOpening = {
      ...report,
      opening: textToDoc("2024年，望川区深入学习贯彻习近平法治思想。\n现将有关情况报告如下："),
      closing: "特此报告。",
    };
    const paragraphs = paragraphsOf(unzipDocx(await exportReportDocx(withOpening, { isDraft: false }))["word/document.xml"]!);
    const texts = paragraphs.map((paragraph) => paragraph.text);
    const recipient = texts.indexOf(`${report.meta.mainRecipient}：`);
    expect(texts.slice(recipient + 1, recipient + 4)).toEqual([
      "2024年，望川区深入学习贯彻习近平法治思想。",
      "现将有关情况报告如下：",
      `一、${report.sections[0]!.heading}`,
    ]);
    expect(paragraphs[recipient + 1]!.style).toBe("NbBody");
    const signature = texts.indexOf(report.meta.signature);
    expect(texts.slice(signature - 2, signature)).toEqual(["特此报告。", ""]);
    expect(paragraphs[signature - 2]!.style).toBe("NbBody");
  });

  it("numbers parts and items and refers every paragraph to a declared style", () => {
    const paragraphs = paragraphsOf(documentXml);
    expect(paragraphs.filter((paragraph) => paragraph.style === "NbHeading1").map((paragraph) => paragraph.text.slice(0, 2))).toEqual([
      "一、",
      "二、",
      "三、",
      "四、",
      "五、",
    ]);
    expect(paragraphs.filter((paragraph) => paragraph.style === "NbHeading2").map((paragraph) => paragraph.text.slice(0, 3))).toEqual([
      "（一）",
      "（三）",
      "（四）",
      "（二）",
    ]);
    const declared = new Set([...parts["word/styles.xml"]!.matchAll(/w:styleId="([^"]+)"/g)].map((match) => match[1]));
    for (const paragraph of paragraphs) expect(declared.has(paragraph.style), paragraph.text).toBe(true);
  });

  it("breaks the title into balanced lines inside one centred paragraph", () => {
    const title = paragraphsOf(documentXml).find((paragraph) => paragraph.style === "NbTitle")!;
    expect(title.text).toBe("明江市望川区人民政府\n关于2024年度法治政府建设情况的报告");
    expect(title.xml).toMatch(/<w:pStyle w:val="NbTitle"\/>.*<w:snapToGrid w:val="(0|false)"\/><\/w:pPr>/);
  });

  it("draws tables with full borders", () => {
    const table = /<w:tbl>.*?<\/w:tbl>/s.exec(documentXml)?.[0] ?? "";
    for (const side of ["top", "left", "bottom", "right", "insideH", "insideV"]) expect(table).toMatch(new RegExp(`<w:${side} w:val="single"`));
  });
});

describe("exportReportDocx draft marking", () => {
  it.each([
    [true, 2],
    [false, 0],
  ])("isDraft %s → %i “草稿” headers", async (isDraft, count) => {
    const docx = unzipDocx(await exportReportDocx(report, { isDraft }));
    expect([...docx["word/document.xml"]!.matchAll(/<w:headerReference/g)]).toHaveLength(count);
    const headers = Object.entries(docx).filter(([name]) => /^word\/header\d+\.xml$/.test(name));
    expect(headers.filter(([, xml]) => xml.includes(">草稿<"))).toHaveLength(count);
  });

  it("marks drafts by default", async () => {
    const docx = unzipDocx(await exportReportDocx(report));
    expect(Object.values(docx).some((xml) => xml.includes(">草稿<"))).toBe(true);
  });
});
