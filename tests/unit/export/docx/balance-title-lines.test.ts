import { describe, expect, it } from "vitest";

import { balanceTitleLines, textWidthInChars } from "@/lib/export/layout";

describe("balanceTitleLines", () => {
  it.each([
    ["短标题一行排完", "关于2024年法治政府建设情况的报告", ["关于2024年法治政府建设情况的报告"]],
    ["在“年”后回行，上长下短", "青川市人民政府关于2024年法治政府建设情况的报告", ["青川市人民政府关于2024年", "法治政府建设情况的报告"]],
    ["部门报告", "青川市生态环境局2024年法治政府建设年度报告", ["青川市生态环境局2024年", "法治政府建设年度报告"]],
    ["不拆“年度”", "青川市人民政府办公室关于2024年度法治政府建设工作情况的报告", ["青川市人民政府办公室关于2024年度", "法治政府建设工作情况的报告"]],
    ["在“关于”后回行", "青川市临江区白鹭湖街道办事处关于2024年法治政府建设情况的报告", ["青川市临江区白鹭湖街道办事处关于", "2024年法治政府建设情况的报告"]],
    [
      "不拆“第三次”，不在“第”后回行",
      "关于青川市第十五届人民代表大会第三次会议第128号建议办理情况的报告",
      ["关于青川市第十五届人民代表大会第三次", "会议第128号建议办理情况的报告"],
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

  it("prefers a trapezoid: no line is longer than the one above it when a balanced split exists", () => {
    for (const title of longTitles.slice(1)) {
      const widths = balanceTitleLines(title).map(textWidthInChars);
      for (let index = 1; index < widths.length; index += 1) expect(widths[index]).toBeLessThanOrEqual(widths[index - 1]!);
    }
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
