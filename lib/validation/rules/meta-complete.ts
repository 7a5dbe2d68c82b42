import type { Report } from "@/lib/report-model";

import { formatDate } from "../text/format-date";
import type { Finding, Rule } from "../types";

const RULE_ID = "meta-complete";

function metaFinding(key: string, severity: Finding["severity"], message: string): Finding {
  return { ruleId: RULE_ID, severity, message, location: { field: "meta", key } };
}

/** Rule 1 (meta): agency, title, 成文日期, 署名 and 主送机关 filled; the date fits the report year. */
export const metaCompleteRule: Rule = {
  id: RULE_ID,
  title: "基本信息完整",
  check(report: Report): Finding[] {
    const { meta } = report;
    const findings: Finding[] = [];
    if (!meta.agency.trim()) findings.push(metaFinding("agency", "error", "未填写机关名称。"));
    if (!meta.title.trim()) findings.push({ ruleId: RULE_ID, severity: "error", message: "未填写报告标题。", location: { field: "title" } });
    if (!meta.date) findings.push(metaFinding("date", "error", `未填写成文日期。报告签发前须写明成文日期，如“${meta.year + 1}年2月20日”。`));
    else {
      const dateYear = Number(meta.date.slice(0, 4));
      if (dateYear <= meta.year) {
        findings.push(
          metaFinding(
            "date",
            "error",
            `成文日期为${formatDate(meta.date)}，早于报告年度（${meta.year}年）结束。年度报告应在${meta.year + 1}年成文，请核对年度或成文日期。`,
          ),
        );
      } else if (dateYear > meta.year + 1) {
        findings.push(metaFinding("date", "warning", `成文日期${formatDate(meta.date)}与报告年度${meta.year}年相隔一年以上，请核对年度或日期。`));
      }
    }
    if (!meta.signature.trim()) {
      findings.push({ ruleId: RULE_ID, severity: "warning", message: "未填写署名（发文机关名称）。", location: { field: "signature" } });
    }
    if (!meta.mainRecipient.trim()) {
      findings.push({
        ruleId: RULE_ID,
        severity: "warning",
        message: "未填写主送机关。年度报告应报送本级党委和政府或上一级机关，请写明主送机关。",
        location: { field: "mainRecipient" },
      });
    }
    return findings;
  },
};
