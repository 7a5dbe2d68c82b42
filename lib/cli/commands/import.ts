import { docToText, formatChineseDate, SECTION_KIND_LABELS, type Report } from "@/lib/report-model";
import type { ImportResult } from "@/lib/import";
import { recordImportedNumbering } from "@/lib/validation/rules/source-numbering";

import { importReportFile } from "../read-report-file";
import { CliInputError, parseArgs, type CliCommand, type CliIo } from "../types";

const LOG_LABELS = { removed: "删除", converted: "转换", guessed: "推断", warning: "提示" } as const;
const SUGGESTION_LABELS = { signature: "署名", date: "成文日期", agency: "机关名称" } as const;

/**
 * The `--json` shape: a full Report (it parses with reportSchema, which drops the extra keys) plus the
 * simple fields scripts read: title, agency, year at the top and each item's body as plain `text`.
 */
export function toImportJson(report: Report) {
  return {
    ...report,
    title: report.meta.title,
    agency: report.meta.agency,
    year: report.meta.year,
    sections: report.sections.map((section) => ({
      ...section,
      items: section.items.map((item) => ({ ...item, text: docToText(item.body) })),
    })),
  };
}

function printSummary(result: ImportResult, io: CliIo): void {
  const { meta, sections } = result.report;
  io.stdout(`标题：${meta.title || "（无）"}`);
  io.stdout(`机关：${meta.agency || "（未识别）"}　年度：${meta.year}年　模板：${result.report.templateId}`);
  if (meta.mainRecipient) io.stdout(`主送：${meta.mainRecipient}`);
  io.stdout(`署名：${meta.signature || "（无）"}　成文日期：${formatChineseDate(meta.date) || "（无）"}`);
  if (docToText(result.report.opening).trim())
    io.stdout(`导语：${docToText(result.report.opening).slice(0, 60)}${docToText(result.report.opening).length > 60 ? "…" : ""}`);
  if (result.report.closing) io.stdout(`结束语：${result.report.closing}`);
  for (const suggestion of result.suggestions) {
    const value = suggestion.field === "date" ? formatChineseDate(suggestion.value) : suggestion.value;
    io.stdout(`未采用的网页信息：${SUGGESTION_LABELS[suggestion.field]}“${value}”（${suggestion.source}，${suggestion.message}）`);
  }
  io.stdout(`\n共 ${sections.length} 部分：`);
  sections.forEach((section, index) => {
    const characters = section.items.reduce((count, item) => count + docToText(item.body).length, section.lead.length);
    io.stdout(`  ${index + 1}. 【${SECTION_KIND_LABELS[section.kind]}】${section.heading}（${section.items.length} 项，${characters} 字）`);
    for (const item of section.items) if (item.heading) io.stdout(`       · ${item.heading}`);
  });
  io.stdout("\n导入记录：");
  for (const entry of result.log) io.stdout(`  [${LOG_LABELS[entry.kind]}] ${entry.message}${entry.sample ? `（${entry.sample}）` : ""}`);
  if (result.uncertain.length > 0) {
    io.stdout("\n需要确认：");
    for (const doubt of result.uncertain) io.stdout(`  ? ${doubt.message}`);
  }
  if (result.alternatives?.traditional) io.stdout("\n已转换为简体；如需保留繁体，可在编辑器中撤销转换。");
}

const importCommand: CliCommand = {
  async run(args, io) {
    const { positionals, options } = parseArgs(args, { booleans: ["json"] });
    const [input, ...extra] = positionals;
    if (!input) throw new CliInputError("请指定要导入的文件，例如：import 2024年报告.docx");
    if (extra.length > 0) throw new CliInputError(`多余的参数：${extra.join(" ")}`);
    const result = await importReportFile(input);
    // The JSON keeps the file's wrong heading numerals, so `validate` on it reports them as on the file.
    if (options.json) io.stdout(JSON.stringify(toImportJson(recordImportedNumbering(result.report, result.sourceHeadings)), null, 2));
    else printSummary(result, io);
    return 0;
  },
};

export default importCommand;
