import { describe, expect, it } from "vitest";

import { importReport } from "@/lib/import";
import { docToText } from "@/lib/report-model";

import { readFixture, shapeOf } from "./helpers";

describe("[IMPORT] a saved web page of the published report", async () => {
  const { report, log } = await importReport({ bytes: readFixture("webpage.html"), fileName: "报告.html" });
  const allText = JSON.stringify(report);

  it("finds title, agency, year, signature and date", () => {
    expect(report.meta.title).toBe("东屏市司法局2023年法治政府建设年度报告");
    expect(report.meta.agency).toBe("东屏市司法局");
    expect(report.meta.year).toBe(2023);
    expect(report.meta.signature).toBe("东屏市司法局");
    expect(report.meta.date).toBe("2024-01-26");
  });

  it("recognises the parts and keeps the statistics table as a Tiptap table", () => {
    expect(shapeOf(report)).toEqual([
      ["measures", 2],
      ["problems", 1],
      ["next_year", 2],
    ]);
    const table = report.sections[0]!.items[1]!.body.content.find((node) => node.type === "table");
    expect(table?.content?.length).toBe(3);
    expect(table?.content?.[0]?.content?.[0]?.type).toBe("tableHeader");
    expect(docToText(table)).toBe("指标\t2023年\n法律援助案件\t1860件\n人民调解案件\t5240件");
  });

  it("decodes entities and drops scripts, styles, navigation, metadata and footer", () => {
    expect(docToText(report.opening)).toContain("“八五”普法");
    for (const noise of ["不应出现", "window.print", "font-size", "首页", "索引号", "字号", "语音播报", "分享到", "打印本页", "扫一扫", "版权所有", "ICP备"]) {
      expect(allText).not.toContain(noise);
    }
    expect(log.some((entry) => entry.kind === "removed")).toBe(true);
  });
});

describe("[IMPORT] HTML tokenizer edge cases", () => {
  it.each([
    ["unterminated comment", "<p>某县文化和旅游局2023年法治政府建设年度报告</p><!-- never closed <p>一、主要举措"],
    ["unterminated script", "<p>某县文化和旅游局2023年法治政府建设年度报告</p><script>var a = '<p>'"],
    ["stray angle brackets", "<p>某县文化和旅游局2023年法治政府建设年度报告</p><p>收入 < 支出 且 a<b 时，按规定处理。</p>"],
  ])("%s", async (_label, html) => {
    const { report } = await importReport({ bytes: new TextEncoder().encode(html), fileName: "a.html" });
    expect(report.meta.agency).toBe("某县文化和旅游局");
  });
});
