import type { Report } from "@/lib/report-model";

import { replaceFix, withRange } from "../finding";
import { listFieldTexts } from "../text/report-fields";
import { LOST_NUMERAL, TYPED_HEADING_NUMERAL } from "../text/numbering";
import type { Finding, Rule } from "../types";

const RULE_ID = "heading-numerals";

/** Rule 3 (headings): headings carry no typed numeral (the exporter numbers them) and no orphaned "、". */
export const headingNumeralsRule: Rule = {
  id: RULE_ID,
  title: "标题序号",
  check(report: Report): Finding[] {
    const findings: Finding[] = [];
    for (const { location, text } of listFieldTexts(report)) {
      if (location.field !== "sectionHeading" && location.field !== "itemHeading") continue;
      const typed = TYPED_HEADING_NUMERAL.exec(text);
      if (typed && typed[0].length < text.length) {
        const numeral = typed[0].trim();
        findings.push({
          ruleId: RULE_ID,
          severity: "warning",
          message: `标题开头手工输入了序号“${numeral}”。导出时会自动编号，保留它会出现重复序号，请删除。`,
          location: withRange(location, 0, typed[0].length),
          fix: replaceFix(`删除“${numeral}”`, location, 0, typed[0].length, ""),
        });
        continue;
      }
      const lost = LOST_NUMERAL.exec(text);
      if (lost && lost[0].length < text.length) {
        findings.push({
          ruleId: RULE_ID,
          severity: "warning",
          message: `标题以“${lost[0].trim()}”开头，序号可能在编辑中丢失。序号由系统自动生成，请删除多余的“${lost[0].trim()}”。`,
          location: withRange(location, 0, lost[0].length),
          fix: replaceFix(`删除“${lost[0].trim()}”`, location, 0, lost[0].length, ""),
        });
      }
    }
    return findings;
  },
};
