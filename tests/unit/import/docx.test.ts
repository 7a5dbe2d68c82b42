import { describe, expect, it } from "vitest";

import { importReport } from "@/lib/import";
import { docToText } from "@/lib/report-model";
import { assertBodyMatchesSchema } from "@/lib/report-model/extensions";

import { buildFixtureDocx } from "./docx-fixture";
import { shapeOf } from "./helpers";

describe("[IMPORT] a DOCX built with the docx package", async () => {
  const bytes = await buildFixtureDocx();
  const { report } = await importReport({ bytes, fileName: "2023年度报告.docx" });

  it("reads title, recipient, signature and date", () => {
    expect(report.meta.title).toBe("澄江市人力资源和社会保障局2023年法治政府建设年度报告");
    expect(report.meta.agency).toBe("澄江市人力资源和社会保障局");
    expect(report.meta.mainRecipient).toBe("市委、市政府");
    expect(report.meta.signature).toBe("澄江市人力资源和社会保障局");
    expect(report.meta.date).toBe("2024-01-22");
  });

  it("keeps heading levels, including a styled heading without numeral", () => {
    expect(shapeOf(report)).toEqual([
      ["measures", 3],
      ["problems", 1],
      ["next_year", 2],
    ]);
    expect(report.sections[1]!.heading).toBe("存在的不足和原因");
  });

  it("uses the bold run as the run-in heading even when it ends with a comma", () => {
    const [first, second, third] = report.sections[0]!.items;
    expect([first!.heading, first!.isRunIn]).toEqual(["完善劳动保障监察机制", true]);
    expect(docToText(first!.body)).toBe("全年办理劳动保障监察案件214件，为劳动者追发工资2860万元。");
    expect([second!.heading, second!.isRunIn]).toEqual(["推进仲裁调解一体化", true]);
    expect([third!.heading, third!.isRunIn]).toEqual(["主要数据", false]);
  });

  it("converts the table to Tiptap table JSON the body schema accepts", () => {
    const body = report.sections[0]!.items[2]!.body;
    expect(body.content[0]!.type).toBe("table");
    expect(docToText(body)).toBe("项目\t数量\n行政复议\t7件\n行政诉讼\t3件");
    expect(() => assertBodyMatchesSchema(body)).not.toThrow();
  });

  it("splits bold 一是/二是 paragraphs into run-in items, one-sentence items keeping their 。", () => {
    expect(report.sections[2]!.items.map((item) => item.heading)).toEqual([
      "加强欠薪治理，健全根治欠薪长效机制。",
      "推进人社执法数字化，实现执法全过程网上留痕。",
    ]);
    expect(report.sections[2]!.items.every((item) => item.isRunIn && docToText(item.body) === "")).toBe(true);
  });
});
