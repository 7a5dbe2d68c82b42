import { describe, expect, it } from "vitest";

import { importReport } from "@/lib/import";
import { CHROME_PATTERNS } from "@/lib/import/page-chrome";
import { textToBlocks } from "@/lib/import/source-blocks";
import { matchChromeLine, stripInlineChrome, stripPageChrome } from "@/lib/import/strip-page-chrome";
import { createContext } from "@/lib/import/types";
import { docToText, type Report } from "@/lib/report-model";

import { CHROME_WORDS, WEB_PAGE_CASES } from "./web-pages";

const identity = (text: string) => text;

function reportText(report: Report): string {
  const { meta } = report;
  return [
    meta.title,
    meta.agency,
    meta.mainRecipient,
    meta.signature,
    meta.copyTo,
    docToText(report.opening),
    report.closing,
    ...report.sections.flatMap((section) => [section.heading, section.lead, ...section.items.map((item) => `${item.heading}\n${docToText(item.body)}`)]),
  ].join("\n");
}

describe("[IMPORT] every page-chrome pattern removes its own examples and logs the removal", () => {
  const cases = CHROME_PATTERNS.flatMap((pattern) => pattern.examples.map((example) => [pattern.id, pattern.label, example] as const));
  it.each(cases)("%s: %s “%s”", (_id, label, example) => {
    const context = createContext();
    const lines = ["某县司法局2024年法治政府建设年度报告", example, "2024年，我局坚持依法行政，全面推进法治政府建设，取得明显成效，现将有关情况报告如下："];
    const { blocks } = stripPageChrome(textToBlocks(lines.join("\n")), context, identity);
    const kept = blocks.map((block) => block.text).join("\n");
    expect(kept).not.toContain(example);
    expect(kept).toContain("某县司法局2024年法治政府建设年度报告");
    expect(context.log.some((entry) => entry.kind === "removed" && entry.message.startsWith(`已删除${label}`))).toBe(true);
  });

  it("every pattern has examples", () => {
    for (const pattern of CHROME_PATTERNS) expect(pattern.examples.length).toBeGreaterThan(0);
  });
});

describe("[IMPORT] report sentences that look like page chrome are kept", () => {
  it.each([
    "无障碍设施建设扎实推进，全年改造盲道3.2公里。",
    "时间节点倒排，确保任务按期完成。",
    "来源于群众的意见建议全部建档办理。",
    "打印设备全部完成国产化替换。",
    "首页登载的政策解读材料全部经过合法性审核。",
    "分享经验做法12篇，被省司法厅转发3篇。",
    "2024年3月4日，县政府召开常务会议专题学法。",
    "登录“青崖政务”网站（www.qingya.gov.cn）即可查询权责清单。",
    "编印普法学习资料5000册，发放到村（社区）。",
  ])("%s", (line) => {
    expect(matchChromeLine(line)).toBeUndefined();
    expect(stripInlineChrome(line).text).toBe(line);
  });
});

describe("[IMPORT] watermarks are removed wherever they stand in a line", () => {
  it("keeps the sentence around a document-site watermark", () => {
    const { text, removed } = stripInlineChrome("全年共办理行政复议案件12件，原创力文档纠错率为零。");
    expect(text).toBe("全年共办理行政复议案件12件，纠错率为零。");
    expect(removed.map((entry) => entry.pattern.id)).toEqual(["watermark"]);
  });

  it("removes an accessibility link glued in front of the title", () => {
    expect(stripInlineChrome("无障碍青崖县人民政府2024年法治政府建设年度报告").text).toBe("青崖县人民政府2024年法治政府建设年度报告");
  });
});

describe("[IMPORT] five website styles import as the report alone", () => {
  it.each(WEB_PAGE_CASES)("$name", async (page) => {
    const { report, log, suggestions } = await importReport({ bytes: new TextEncoder().encode(page.text), fileName: page.fileName });
    expect(report.meta.title).toBe(page.title);
    expect(report.meta.agency).toBe(page.agency);
    expect(report.meta.year).toBe(page.year);
    expect(docToText(report.opening).startsWith(page.openingStart)).toBe(true);
    expect(report.sections.map((section) => [section.kind, section.items.length])).toEqual(page.kinds);
    expect(report.sections[0]!.lead).toBe("");
    // 署名 and 成文日期 only from the report's own text; the page's are suggestions to confirm.
    expect(report.meta.signature).toBe(page.signature);
    expect(report.meta.date).toBe(page.date);
    expect(report.closing).toBe(page.closing);
    for (const suggestion of suggestions) expect(suggestion.message).toMatch(/请确认/);
    expect(reportText(report)).not.toMatch(CHROME_WORDS);
    const removed = log.filter((entry) => entry.kind === "removed").map((entry) => entry.message);
    for (const label of page.removedLabels) expect(removed.some((message) => message.startsWith(`已删除${label}`))).toBe(true);
  });

  it("offers the page's publisher and date as suggestions when the report has neither", async () => {
    const page = WEB_PAGE_CASES[1]!;
    const { report, suggestions } = await importReport({ bytes: new TextEncoder().encode(page.text), fileName: page.fileName });
    expect([report.meta.signature, report.meta.date]).toEqual(["", ""]);
    expect(suggestions).toEqual([
      { field: "signature", value: "临川市交通运输局", source: "网页的信息来源", message: "来自网页信息，请确认" },
      { field: "date", value: "2024-01-29", source: "网页发布时间", message: "来自网页信息，请确认" },
    ]);
  });

  it("never lets a page-header date decide the year", async () => {
    const text = [
      "今天是:2019年10月31日 星期三",
      "某某区民政局法治政府建设年度报告",
      "2017年，区民政局坚持依法行政，推进民政领域法治建设，现将有关情况报告如下：",
      "一、主要举措和成效",
      "全年办理社会组织登记事项42件。",
    ].join("\n");
    const { report } = await importReport({ bytes: new TextEncoder().encode(text), fileName: "a.txt" });
    expect(report.meta.year).toBe(2017);
  });

  it("reads 文号, 主送 and 抄送 from the report's own text", async () => {
    const page = WEB_PAGE_CASES[4]!;
    const { report } = await importReport({ bytes: new TextEncoder().encode(page.text), fileName: page.fileName });
    expect(report.meta.docNumber).toBe("西环发〔2025〕6号");
    expect(report.meta.mainRecipient).toBe("市委全面依法治市委员会办公室");
    expect(report.meta.copyTo).toBe("省生态环境厅，市司法局");
  });
});
