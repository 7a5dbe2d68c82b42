import type { Report, ReportLocation } from "@/lib/report-model";

import { replaceFix, withRange } from "../finding";
import { overlapsAny, pendingRanges } from "../text/pending-ranges";
import { listFieldTexts } from "../text/report-fields";
import { enclosedRanges, isInRanges } from "../text/spans";
import type { Finding, Rule } from "../types";

const RULE_ID = "report-year";
const YEAR = /(?<![\d０-９A-Za-z])((?:19|20)\d{2})(?=\s*年)/g;
const RANGE_BEFORE = /(?:\d|年)\s*[—－\-~～至到]\s*$/;
const RANGE_AFTER = /^\s*年?\s*[—－\-~～至到]\s*(?:19|20)\d{2}/;

export interface YearToken {
  value: number;
  from: number;
  to: number;
}

// Years in 《document titles》 and ranges ("2021—2025年") name other things than the reporting period.
export function yearTokens(text: string): YearToken[] {
  const titles = enclosedRanges(text, "《", "》");
  const tokens: YearToken[] = [];
  for (const match of text.matchAll(YEAR)) {
    const from = match.index;
    const to = from + match[0].length;
    if (isInRanges(titles, from)) continue;
    if (RANGE_BEFORE.test(text.slice(Math.max(0, from - 3), from)) || RANGE_AFTER.test(text.slice(to, to + 8))) continue;
    tokens.push({ value: Number(match[1]), from, to });
  }
  return tokens;
}

function headingFinding(location: ReportLocation, token: YearToken, expected: number, isPlan: boolean): Finding {
  const message = isPlan
    ? `“下一年度主要安排”应写${expected}年的安排，标题中却是“${token.value}年”。`
    : `标题中的“${token.value}年”与报告年度（${expected}年）不一致，可能是沿用往年报告时未更新。`;
  return {
    ruleId: RULE_ID,
    severity: "error",
    message,
    location: withRange(location, token.from, token.to),
    fix: replaceFix(`改为“${expected}”`, location, token.from, token.to, String(expected)),
  };
}

/** Comparisons and spans that name an earlier year on purpose: 较2023年, 自2020年以来, 2020年起. */
const REFERENCE_BEFORE = /(?:自|从|较|比|同比|与|和|相比|对比|对照|回顾|继)\s*$/;
const REFERENCE_AFTER = /^\s*(?:年)?(?:以来|来|起|至今|开始|以后|之后|相比|同期|同比)/;
/** A task done this year on an earlier year's data or report ("完成2023年度法治政府建设情况报告的公开"). */
const EARLIER_YEAR_TASK = /^\s*年度?[^。；，]{0,16}(?:报告|数据|统计|年报|决算|述法|考核结果|考评结果|审计)/;

export function isDeliberateReference(text: string, token: YearToken): boolean {
  return (
    REFERENCE_BEFORE.test(text.slice(Math.max(0, token.from - 4), token.from)) ||
    REFERENCE_AFTER.test(text.slice(token.to, token.to + 6)) ||
    EARLIER_YEAR_TASK.test(text.slice(token.to, token.to + 24))
  );
}

function proseFinding(location: ReportLocation, token: YearToken, year: number): Finding {
  const isLastYear = token.value === year - 1;
  return {
    ruleId: RULE_ID,
    severity: isLastYear ? "warning" : "info",
    message: isLastYear
      ? `文中“${token.value}年”是上一年度。本报告是${year}年度报告，如系沿用上年报告未更新的内容，请改为本年度情况；如确指${token.value}年，可忽略。`
      : `文中“${token.value}年”既不是报告年度（${year}年），也不是下一年度，请核对是否为沿用往年报告的内容。`,
    location: withRange(location, token.from, token.to),
  };
}

/** Rule 4: title and headings name the report year, the plan part names the next year, stray years are flagged. */
export const reportYearRule: Rule = {
  id: RULE_ID,
  title: "年度一致",
  check(report: Report): Finding[] {
    const { year } = report.meta;
    const findings: Finding[] = [];
    for (const { location, text } of listFieldTexts(report)) {
      const tokens = yearTokens(text);
      const isPlan = location.sectionKind === "next_year";
      switch (location.field) {
        case "title":
          if (text.trim() && tokens.length === 0 && !text.includes(String(year))) {
            findings.push({
              ruleId: RULE_ID,
              severity: "warning",
              message: `标题中没有写明年度，建议写作“……关于${year}年度法治政府建设情况的报告”。`,
              location,
            });
          }
          for (const token of tokens) if (token.value !== year) findings.push(headingFinding(location, token, year, false));
          break;
        case "sectionHeading":
        case "itemHeading": {
          const expected = isPlan ? year + 1 : year;
          // 问题和整改措施 and 其他 headings may look ahead to next year; 举措 and 第一责任人 report on this year.
          const isAheadAllowed = location.sectionKind === "problems" || location.sectionKind === "other";
          for (const token of tokens) {
            if (token.value === expected || (isAheadAllowed && token.value === year + 1)) continue;
            findings.push(headingFinding(location, token, expected, isPlan));
          }
          break;
        }
        case "lead":
        case "body": {
          let marked: Array<[number, number]> | undefined;
          for (const token of tokens) {
            if (token.value === year || token.value === year + 1 || isDeliberateReference(text, token)) continue;
            // A year roll-forward marked 待更新 is reported once, by pending-updates.
            marked ??= pendingRanges(report, location, text);
            if (!overlapsAny(marked, token.from, token.to)) findings.push(proseFinding(location, token, year));
          }
          break;
        }
        default:
          break;
      }
    }
    return findings;
  },
};
