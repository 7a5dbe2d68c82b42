import { fromChineseNumeral, headingPrefix, type ImportedNumbering, type Report } from "@/lib/report-model";

import { quoted } from "../text/chars";
import type { Finding, Rule, SourceHeadings, ValidationContext } from "../types";

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

/** A heading whose typed numeral is wrong, by section and item index, with what its place called for. */
interface Misnumbered extends ImportedNumbering {
  sectionIndex: number;
  itemIndex?: number;
  typed: Typed;
  /** The numeral the report prints at this place. */
  printed: string;
}

/** Every part and item heading of the imported file whose numeral is wrong, judged by its place in the file. */
function judgeSourceHeadings(report: Report, sources: ReadonlyArray<SourceHeadings>): Misnumbered[] {
  const found: Misnumbered[] = [];
  let partNumber = 0;
  let previousPart: number | undefined;
  report.sections.forEach((section, sectionIndex) => {
    const source = sources[sectionIndex];
    if (section.heading.trim()) partNumber += 1;
    const line = source?.heading;
    // A combined "存在问题和下一步" part split in two shares one source line: judge it once.
    const isSameLineAsBefore = sectionIndex > 0 && line !== undefined && line === sources[sectionIndex - 1]?.heading;
    if (line && !isSameLineAsBefore) {
      const typed = partNumeral(line, partNumber, previousPart);
      if (typed) {
        if (typed.problems.length > 0) {
          const previous = previousPart === undefined ? {} : { previous: previousPart };
          found.push({ sectionIndex, line, expected: Math.max(1, partNumber), ...previous, typed, printed: headingPrefix(1, partNumber) });
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
      const previous = previousItem === undefined ? {} : { previous: previousItem };
      previousItem = typed.value;
      if (typed.problems.length === 0) return;
      found.push({ sectionIndex, itemIndex, line: itemLine, expected: Math.max(1, itemNumber), ...previous, typed, printed: headingPrefix(2, itemNumber) });
    });
  });
  return found;
}

/**
 * The report with each wrongly numbered heading of the imported file recorded on its part or item
 * (`importedNumbering`), so the editor keeps reporting it after the import is stored. Call with the import's
 * `sourceHeadings` for the same report.
 */
export function recordImportedNumbering(report: Report, sources: ReadonlyArray<SourceHeadings>): Report {
  const found = judgeSourceHeadings(report, sources);
  if (found.length === 0) return report;
  const next = structuredClone(report);
  for (const { sectionIndex, itemIndex, line, expected, previous } of found) {
    const record: ImportedNumbering = { line: line.slice(0, 300), expected, ...(previous === undefined ? {} : { previous }) };
    const section = next.sections[sectionIndex]!;
    if (itemIndex === undefined) section.importedNumbering = record;
    else section.items[itemIndex]!.importedNumbering = record;
  }
  return next;
}

/** The records a stored import kept, judged again, with the numeral each heading's current place prints. */
function recordedMisnumbering(report: Report): Finding[] {
  const findings: Finding[] = [];
  let partNumber = 0;
  report.sections.forEach((section, sectionIndex) => {
    const base = { sectionId: section.id, sectionKind: section.kind, sectionIndex };
    if (section.heading.trim()) partNumber += 1;
    const own = section.importedNumbering;
    const typed = own && partNumeral(own.line, own.expected, own.previous);
    if (own && typed && typed.problems.length > 0) {
      findings.push({
        ruleId: RULE_ID,
        severity: "warning",
        message: message(typed.shown, own.line, typed.problems, headingPrefix(1, Math.max(1, partNumber))),
        location: { field: "sectionHeading", ...base },
        fix: { label: "知道了，以报告编号为准", edits: [], acknowledgeImportedNumbering: { sectionId: section.id } },
      });
    }
    let itemNumber = 0;
    section.items.forEach((item, itemIndex) => {
      if (item.heading.trim()) itemNumber += 1;
      const record = item.importedNumbering;
      const typedItem = record && itemNumeral(record.line, record.expected, record.previous);
      if (!record || !typedItem || typedItem.problems.length === 0) return;
      findings.push({
        ruleId: RULE_ID,
        severity: "warning",
        message: message(typedItem.shown, record.line, typedItem.problems, headingPrefix(2, Math.max(1, itemNumber))),
        location: { field: "itemHeading", ...base, itemId: item.id, itemIndex },
        fix: { label: "知道了，以报告编号为准", edits: [], acknowledgeImportedNumbering: { sectionId: section.id, itemId: item.id } },
      });
    });
  });
  return findings;
}

/**
 * Numbering of an imported file's part and item headings as the official typed them: skipped, repeated or
 * out-of-order numerals, a lost numeral ("、存在问题"), half-width brackets. The report itself numbers them
 * automatically, so the finding names the file's heading and the numeral it prints instead. Judged on the
 * file's `sourceHeadings` right after an import (`validate` on a file), and on the records a stored import
 * kept (`importedNumbering`) in the editor, where the official acknowledges each once the file is mended.
 */
export const sourceNumberingRule: Rule = {
  id: RULE_ID,
  title: "原文件标题序号",
  check(report: Report, context: ValidationContext): Finding[] {
    const sources = context.sourceHeadings;
    if (!sources) return recordedMisnumbering(report);
    return judgeSourceHeadings(report, sources).map(({ sectionIndex, itemIndex, line, typed, printed }): Finding => {
      const section = report.sections[sectionIndex]!;
      const base = { sectionId: section.id, sectionKind: section.kind, sectionIndex };
      const location =
        itemIndex === undefined
          ? { field: "sectionHeading" as const, ...base }
          : { field: "itemHeading" as const, ...base, itemId: section.items[itemIndex]!.id, itemIndex };
      return { ruleId: RULE_ID, severity: "warning", message: message(typed.shown, line, typed.problems, printed), location };
    });
  },
};
