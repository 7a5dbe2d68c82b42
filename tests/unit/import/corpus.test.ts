import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { importReport } from "@/lib/import";
import { docToText } from "@/lib/report-model";

const SHARED = path.resolve(__dirname, "../../../../shared");
const CORPUS = path.join(SHARED, "corpus");
const hasCorpus = existsSync(CORPUS);
if (!hasCorpus) {
  if (process.env.CI === "true") throw new Error(`CI 环境缺少语料目录：${CORPUS}`);
  console.warn(`[import] 跳过语料测试：找不到 ${CORPUS}`);
}

/** Expectations written by reading each report. */
const CASES = [
  {
    file: "liaocheng-eeb-2020.txt",
    title: "聊城市生态环境局2020年法治政府建设工作情况总结",
    agency: "聊城市生态环境局",
    year: 2020,
    templateId: "department",
    date: "",
    dateSuggestion: "2021-03-22",
    kinds: [
      ["measures", 5],
      ["problems", 1],
      ["next_year", 5],
    ],
    openingStart: "2020年，在市委、市政府的坚强领导下",
    firstItemHeading: "严格落实党政主要负责人履行推进法治建设第一责任人职责",
  },
  {
    file: "wansheng-eeb-2021.txt",
    title: "重庆市万盛经开区生态环境局2021年法治政府建设年度报告",
    agency: "重庆市万盛经开区生态环境局",
    year: 2021,
    templateId: "department",
    date: "",
    dateSuggestion: "2022-01-27",
    kinds: [
      ["measures", 8],
      ["problems", 1],
      ["next_year", 5],
    ],
    openingStart: "",
    firstItemHeading: "强化组织领导，有力推进整体工作",
  },
  {
    file: "yuanyi-town-2020.txt",
    title: "重庆市梁平区袁驿镇人民政府2020年法治政府建设情况报告",
    agency: "重庆市梁平区袁驿镇人民政府",
    year: 2020,
    templateId: "township",
    date: "",
    dateSuggestion: undefined,
    kinds: [
      ["measures", 8],
      ["problems", 1],
      ["next_year", 1],
    ],
    // A .txt without page chrome is the official's own file: its half-width commas stay for validation to report.
    openingStart: "2020年,我镇法治政府建设在区委区政府的统一领导下",
    firstItemHeading: "强组织,法治政府建设工作保障有力",
  },
] as const;

const NOISE = /扫码|扫一扫|语音播报|索引号|字号|返回顶部|部门街镇|智能问答|您当前的位置/;

describe.skipIf(!hasCorpus)("[IMPORT] every corpus report imports with its title, agency, year and parts", () => {
  it.each(CASES)("$file", async (expected) => {
    const bytes = readFileSync(path.join(CORPUS, expected.file));
    const { report, log, suggestions } = await importReport({ bytes, fileName: expected.file });
    expect(report.meta.title).toBe(expected.title);
    expect(report.meta.agency).toBe(expected.agency);
    expect(report.meta.year).toBe(expected.year);
    // The page's date is never printed as 成文日期: it is offered as a suggestion to confirm.
    expect(report.meta.date).toBe(expected.date);
    expect(suggestions.find((suggestion) => suggestion.field === "date")?.value).toBe(expected.dateSuggestion);
    expect(report.meta.signature).toBe("");
    expect(report.templateId).toBe(expected.templateId);
    expect(report.sections.map((section) => [section.kind, section.items.length])).toEqual(expected.kinds);
    expect(docToText(report.opening).startsWith(expected.openingStart)).toBe(true);
    expect(report.sections[0]!.lead).toBe("");
    expect(report.sections[0]!.items[0]!.heading).toBe(expected.firstItemHeading);
    const allText =
      [report.meta.title, report.meta.agency, docToText(report.opening)].join("\n") +
      report.sections
        .map((section) => [section.heading, section.lead, ...section.items.map((item) => item.heading + docToText(item.body))].join("\n"))
        .join("\n");
    expect(allText).not.toMatch(NOISE);
    expect(allText).not.toMatch(/^[（(][一二三四五六七八九十]+[）)]/m);
    expect(log.length).toBeGreaterThan(0);
  });

  it("splits 存在问题及整改措施 where the plans begin and keeps the plan items run-in", async () => {
    const { report } = await importReport({ bytes: readFileSync(path.join(CORPUS, "liaocheng-eeb-2020.txt")), fileName: "a.txt" });
    const [, problems, plans] = report.sections;
    expect(docToText(problems!.items[0]!.body)).toMatch(/等问题。$/);
    expect(plans!.lead).toBe("今后的工作中主要做好以下几个方面：");
    expect(plans!.items.every((item) => item.isRunIn)).toBe(true);
    expect(plans!.items[0]!.heading).toBe("积极开展生态环境损害赔偿工作");
  });

  it("turns a 一是…五是 paragraph series into run-in items after the transition sentence", async () => {
    const { report } = await importReport({ bytes: readFileSync(path.join(CORPUS, "wansheng-eeb-2021.txt")), fileName: "b.txt" });
    const plans = report.sections[2]!;
    expect(plans.lead).toMatch(/^为谋好新篇/);
    expect(plans.items.map((item) => item.heading)[4]).toBe("创新社会治理，依法化解社会矛盾纠纷");
    expect(plans.items.every((item) => item.isRunIn)).toBe(true);
  });
});
