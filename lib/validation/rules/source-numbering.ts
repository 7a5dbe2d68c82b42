import { fromChineseNumeral, headingPrefix, type Report } from "@/lib/report-model";

import { quoted } from "../text/chars";
import type { Finding, Rule, ValidationContext } from "../types";

const RULE_ID = "source-numbering";
const LEVEL_1 = /^\s*([一二三四五六七八九十]{1,3})\s*([、，,．.])/;
const LOST_1 = /^\s*、/;
const LEVEL_2 = /^\s*([（(])\s*([一二三四五六七八九十]{1,3})\s*([）)])/;

interface Typed {
  value: number;
  shown: string;
  problems: string[];
}

function sequenceProblem(value: number, expected: number, previous: number | undefined, expectedLabel: string): string | undefined {
  if (value === expected) return undefined;
  if (previous !== undefined && value === previous) return `与上一个序号重复，应为${quoted(expectedLabel)}`;
  if (value > expected) return `跳过了${quoted(expectedLabel)}`;
  return `顺序错乱，应为${quoted(expectedLabel)}`;
}

function partNumeral(line: string, expected: number, previous: number | undefined): Typed | undefined {
  const label = headingPrefix(1, expected);
  if (LOST_1.test(line)) return { value: 0, shown: "、", problems: [`缺少序号，应为${quoted(label)}`] };
  const match = LEVEL_1.exec(line);
  if (!match) return undefined;
  const value = fromChineseNumeral(match[1]!) ?? 0;
  const problems: string[] = [];
  const order = sequenceProblem(value, expected, previous, label);
  if (order) problems.push(order);
  if (match[2] !== "、") problems.push(`序号后应为顿号“、”，不用${quoted(match[2]!)}`);
  return { value, shown: match[0].trim(), problems };
}

function itemNumeral(line: string, expected: number, previous: number | undefined): Typed | undefined {
  const match = LEVEL_2.exec(line);
  if (!match) return undefined;
  const value = fromChineseNumeral(match[2]!) ?? 0;
  const problems: string[] = [];
  const order = sequenceProblem(value, expected, previous, headingPrefix(2, expected));
  if (order) problems.push(order);
  if (match[1] === "(" || match[3] === ")") problems.push("括号是半角，应为全角“（）”");
  return { value, shown: match[0].trim(), problems };
}

function message(shown: string, line: string, problems: string[], printed: string): string {
  const heading = `原文件中的标题${quoted(line.trim().slice(0, 30))}`;
  const what = shown === "、" ? `${heading}${problems.join("；")}` : `${heading}的序号${quoted(shown)}${problems.join("；")}`;
  return `${what}。报告中已按位置自动编号为${quoted(printed)}，请同时改正原文件。`;
}

/**
 * Numbering of an imported file's part and item headings as the official typed them: skipped, repeated or
 * out-of-order numerals, a lost numeral ("、存在问题"), half-width brackets. The report itself numbers them
 * automatically, so the finding names the file's heading and the numeral it prints instead.
 */
export const sourceNumberingRule: Rule = {
  id: RULE_ID,
  title: "原文件标题序号",
  check(report: Report, context: ValidationContext): Finding[] {
    const sources = context.sourceHeadings;
    if (!sources) return [];
    const findings: Finding[] = [];
    let partNumber = 0;
    let previousPart: number | undefined;
    report.sections.forEach((section, sectionIndex) => {
      const base = { sectionId: section.id, sectionKind: section.kind, sectionIndex };
      const source = sources[sectionIndex];
      if (section.heading.trim()) partNumber += 1;
      const line = source?.heading;
      // A combined "存在问题和下一步" part split in two shares one source line: judge it once.
      const isSameLineAsBefore = sectionIndex > 0 && line !== undefined && line === sources[sectionIndex - 1]?.heading;
      if (line && !isSameLineAsBefore) {
        const typed = partNumeral(line, partNumber, previousPart);
        if (typed) {
          if (typed.problems.length > 0) {
            findings.push({
              ruleId: RULE_ID,
              severity: "warning",
              message: message(typed.shown, line, typed.problems, headingPrefix(1, partNumber)),
              location: { field: "sectionHeading", ...base },
            });
          }
          previousPart = typed.value || previousPart;
        }
      }
      let itemNumber = 0;
      let previousItem: number | undefined;
      section.items.forEach((item, itemIndex) => {
        if (item.heading.trim()) itemNumber += 1;
        const itemLine = source?.items[itemIndex];
        if (!itemLine) return;
        const typed = itemNumeral(itemLine, itemNumber, previousItem);
        if (!typed) return;
        previousItem = typed.value;
        if (typed.problems.length === 0) return;
        findings.push({
          ruleId: RULE_ID,
          severity: "warning",
          message: message(typed.shown, itemLine, typed.problems, headingPrefix(2, itemNumber)),
          location: { field: "itemHeading", ...base, itemId: item.id, itemIndex },
        });
      });
    });
    return findings;
  },
};
