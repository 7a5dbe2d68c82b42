import type { Report, ReportLocation } from "@/lib/report-model";

import { replaceFix, withRange } from "../finding";
import { LEVEL3_PREFIX, LEVEL4_PREFIX } from "../text/numbering";
import { splitParagraphs } from "../text/paragraphs";
import { listProseFields } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "paragraph-numbering";

interface Numbered {
  value: number;
  from: number;
  to: number;
  label: string;
}

function orderFinding(location: ReportLocation, current: Numbered, previous: Numbered | undefined, first: string): Finding | undefined {
  const at = withRange(location, current.from, current.to);
  const make = (message: string): Finding => ({ ruleId: RULE_ID, severity: "warning", message, location: at });
  if (!previous) return current.value === 1 ? undefined : make(`本项第一个序号是“${current.label}”，应从“${first}”开始。`);
  if (current.value === previous.value + 1) return undefined;
  if (current.value === previous.value) return make(`序号“${current.label}”与上一段重复。`);
  if (current.value > previous.value + 1) {
    const missing = first.replace("1", String(previous.value + 1));
    return make(`序号从“${previous.label}”跳到“${current.label}”，中间缺少“${missing}”。`);
  }
  return make(`序号“${current.label}”出现在“${previous.label}”之后，顺序错乱。`);
}

function checkField(location: ReportLocation, text: string, isDotUsed: boolean): Finding[] {
  const findings: Finding[] = [];
  let level3: Numbered | undefined;
  let level4: Numbered | undefined;
  for (const paragraph of splitParagraphs(text)) {
    const match3 = LEVEL3_PREFIX.exec(paragraph.text);
    const match4 = match3 ? null : LEVEL4_PREFIX.exec(paragraph.text);
    if (match3) {
      const digits = match3[1]!;
      const separator = match3[2]!;
      const from = paragraph.from + match3[0].indexOf(digits);
      const current = { value: Number(digits), from, to: from + digits.length + 1, label: `${digits}${separator}` };
      const finding = orderFinding(location, current, level3, "1.");
      if (finding) findings.push(finding);
      if (separator === "、") {
        findings.push({
          ruleId: RULE_ID,
          severity: isDotUsed ? "warning" : "info",
          message: isDotUsed
            ? `三级序号混用了“${digits}、”和“${digits}.”两种写法，应统一为“${digits}.”。`
            : `三级序号应写作“${digits}.”（阿拉伯数字加下脚点），不用“${digits}、”。`,
          location: withRange(location, current.from, current.to),
          fix: replaceFix(`改为“${digits}.”`, location, current.to - 1, current.to, "."),
        });
      }
      level3 = current;
      level4 = undefined;
    } else if (match4) {
      const digits = match4[1]!;
      const from = paragraph.from + match4[0].indexOf(match4[0].trim());
      const current = { value: Number(digits), from, to: from + match4[0].trim().length, label: `（${digits}）` };
      if (!level3 && !level4) {
        findings.push({
          ruleId: RULE_ID,
          severity: "warning",
          message: `“（${digits}）”前没有“1.”一级，跳过了一个层级。公文序号依次为“一、”“（一）”“1.”“（1）”。`,
          location: withRange(location, current.from, current.to),
        });
      } else {
        const finding = orderFinding(location, current, level4, "（1）");
        if (finding) findings.push(finding);
      }
      level4 = current;
    } else if (/^\s*[、．]/.test(paragraph.text) && paragraph.text.trim().length > 1) {
      const from = paragraph.from + paragraph.text.indexOf(paragraph.text.trim());
      findings.push({
        ruleId: RULE_ID,
        severity: "warning",
        message: `本段以“${paragraph.text.trim()[0]}”开头，序号可能在编辑中丢失，请补全序号。`,
        location: withRange(location, from, from + 1),
      });
    }
  }
  return findings;
}

function usesDotForm(text: string): boolean {
  return splitParagraphs(text).some((paragraph) => {
    const match = LEVEL3_PREFIX.exec(paragraph.text);
    return match !== null && match[2] !== "、";
  });
}

/** Rule 3 (paragraphs): "1." and "（1）" paragraphs run in order, with no skipped level and one form of "1.". */
export const paragraphNumberingRule: Rule = {
  id: RULE_ID,
  title: "段落序号",
  check(report: Report): Finding[] {
    const fields = listProseFields(report);
    const isDotUsed = fields.some(({ text }) => usesDotForm(text));
    return fields.flatMap(({ location, text }) => checkField(location, text, isDotUsed));
  },
};
