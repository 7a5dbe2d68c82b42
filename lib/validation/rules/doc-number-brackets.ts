import type { Report } from "@/lib/report-model";

import { textEdit, withRange } from "../finding";
import { HAN } from "../text/chars";
import { listFieldTexts } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "doc-number-brackets";
const DOC_NUMBER = new RegExp(`([${HAN}]{1,12})([\\[【(（［])((?:19|20)\\d{2})([\\]】)）］])(\\s*\\d{1,4}\\s*号)`, "g");

/** Rule 5 (文号): the year of a document number sits in 六角括号 〔〕 (GB/T 9704). */
export const docNumberBracketsRule: Rule = {
  id: RULE_ID,
  title: "文号括号",
  check(report: Report): Finding[] {
    const findings: Finding[] = [];
    for (const { location, text } of listFieldTexts(report)) {
      for (const match of text.matchAll(DOC_NUMBER)) {
        const whole = match[0];
        const prefix = match[1]!;
        const year = match[3]!;
        const serial = match[5]!;
        const open = match.index + prefix.length;
        const close = open + 1 + year.length;
        const corrected = `${prefix}〔${year}〕${serial.replace(/\s+/g, "")}`;
        findings.push({
          ruleId: RULE_ID,
          severity: "warning",
          message: `文号“${whole}”中的年份应使用六角括号“〔〕”，写作“${corrected}”。`,
          location: withRange(location, open, close + 1),
          fix: { label: "改为六角括号", edits: [textEdit(location, open, open + 1, "〔"), textEdit(location, close, close + 1, "〕")] },
        });
      }
    }
    return findings;
  },
};
