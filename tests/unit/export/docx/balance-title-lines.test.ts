import { describe, expect, it } from "vitest";

import { balanceTitleLines, textWidthInChars } from "@/lib/export/layout";

describe("balanceTitleLines", () => {
  it.each([
    ["短标题一行排完", "关于2024年法治政府建设情况的报告", ["关于2024年法治政府建设情况的报告"]],
    // The case: never "…分局2024年 / 法治政府建设年度报告".
    ["机关名称与“年份+报告名称”各占一行", "明江市公安局望川分局2024年法治政府建设年度报告", ["明江市公安局望川分局", "2024年法治政府建设年度报告"]],
    ["部门报告", "青川市生态环境局2024年法治政府建设年度报告", ["青川市生态环境局", "2024年法治政府建设年度报告"]],
    // 20 characters counting digits as half, but the engines' gaps around "2020" make it 20.4: one line would overflow.
    ["汉字与数字间距计入行宽", "东岭镇人民政府2020年法治政府建设年度报告", ["东岭镇人民政府", "2020年法治政府建设年度报告"]],
    ["“关于”随事由回行", "明江市望川区人民政府关于2024年度法治政府建设情况的报告", ["明江市望川区人民政府", "关于2024年度法治政府建设情况的报告"]],
    [
      "“关于”留在机关名称后也不拆“年度”",
      "青川市人民政府办公室关于2024年度法治政府建设工作情况的报告",
      ["青川市人民政府办公室关于", "2024年度法治政府建设工作情况的报告"],
    ],
    [
      "长机关名称",
      "中共明江市委全面依法治市委员会办公室关于2024年度法治政府建设情况的报告",
      ["中共明江市委全面依法治市委员会办公室", "关于2024年度法治政府建设情况的报告"],
    ],
    [
      "报告名称过长时多排一行，在“和”前回行，成菱形",
      "明江市望川区人民政府关于2024年度法治政府建设情况和2025年工作安排的报告",
      ["明江市望川区人民政府", "关于2024年度法治政府建设情况", "和2025年工作安排的报告"],
    ],
    [
      "不拆“第三次”“人民代表大会”，不在“第”后回行",
      "关于青川市第十五届人民代表大会第三次会议第128号建议办理情况的报告",
      ["关于青川市第十五届人民代表大会", "第三次会议第128号建议办理情况的报告"],
    ],
    ["首尾空白去掉", "  白鹭镇2024年法治政府建设年度报告  ", ["白鹭镇2024年法治政府建设年度报告"]],
    ["空标题", "   ", []],
  ])("%s", (_name, title, expected) => {
    expect(balanceTitleLines(title)).toEqual(expected);
  });

  const longTitles = [
    "中共青川市委 青川市人民政府关于印发《青川市法治政府建设实施方案（2024—2028年）》的通知",
    "青川市临江区人民政府关于2024年度法治政府建设工作情况和2025年工作安排的报告",
    "青川市市场监督管理局关于2023年度法治政府建设工作情况暨党政主要负责人履行推进法治建设第一责任人职责情况的报告",
    "关于青川市第十五届人民代表大会第三次会议第128号建议办理情况的报告",
  ];

  it.each(longTitles)("keeps lines within 20 characters, numbers whole and upper lines longer: %s", (title) => {
    const lines = balanceTitleLines(title);
    expect(lines.join("").replace(/\s/g, "")).toBe(title.replace(/\s/g, ""));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidthInChars(line)).toBeLessThanOrEqual(20);
    for (let index = 1; index < lines.length; index += 1) {
      expect(/[0-9]$/.test(lines[index - 1]!) && /^[0-9年月日号]/.test(lines[index]!)).toBe(false);
      expect(/^[，。、）》”]/.test(lines[index]!)).toBe(false);
    }
    expect(textWidthInChars(lines.at(-1)!)).toBeGreaterThanOrEqual(3);
  });

  it("sets lines as a trapezoid or a diamond, never an hourglass (a line shorter than both neighbours)", () => {
    for (const title of longTitles) {
      const widths = balanceTitleLines(title).map(textWidthInChars);
      for (let index = 1; index < widths.length - 1; index += 1) {
        expect(widths[index]! < widths[index - 1]! && widths[index]! < widths[index + 1]!, `${title}: ${widths.join("/")}`).toBe(false);
      }
    }
  });

  it("keeps the year with the report name whenever the report name fits a line", () => {
    for (const title of [
      "青川市住房和城乡建设局2024年法治政府建设年度报告",
      "青川市市场监督管理局关于2024年法治政府建设工作情况的报告",
      "青川市临江区白鹭湖街道办事处2025年法治政府建设年度报告",
    ]) {
      const lines = balanceTitleLines(title);
      expect(
        lines.some((line) => /^(关于)?20\d\d年/.test(line) && line.endsWith("报告")),
        lines.join(" / "),
      ).toBe(true);
    }
  });

  it("keeps words of a long book title whole when it must break inside 《》", () => {
    expect(balanceTitleLines("中共青川市委 青川市人民政府关于印发《青川市法治政府建设实施方案（2024—2028年）》的通知")).toEqual([
      "中共青川市委 青川市人民政府",
      "关于印发《青川市法治政府建设",
      "实施方案（2024—2028年）》的通知",
    ]);
  });

  it("breaks inside 《》 only when the book title is longer than a line", () => {
    const lines = balanceTitleLines("青川市司法局关于转发《法治政府建设实施纲要》的通知");
    expect(lines.some((line) => line.includes("《") && !line.includes("》"))).toBe(false);
  });

  it("honours a narrower line", () => {
    const lines = balanceTitleLines("青川市人民政府关于2024年法治政府建设情况的报告", 12);
    for (const line of lines) expect(textWidthInChars(line)).toBeLessThanOrEqual(12);
    expect(lines.join("")).toBe("青川市人民政府关于2024年法治政府建设情况的报告");
  });
});
