import { describe, expect, it } from "vitest";

import { ImportError, importReport } from "@/lib/import";
import { docToText } from "@/lib/report-model";

import { readFixtureText, shapeOf } from "./helpers";
import { buildMinimalPdf, buildTypstPdf, hasCjkFont } from "./pdf-fixture";

if (!hasCjkFont) console.warn("[import] 跳过中文 PDF 测试：系统中没有 Noto CJK 字体");

describe("[IMPORT] PDF text layer", () => {
  it("reads the text layer of a hand-written PDF", async () => {
    const pdf = buildMinimalPdf("BT /F1 12 Tf 72 720 Td (Annual report of the water bureau, text layer present.) Tj ET");
    const { report } = await importReport({ bytes: pdf, fileName: "report.pdf" });
    const text = report.sections.flatMap((section) => section.items.map((item) => docToText(item.body))).join("\n");
    expect(text + report.meta.title).toContain("Annual report of the water bureau");
  });

  it("says NO_TEXT_LAYER for a PDF without text (a scan)", async () => {
    const pdf = buildMinimalPdf("0.5 w 72 72 m 500 700 l S 100 100 200 300 re f");
    const error = await importReport({ bytes: pdf, fileName: "扫描件.pdf" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe("NO_TEXT_LAYER");
    expect((error as ImportError).message).toMatch(/没有文字层/);
  });

  it("says CORRUPT for a damaged PDF", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog garbage");
    const error = await importReport({ bytes: pdf, fileName: "坏文件.pdf" }).catch((caught: unknown) => caught);
    expect((error as ImportError).code).toMatch(/CORRUPT|NO_TEXT_LAYER/);
  });

  it.skipIf(!hasCjkFont)("rebuilds paragraphs and structure from a Chinese PDF laid out by Typst", async () => {
    const pdf = await buildTypstPdf(readFixtureText("simplified.txt"));
    const { report } = await importReport({ bytes: pdf, fileName: "2023年报告.pdf" });
    expect(report.meta.title).toBe("青禾市水务局关于2023年法治政府建设情况的报告");
    expect(report.meta.date).toBe("2024-01-15");
    expect(shapeOf(report)).toEqual([
      ["measures", 3],
      ["leader_duty", 1],
      ["problems", 1],
      ["next_year", 3],
    ]);
    expect(report.sections[0]!.items[0]!.heading).toBe("健全依法决策机制");
    expect(docToText(report.sections[0]!.items[1]!.body)).toBe(
      "全面落实行政执法公示、执法全过程记录、重大执法决定法制审核三项制度，全年办理水行政处罚案件38件，无一被复议撤销或被诉败诉。\n组织执法人员开展案卷交叉评查两次，评查案卷57卷，优秀率达到82%。",
    );
  });
});
