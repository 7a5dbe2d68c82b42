import { createReportFromTemplate, INDICATORS, newId, textToDoc, type Report, type ReportTemplate } from "@/lib/report-model";

import type { IndicatorSummary } from "./summarize-indicators";

function formatFigure(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, "");
}

/**
 * The sentences a supervising agency's own report starts from: each filled total with last year's beside it.
 * Indicators nobody filled are left out rather than written as 0.
 */
export function summaryParagraphs(agencyName: string, summary: IndicatorSummary): string[] {
  const reported = summary.rows.filter((row) => row.hasReport).length;
  const lines = [`${agencyName}所属${summary.rows.length}个机关中，已有${reported}个形成${summary.year}年度法治政府建设报告。据各机关报告汇总：`];
  const figures: string[] = [];
  for (const indicator of INDICATORS) {
    const total = summary.totals[indicator.id];
    if (total.current === null) continue;
    const previous = total.previous === null ? "" : `（${summary.year - 1}年${formatFigure(total.previous)}${indicator.unit}）`;
    figures.push(`${indicator.label}${formatFigure(total.current)}${indicator.unit}${previous}`);
  }
  for (const [name, figure] of Object.entries(summary.totalRates)) {
    if (figure.current !== null) figures.push(`${name}${formatFigure(figure.current)}%`);
  }
  lines.push(figures.length > 0 ? `${figures.join("；")}。` : "各机关报告尚未填写主要数据。");
  return lines;
}

/** A draft of the supervising agency's own report whose measures part opens with the subordinates' figures. */
export function buildSummaryDraft(input: {
  template: ReportTemplate;
  agencyName: string;
  year: number;
  summary: IndicatorSummary;
  mainRecipient?: string;
  signature?: string;
}): Report {
  const { template, agencyName, year, summary } = input;
  const report = createReportFromTemplate(template, { agency: agencyName, year, mainRecipient: input.mainRecipient, signature: input.signature });
  const measures = report.sections.find((section) => section.kind === "measures");
  if (!measures) return report;
  measures.items.unshift({
    id: newId("i"),
    heading: "全面汇总下级机关法治政府建设情况",
    body: textToDoc(summaryParagraphs(agencyName, summary).join("\n")),
    isRunIn: false,
    area: null,
    pendingUpdates: [],
  });
  for (const id of Object.keys(measures.indicators)) {
    const total = summary.totals[id as keyof typeof summary.totals];
    if (total && total.current !== null) measures.indicators[id] = total.current;
  }
  measures.previousIndicators = Object.fromEntries(
    Object.keys(measures.indicators).flatMap((id) => {
      const previous = summary.totals[id as keyof typeof summary.totals]?.previous;
      return previous === null || previous === undefined ? [] : [[id, previous]];
    }),
  );
  return report;
}
