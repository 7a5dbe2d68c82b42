import type { Report } from "@/lib/report-model";

import { replaceFix, withRange } from "../finding";
import { listFieldTexts } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "personal-data";
const ID_CARD = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CODES = "10X98765432";

/** GB 11643 checksum plus a plausible birth date, so ordinary 18-digit numbers are not flagged. */
export function isChineseIdNumber(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(value[index]), 0);
  if (CHECK_CODES[sum % 11] !== value[17]!.toUpperCase()) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2100 && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
}

function mask(value: string, keepStart: number, keepEnd: number): string {
  return value.slice(0, keepStart) + value.slice(keepStart, value.length - keepEnd).replace(/\d/g, "*") + value.slice(value.length - keepEnd);
}

/** Rule 8: a report to be published shows no ID-card or mobile number. */
export const personalDataRule: Rule = {
  id: RULE_ID,
  title: "公开文本不含个人信息",
  check(report: Report): Finding[] {
    if (!report.meta.isPublic) return [];
    const findings: Finding[] = [];
    for (const { location, text } of listFieldTexts(report)) {
      for (const match of text.matchAll(ID_CARD)) {
        if (!isChineseIdNumber(match[0])) continue;
        const to = match.index + match[0].length;
        findings.push({
          ruleId: RULE_ID,
          severity: "error",
          message: "文中含有居民身份证号码。报告将向社会公开，不得公开个人身份信息，请删除或隐去。",
          location: withRange(location, match.index, to),
          fix: replaceFix("隐去号码", location, match.index, to, mask(match[0], 6, 4)),
        });
      }
      for (const match of text.matchAll(MOBILE)) {
        const to = match.index + match[0].length;
        findings.push({
          ruleId: RULE_ID,
          severity: "error",
          message: "文中含有手机号码。报告将向社会公开，不得公开个人联系方式，请删除或改为单位公开电话。",
          location: withRange(location, match.index, to),
          fix: replaceFix("隐去号码", location, match.index, to, mask(match[0], 3, 4)),
        });
      }
    }
    return findings;
  },
};
