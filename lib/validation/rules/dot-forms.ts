import type { Report, ReportLocation } from "@/lib/report-model";

import { replaceFix, withRange } from "../finding";
import { listFieldTexts } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "dot-forms";
/** Full stops and look-alike dots used where a day name needs the middle dot "·" (U+00B7). */
const WRONG_DOT = "[.．˙•‧・∙⋅]";
/** Inside quotes a full stop "。" (a web copy's repair of "12.4") is wrong too. */
const QUOTED_WRONG_DOT = "[.．˙•‧・∙⋅。]";
const ANY_DOT = "[.．˙•‧・∙⋅·。]";
/** Day names that follow a month·day figure ("12·4"国家宪法日, "5·22"国际生物多样性日). */
const DAY_NAMES = "国家宪法日|宪法日|宪法宣传|国际|全国|世界|消费者权益|安全教育日|防灾减灾|禁毒日|法治宣传|活动|主题|宣传日|宣传周|纪念日";
/** Month·day inside quotes, or bare before a day name: 12.4 → 12·4, 5˙22 → 5·22. */
const DATE_DOT = new RegExp(`(?<=“)(\\d{1,2})${QUOTED_WRONG_DOT}(\\d{1,2})(?=”)|(?<![\\d.．])(\\d{1,2})${WRONG_DOT}(\\d{1,2})(?=”?\\s*(?:${DAY_NAMES}))`, "gu");
/** Chinese-numeral abbreviations take no dot at all: 六.五 → 六五, 七·五 → 七五, 十四.五 → 十四五. */
const NUMERAL_DOT = new RegExp(
  `(十?[一二三四五六七八九十])${ANY_DOT}([一二三四五六七八九十])(?=”?\\s*(?:普法|环境日|规划|时期|期间|计划|以来|法治宣传)|”)`,
  "gu",
);

function isMonthDay(month: string, day: string): boolean {
  return Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= 31;
}

function checkField(location: ReportLocation, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(DATE_DOT)) {
    const month = match[1] ?? match[3]!;
    const day = match[2] ?? match[4]!;
    if (!isMonthDay(month, day)) continue;
    const from = match.index;
    const dot = from + month.length;
    findings.push({
      ruleId: RULE_ID,
      severity: "warning",
      message: `“${match[0]}”表示日期的节日名称应使用间隔号，写作“${month}·${day}”。`,
      location: withRange(location, from, from + match[0].length),
      fix: replaceFix(`改为“${month}·${day}”`, location, dot, dot + 1, "·"),
    });
  }
  for (const match of text.matchAll(NUMERAL_DOT)) {
    const from = match.index;
    const dot = from + match[1]!.length;
    const right = `${match[1]}${match[2]}`;
    findings.push({
      ruleId: RULE_ID,
      severity: "warning",
      message: `“${match[0]}”中间不加点，应写作“${right}”。`,
      location: withRange(location, from, from + match[0].length),
      fix: replaceFix(`改为“${right}”`, location, dot, dot + 1, ""),
    });
  }
  return findings;
}

/** Proofreading: dots in day names and plan abbreviations (“12·4”, “六五”, not 12.4 / 六.五 / 5˙22). */
export const dotFormsRule: Rule = {
  id: RULE_ID,
  title: "间隔号与数字简称",
  check(report: Report): Finding[] {
    return listFieldTexts(report).flatMap(({ location, text }) => checkField(location, text));
  },
};
