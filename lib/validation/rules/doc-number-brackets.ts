import type { Report } from "@/lib/report-model";
import { toHalfWidthDigits } from "@/lib/report-model/half-width-digits";

import { textEdit, withRange } from "../finding";
import { HAN } from "../text/chars";
import { listFieldTexts } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "doc-number-brackets";
const DIGIT = "0-9０-９";
// 机关代字, the year in any bracket, then the serial with what real files add to it (第, 虚位, spaces, full-width digits).
const DOC_NUMBER = new RegExp(`([${HAN}]{1,12})([\\[【(（［〔])([12１２][${DIGIT}]{3})([\\]】)）］〕])(\\s*(第?)\\s*([${DIGIT}]{1,4})\\s*号)`, "g");

/**
 * Rule 5 (文号, GB/T 9704 7.2.4): the year in full in 六角括号 〔〕; year and serial in Arabic digits; the serial
 * without 第 and without leading zeros (1, not 01). One finding per 文号 naming each fault, with one fix. A space
 * alone is not reported (web copies of reports add them), but the fix of another fault takes it out.
 */
export const docNumberBracketsRule: Rule = {
  id: RULE_ID,
  title: "文号格式",
  check(report: Report): Finding[] {
    const findings: Finding[] = [];
    for (const { location, text } of listFieldTexts(report)) {
      for (const match of text.matchAll(DOC_NUMBER)) {
        const [whole, prefix, openBracket, year, closeBracket, , ordinal, serialDigits] = match as unknown as string[];
        const asciiYear = toHalfWidthDigits(year!);
        const asciiSerial = toHalfWidthDigits(serialDigits!);
        if (!/^(19|20)\d{2}$/.test(asciiYear) || /^0+$/.test(asciiSerial)) continue;
        const serial = asciiSerial.replace(/^0+/, "");
        const isBracketWrong = openBracket !== "〔" || closeBracket !== "〕";
        const faults = [
          isBracketWrong ? "年份应使用六角括号“〔〕”" : "",
          asciiYear !== year || asciiSerial !== serialDigits ? "年份和发文顺序号应使用阿拉伯数字（半角）" : "",
          ordinal ? "发文顺序号不加“第”字" : "",
          serial !== asciiSerial ? "发文顺序号不编虚位（1不编为01）" : "",
        ].filter(Boolean);
        if (faults.length === 0) continue;
        const open = match.index + prefix!.length;
        const end = match.index + whole!.length;
        const corrected = `〔${asciiYear}〕${serial}号`;
        // The range shows the bracketed year when that is wrong (what a reader sees first), else the serial.
        const [from, to] = isBracketWrong || asciiYear !== year ? [open, open + 2 + year!.length] : [open + 2 + year!.length, end];
        findings.push({
          ruleId: RULE_ID,
          severity: "warning",
          message: `文号“${whole}”中${faults.join("，")}，应写作“${prefix}${corrected}”。`,
          location: withRange(location, from, to),
          fix: { label: isBracketWrong && faults.length === 1 ? "改为六角括号" : "按标准改写文号", edits: [textEdit(location, open, end, corrected)] },
        });
      }
    }
    return findings;
  },
};
