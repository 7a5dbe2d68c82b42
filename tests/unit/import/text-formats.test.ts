import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

import { importReport, importText } from "@/lib/import";
import { docToText, reportSchema } from "@/lib/report-model";

import { itemTexts, readFixtureText, shapeOf } from "./helpers";

const SIMPLIFIED_SHAPE = [
  ["measures", 3],
  ["leader_duty", 1],
  ["problems", 1],
  ["next_year", 3],
];

function utf16(text: string, endian: "le" | "be", hasBom: boolean): Uint8Array {
  const le = Buffer.from(text, "utf16le");
  const bytes = endian === "le" ? le : Buffer.from(le.map((_, index) => le[index ^ 1]!));
  const bom = endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array(hasBom ? [...bom, ...bytes] : bytes);
}

describe("[IMPORT] text files in every encoding give the same report", () => {
  const text = readFixtureText("simplified.txt");
  const encodings: Array<[string, Uint8Array]> = [
    ["UTF-8", new Uint8Array(Buffer.from(text, "utf8"))],
    ["UTF-8 带 BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, "utf8")])],
    ["GBK", new Uint8Array(iconv.encode(text, "gbk"))],
    ["GB18030", new Uint8Array(iconv.encode(text, "gb18030"))],
    ["UTF-16LE 带 BOM", utf16(text, "le", true)],
    ["UTF-16BE 带 BOM", utf16(text, "be", true)],
    ["UTF-16LE 无 BOM", utf16(text, "le", false)],
    ["UTF-16BE 无 BOM", utf16(text, "be", false)],
  ];

  it.each(encodings)("%s", async (_label, bytes) => {
    const { report } = await importReport({ bytes, fileName: "2023年报告.txt" });
    expect(report.meta.title).toBe("青禾市水务局关于2023年法治政府建设情况的报告");
    expect(report.meta.agency).toBe("青禾市水务局");
    expect(report.meta.year).toBe(2023);
    expect(report.meta.mainRecipient).toBe("市委、市政府");
    expect(report.meta.signature).toBe("青禾市水务局");
    expect(report.meta.date).toBe("2024-01-15");
    expect(report.templateId).toBe("department");
    expect(shapeOf(report)).toEqual(SIMPLIFIED_SHAPE);
  });
});

describe("[IMPORT] structure of a simplified report", () => {
  const { report, log } = importText(readFixtureText("simplified.txt"));

  it("stores item headings without numerals and marks run-in items", () => {
    const measures = report.sections[0]!;
    expect(measures.heading).toBe("主要举措和成效");
    expect(measures.items.map((item) => [item.heading, item.isRunIn])).toEqual([
      ["健全依法决策机制", true],
      ["规范水行政执法", false],
      ["加强普法宣传", true],
    ]);
    expect(itemTexts(report, 0)[1]).toContain("\n组织执法人员开展案卷交叉评查两次");
    expect(itemTexts(report, 0)[0]).toMatch(/^一是修订/);
  });

  it("puts the paragraph before 一、 into the opening (导语) and logs it", () => {
    expect(docToText(report.opening)).toMatch(/^2023年，青禾市水务局/);
    expect(report.sections[0]!.lead).toBe("");
    expect(log.some((entry) => entry.kind === "guessed" && entry.message.includes("导语"))).toBe(true);
  });

  it("turns the 一是/二是 paragraphs of the plans into run-in items", () => {
    const plans = report.sections[3]!;
    expect(plans.heading).toBe("2024年工作安排");
    expect(plans.items.map((item) => item.heading)).toEqual(["完善制度体系", "提升执法能力", "创新普法方式"]);
    expect(plans.items.every((item) => item.isRunIn)).toBe(true);
  });

  it("keeps a problems paragraph with inline 一是/二是 as one item", () => {
    expect(itemTexts(report, 2)[0]).toMatch(/^一是基层执法力量仍显薄弱.*二是普法形式/);
  });

  it("is a valid report", () => {
    expect(reportSchema.safeParse(report).success).toBe(true);
  });
});

describe("[IMPORT] Traditional Chinese is converted phrase by phrase and can be undone", () => {
  const result = importText(readFixtureText("traditional.txt"));

  it("converts to Simplified and logs the conversion", () => {
    expect(result.report.meta.title).toBe("岭东县交通运输局2022年法治政府建设年度报告");
    expect(result.report.meta.agency).toBe("岭东县交通运输局");
    expect(shapeOf(result.report)).toEqual([
      ["measures", 2],
      ["problems", 1],
      ["next_year", 2],
    ]);
    expect(result.report.sections[0]!.items[0]!.heading).toBe("推进严格规范执法");
    expect(result.log.some((entry) => entry.kind === "converted" && entry.message.includes("繁体"))).toBe(true);
  });

  it("returns the unconverted import with the same structure for undo", () => {
    const traditional = result.alternatives?.traditional;
    expect(traditional).toBeDefined();
    expect(shapeOf(traditional!)).toEqual(shapeOf(result.report));
    expect(traditional!.meta.title).toBe("嶺東縣交通運輸局2022年法治政府建設年度報告");
    expect(traditional!.sections[0]!.items[0]!.heading).toBe("推進嚴格規範執法");
    expect(traditional!.templateId).toBe(result.report.templateId);
  });

  it("keeps Traditional when asked, still recognising the parts", () => {
    const kept = importText(readFixtureText("traditional.txt"), { convertTraditional: false });
    expect(kept.report.meta.agency).toBe("嶺東縣交通運輸局");
    expect(shapeOf(kept.report)).toEqual(shapeOf(result.report));
    expect(kept.alternatives).toBeUndefined();
  });

  it("leaves Simplified text alone", () => {
    const plain = importText(readFixtureText("simplified.txt"));
    expect(plain.alternatives).toBeUndefined();
    expect(plain.log.some((entry) => entry.message.includes("繁体"))).toBe(false);
  });
});

describe("[IMPORT] part kinds are found by wording, not position", () => {
  it("splits a combined problems/plans part where the plans begin", () => {
    const { report, uncertain } = importText(readFixtureText("combined.txt"));
    expect(shapeOf(report)).toEqual([
      ["measures", 2],
      ["problems", 1],
      ["next_year", 2],
    ]);
    expect(report.sections[1]!.heading).toBe("存在问题");
    expect(report.sections[2]!.heading).toBe("下一步打算");
    expect(itemTexts(report, 1)[0]).toBe("统计执法人员数量不足，基层统计人员法治意识有待提高，统计数据质量仍存在薄弱环节。");
    expect(report.sections[2]!.lead).toBe("下一步，我局将重点做好以下几项工作：");
    expect(uncertain.some((doubt) => doubt.target === "section" && doubt.sectionIndex === 2)).toBe(true);
  });

  it("recognises a leader's-duty part placed first and guesses the township template", () => {
    const { report } = importText(readFixtureText("leader-first.txt"));
    expect(shapeOf(report)).toEqual([
      ["leader_duty", 1],
      ["measures", 2],
      ["problems", 1],
      ["next_year", 2],
    ]);
    expect(report.templateId).toBe("township");
    expect(report.meta.mainRecipient).toBe("区委、区政府");
    expect(report.meta.date).toBe("2024-02-01");
  });

  it("rejoins hard-wrapped lines, restores full-width punctuation and accepts a heading that lost its numeral", () => {
    const { report, log } = importText(readFixtureText("hard-wrapped.txt"));
    expect(shapeOf(report)).toEqual([
      ["measures", 2],
      ["problems", 1],
      ["next_year", 2],
    ]);
    expect(docToText(report.opening)).toBe("2023年，西川县林业局深入贯彻落实上级关于法治政府建设的决策部署，坚持依法治林、依法兴林，现将主要情况报告如下：");
    expect(report.sections[0]!.items[0]!.heading).toBe("严格林业行政执法");
    expect(itemTexts(report, 0)[0]).toBe("全年查处涉林违法案件41件，办结率100%，有效保护了森林资源。组织开展“护林”专项行动3次，清理非法占用林地问题点位27处。");
    expect(itemTexts(report, 1)[0]).toBe("林区执法点多面广，执法装备和人员配备不足；部分林农法治意识不强，毁林开垦现象时有发生。");
    expect(report.sections[2]!.items[1]!.heading).toBe("加大普法宣传力度");
    expect(docToText(report.sections[2]!.items[1]!.body)).toBe("利用“国际森林日”等节点开展集中宣传。");
    expect(log.some((entry) => entry.message.includes("缺少序号"))).toBe(true);
    expect(log.some((entry) => entry.message.includes("换行合并"))).toBe(true);
  });

  it.each([
    ["工作开展情况", "measures"],
    ["法治政府建设主要举措和成效", "measures"],
    ["存在问题和困难", "problems"],
    ["存在的不足和原因", "problems"],
    ["下一步工作计划", "next_year"],
    ["2021年工作计划", "next_year"],
    ["下一步打算", "next_year"],
    ["二〇二四年工作打算", "next_year"],
    ["党政主要负责人履行推进法治建设第一责任人职责情况", "leader_duty"],
    ["其他需要报告的情况", "other"],
  ])("“%s” → %s", (heading, kind) => {
    const text = `某某区档案馆2023年法治政府建设年度报告\n\n一、${heading}\n\n本部分内容由测试编写，共有若干句话。`;
    expect(importText(text).report.sections[0]!.kind).toBe(kind);
  });
});

describe("[IMPORT] metadata when the title line is missing", () => {
  it("takes the year from the publication date minus one, marks it uncertain, and only suggests the page's agency and date", () => {
    const text =
      "发布时间：2024-03-05\n信息来源：云岭县审计局\n\n一、主要举措和成效\n\n（一）加强审计监督。全年完成审计项目18个。\n\n二、存在的不足\n\n审计人员专业结构不够合理。";
    const { report, uncertain, suggestions } = importText(text);
    expect(report.meta.year).toBe(2023);
    expect([report.meta.agency, report.meta.date, report.meta.signature]).toEqual(["", "", ""]);
    expect(report.meta.title).toBe("2023年法治政府建设年度报告");
    expect(uncertain.map((doubt) => doubt.field)).toEqual(expect.arrayContaining(["year", "title"]));
    expect(suggestions).toEqual(
      expect.arrayContaining([
        { field: "agency", value: "云岭县审计局", source: "网页的信息来源", message: "来自网页信息，请确认" },
        { field: "signature", value: "云岭县审计局", source: "网页的信息来源", message: "来自网页信息，请确认" },
        { field: "date", value: "2024-03-05", source: "网页发布时间", message: "来自网页信息，请确认" },
      ]),
    );
  });

  it("reads a date written in Chinese numerals at the end", () => {
    const text =
      "北湾区卫生健康委员会2022年法治政府建设情况报告\n\n一、主要举措和成效\n\n全年开展卫生监督检查3200户次。\n\n北湾区卫生健康委员会\n二〇二三年三月五日";
    expect(importText(text).report.meta.date).toBe("2023-03-05");
  });
});
