import { fromChineseNumeral, headingPrefix, type Report, type ReportLocation } from "@/lib/report-model";

import { replaceFix, withRange } from "../finding";
import { listFieldTexts } from "../text/report-fields";
import { LOST_NUMERAL, TYPED_HEADING_NUMERAL } from "../text/numbering";
import type { Finding, Rule } from "../types";

const RULE_ID = "heading-numerals";
const LEVEL_1 = /^\s*([一二三四五六七八九十]{1,3})\s*[、，．.]/;
const LEVEL_2 = /^\s*([（(])\s*([一二三四五六七八九十]{1,3})\s*([）)])/;

/** What a typed numeral says about its place: the numeral it should be, and why it is not. */
function sequenceNote(location: ReportLocation, numeral: string, report: Report): string {
  const isSection = location.field === "sectionHeading";
  const position = (isSection ? location.sectionIndex : location.itemIndex) ?? 0;
  const expected = headingPrefix(isSection ? 1 : 2, position + 1);
  const match = isSection ? LEVEL_1.exec(numeral) : LEVEL_2.exec(numeral);
  const parts: string[] = [];
  if (!isSection && match && (match[1] === "(" || match[3] === ")")) parts.push(`括号是半角，应为全角“（）”`);
  const value = match ? fromChineseNumeral(isSection ? match[1]! : match[2]!) : undefined;
  if (value !== undefined && value !== position + 1) {
    const where = isSection ? `第${position + 1}部分` : `本部分第${position + 1}项`;
    const previous = isSection ? report.sections[position - 1]?.heading : report.sections[location.sectionIndex ?? 0]?.items[position - 1]?.heading;
    const previousValue = previous ? fromChineseNumeral((isSection ? LEVEL_1.exec(previous)?.[1] : LEVEL_2.exec(previous)?.[2]) ?? "") : undefined;
    const kind = value === position || value === previousValue ? "与上一个序号重复" : value > position + 1 ? `跳过了“${expected}”` : "顺序错乱";
    parts.push(`这是${where}，应为“${expected}”（${kind}）`);
  } else if (!match) {
    parts.push(`此处应为“${expected}”一级的序号`);
  }
  return parts.length > 0 ? `${parts.join("；")}。` : "";
}

/** Rule 3 (headings): headings carry no typed numeral (the exporter numbers them), in sequence, and no orphaned "、". */
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
        const note = sequenceNote(location, numeral, report);
        findings.push({
          ruleId: RULE_ID,
          severity: "warning",
          message: `标题开头手工输入了序号“${numeral}”。${note}导出时会自动编号，保留它会出现重复序号，请删除。`,
          location: withRange(location, 0, typed[0].length),
          fix: replaceFix(`删除“${numeral}”（自动编号）`, location, 0, typed[0].length, ""),
        });
        continue;
      }
      const lost = LOST_NUMERAL.exec(text);
      if (lost && lost[0].length < text.length) {
        const isSection = location.field === "sectionHeading";
        const expected = headingPrefix(isSection ? 1 : 2, ((isSection ? location.sectionIndex : location.itemIndex) ?? 0) + 1);
        findings.push({
          ruleId: RULE_ID,
          severity: "warning",
          message: `标题以“${lost[0].trim()}”开头，序号可能在编辑中丢失（此处应为“${expected}”）。序号由系统自动生成，请删除多余的“${lost[0].trim()}”。`,
          location: withRange(location, 0, lost[0].length),
          fix: replaceFix(`删除“${lost[0].trim()}”（自动编号）`, location, 0, lost[0].length, ""),
        });
      }
    }
    return findings;
  },
};
