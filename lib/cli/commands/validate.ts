import type { SourceHeading } from "@/lib/import";
import { describeLocation, summarizeFindings, validateReport, type Finding, type LocationNames, type Severity } from "@/lib/validation";
import { findTemplate } from "@/templates";

import { importReportFile, readReportFile } from "../read-report-file";
import { CliInputError, parseArgs, type CliCommand } from "../types";

const SEVERITY_LABELS: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

function toJson(findings: Finding[]): string {
  return JSON.stringify({
    findings: findings.map(({ ruleId, severity, message, location }) => ({ ruleId, severity, message, location })),
  });
}

const validateCommand: CliCommand = {
  async run(args, io) {
    const { positionals, options } = parseArgs(args, { booleans: ["json"] });
    const file = positionals[0];
    if (!file) throw new CliInputError("请指定要校验的报告文件，例如：npm run -s cli -- validate 报告.nianbao.json");
    // An imported file keeps its own headings, so locations name what the official sees in the file.
    const isReportJson = /\.json$/i.test(file);
    const imported = isReportJson ? undefined : await importReportFile(file);
    const report = imported?.report ?? (await readReportFile(file));
    const names = imported ? sourceNames(imported.sourceHeadings) : undefined;
    const template = findTemplate(report.templateId) ?? undefined;
    const findings = validateReport(report, { template, sourceHeadings: imported?.sourceHeadings });
    const summary = summarizeFindings(findings);
    if (options.json) {
      io.stdout(toJson(findings));
    } else {
      if (!template) io.stderr(`提示：未找到模板“${report.templateId}”，按法定五部分结构校验。`);
      for (const finding of findings) {
        io.stdout(`[${SEVERITY_LABELS[finding.severity]}] ${describeLocation(report, finding.location, names)}：${finding.message}`);
      }
      io.stdout(findings.length === 0 ? "未发现问题。" : `共${summary.total}条：错误${summary.error}条，警告${summary.warning}条，提示${summary.info}条。`);
    }
    return summary.hasErrors ? 1 : 0;
  },
};

function sourceNames(headings: SourceHeading[]): LocationNames {
  return {
    section: (sectionIndex) => headings[sectionIndex]?.heading,
    item: (sectionIndex, itemIndex) => headings[sectionIndex]?.items[itemIndex],
  };
}

export default validateCommand;
