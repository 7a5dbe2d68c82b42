import { fromChineseNumeral, toChineseNumeral, type Report, type ReportLocation } from "@/lib/report-model";

import { replaceFix, withRange } from "../finding";
import { LEVEL3_PREFIX, LEVEL4_PREFIX } from "../text/numbering";
import { splitParagraphs } from "../text/paragraphs";
import { listProseFields } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "paragraph-numbering";
/** Level 2 "（一）" (also half-width "(一)") at the start of a paragraph. */
const LEVEL2_PREFIX = /^\s*([（(])([一二三四五六七八九十]{1,3})([）)])\s*/;
/** Level 1 "二、" heading-like paragraph inside a body: a part heading that did not become a part. */
const LEVEL1_HEADING = /^\s*([一二三四五六七八九十]{1,3})、(?=\S)/;

interface Numbered {
  value: number;
  from: number;
  to: number;
  label: string;
  /** Offsets of the numeral's digits, for a fix that renumbers. */
  valueFrom: number;
  valueTo: number;
}

type Level = "level2" | "level3" | "level4";
const FORMAT: Record<Level, (value: number) => string> = {
  level2: (value) => `（${toChineseNumeral(value)}）`,
  level3: (value) => `${value}.`,
  level4: (value) => `（${value}）`,
};
const VALUE_TEXT: Record<Level, (value: number) => string> = {
  level2: (value) => toChineseNumeral(value),
  level3: (value) => String(value),
  level4: (value) => String(value),
};

function orderFinding(location: ReportLocation, level: Level, current: Numbered, previous: Numbered | undefined): Finding | undefined {
  const expectedValue = previous ? previous.value + 1 : 1;
  if (current.value === expectedValue) return undefined;
  const expected = FORMAT[level](expectedValue);
  let message: string;
  if (!previous) message = `本项第一个序号是“${current.label}”，应从“${expected}”开始。`;
  else if (current.value === previous.value) message = `序号“${current.label}”与上一段重复，此处应为“${expected}”。`;
  else if (current.value > previous.value + 1) message = `序号从“${previous.label}”跳到“${current.label}”，中间缺少“${expected}”。`;
  else message = `序号“${current.label}”出现在“${previous.label}”之后，顺序错乱，此处应为“${expected}”。`;
  return {
    ruleId: RULE_ID,
    severity: "warning",
    message,
    location: withRange(location, current.from, current.to),
    fix: replaceFix(`改为“${expected}”`, location, current.valueFrom, current.valueTo, VALUE_TEXT[level](expectedValue)),
  };
}

function checkField(location: ReportLocation, text: string, isDotUsed: boolean): Finding[] {
  const findings: Finding[] = [];
  const last: Record<Level, Numbered | undefined> = { level2: undefined, level3: undefined, level4: undefined };
  for (const paragraph of splitParagraphs(text)) {
    const match2 = LEVEL2_PREFIX.exec(paragraph.text);
    const match3 = match2 ? null : LEVEL3_PREFIX.exec(paragraph.text);
    const match4 = match2 || match3 ? null : LEVEL4_PREFIX.exec(paragraph.text);
    if (match2) {
      const numeral = match2[2]!;
      const from = paragraph.from + match2[0].indexOf(match2[1]!);
      const valueFrom = from + 1;
      const current = {
        value: fromChineseNumeral(numeral) ?? 0,
        from,
        to: valueFrom + numeral.length + 1,
        label: `${match2[1]}${numeral}${match2[3]}`,
        valueFrom,
        valueTo: valueFrom + numeral.length,
      };
      const finding = orderFinding(location, "level2", current, last.level2);
      if (finding) findings.push(finding);
      last.level2 = current;
      last.level3 = undefined;
      last.level4 = undefined;
    } else if (match3) {
      const digits = match3[1]!;
      const separator = match3[2]!;
      const from = paragraph.from + match3[0].indexOf(digits);
      const current = {
        value: Number(digits),
        from,
        to: from + digits.length + 1,
        label: `${digits}${separator}`,
        valueFrom: from,
        valueTo: from + digits.length,
      };
      const finding = orderFinding(location, "level3", current, last.level3);
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
      last.level3 = current;
      last.level4 = undefined;
    } else if (match4) {
      const digits = match4[1]!;
      const from = paragraph.from + match4[0].indexOf(match4[0].trim());
      const valueFrom = from + 1;
      const current = {
        value: Number(digits),
        from,
        to: from + match4[0].trim().length,
        label: `（${digits}）`,
        valueFrom,
        valueTo: valueFrom + digits.length,
      };
      if (!last.level3 && !last.level4) {
        findings.push({
          ruleId: RULE_ID,
          severity: "warning",
          message: `“（${digits}）”前没有“1.”一级，跳过了一个层级。公文序号依次为“一、”“（一）”“1.”“（1）”。`,
          location: withRange(location, current.from, current.to),
        });
      } else {
        const finding = orderFinding(location, "level4", current, last.level4);
        if (finding) findings.push(finding);
      }
      last.level4 = current;
    } else if (/^\s*[、．]/.test(paragraph.text) && paragraph.text.trim().length > 1) {
      const from = paragraph.from + paragraph.text.indexOf(paragraph.text.trim());
      findings.push({
        ruleId: RULE_ID,
        severity: "warning",
        message: `本段以“${paragraph.text.trim()[0]}”开头，序号可能在编辑中丢失，请补全序号。`,
        location: withRange(location, from, from + 1),
      });
    } else {
      const match1 = LEVEL1_HEADING.exec(paragraph.text);
      const rest = match1 ? paragraph.text.slice(match1[0].length).trim() : "";
      if (match1 && location.field !== "opening" && rest.length <= 40 && !/[。；！？]./.test(rest)) {
        const from = paragraph.from + paragraph.text.indexOf(match1[1]!);
        findings.push({
          ruleId: RULE_ID,
          severity: "warning",
          message: `正文中出现一级标题“${match1[1]}、${rest.replace(/[。：:]$/, "")}”，它没有成为单独的一部分（一级序号可能与上一部分重复或跳号）。请核对序号，并将它设为单独的一部分。`,
          location: withRange(location, from, from + match1[0].length),
        });
      }
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

/** Rule 3 (paragraphs): "（一）", "1." and "（1）" paragraphs run in order, with no skipped level and one form of "1.". */
export const paragraphNumberingRule: Rule = {
  id: RULE_ID,
  title: "段落序号",
  check(report: Report): Finding[] {
    const fields = listProseFields(report);
    const isDotUsed = fields.some(({ text }) => usesDotForm(text));
    return fields.flatMap(({ location, text }) => checkField(location, text, isDotUsed));
  },
};
