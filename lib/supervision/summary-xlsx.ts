import ExcelJS from "exceljs";

import type { CommonGaps } from "./common-gaps";
import type { IndicatorSummary } from "./summarize-indicators";
import { periodLabel, summaryColumns } from "./summary-table";

const THIN = { style: "thin" as const, color: { argb: "FF9CA3AF" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * The 汇总表 as an XLSX workbook: sheet 指标汇总 (agencies × indicators, this year beside last year, 合计 last)
 * and sheet 共性问题. Empty figures are empty cells, never 0.
 */
export async function summaryToXlsx(input: { agencyName: string; summary: IndicatorSummary; gaps: CommonGaps; generatedAt?: Date }): Promise<Uint8Array> {
  const { agencyName, summary, gaps } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "年报 Nianbao";
  workbook.created = input.generatedAt ?? new Date();
  const sheet = workbook.addWorksheet("指标汇总", { views: [{ state: "frozen", xSplit: 1, ySplit: 3 }] });
  const columns = summaryColumns();
  const lastColumn = columns.length + 1;

  sheet.mergeCells(1, 1, 1, lastColumn);
  const title = sheet.getCell(1, 1);
  title.value = `${agencyName}下级机关${summary.year}年度法治政府建设主要指标汇总表`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center" };

  sheet.mergeCells(2, 1, 3, 1);
  sheet.getCell(2, 1).value = "机关";
  for (let index = 0; index < columns.length; index += 2) {
    sheet.mergeCells(2, index + 2, 2, index + 3);
    sheet.getCell(2, index + 2).value = columns[index]!.label;
  }
  columns.forEach((column, index) => {
    sheet.getCell(3, index + 2).value = periodLabel(summary.year, column.period);
  });
  for (const rowNumber of [2, 3]) {
    sheet.getRow(rowNumber).eachCell((cell) => {
      cell.font = { bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F4F6" } };
      cell.border = BORDER;
    });
  }

  const write = (label: string, source: Parameters<(typeof columns)[number]["pick"]>[0], isTotal: boolean) => {
    const row = sheet.addRow([label, ...columns.map((column) => column.pick(source))]);
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      cell.border = BORDER;
      if (isTotal) cell.font = { bold: true };
      if (columnNumber > 1) cell.alignment = { horizontal: "right" };
    });
  };
  for (const row of summary.rows) write(row.hasReport ? row.agencyName : `${row.agencyName}（未报）`, row, false);
  write("合计", { figures: summary.totals, rates: summary.totalRates }, true);

  sheet.getColumn(1).width = 28;
  for (let index = 2; index <= lastColumn; index += 1) sheet.getColumn(index).width = 11;
  sheet.getRow(2).height = 36;

  const gapSheet = workbook.addWorksheet("共性问题");
  gapSheet.addRow([`${summary.year}年度报告的共性问题（共 ${gaps.reportCount} 份报告）`]).font = { bold: true, size: 13 };
  gapSheet.addRow(["类别", "内容", "缺少的报告数", "机关"]).font = { bold: true };
  for (const gap of gaps.gaps)
    gapSheet.addRow([gap.kind === "part" ? "法定部分未写" : "纲要领域未涉及", gap.label, gap.agencyNames.length, gap.agencyNames.join("、")]);
  gapSheet.getColumn(1).width = 16;
  gapSheet.getColumn(2).width = 44;
  gapSheet.getColumn(3).width = 14;
  gapSheet.getColumn(4).width = 60;

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
