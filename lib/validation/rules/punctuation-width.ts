import type { Report, ReportLocation } from "@/lib/report-model";

import { textEdit, withRange } from "../finding";
import { isCjk, isHan } from "../text/chars";
import { listFieldTexts } from "../text/report-fields";
import type { Finding, Rule, TextEdit } from "../types";

const RULE_ID = "punctuation-width";
const CHINESE_NUMERAL = /^[一二三四五六七八九十]$/;
const FULL_WIDTH: Record<string, string> = { ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。" };
/** Past this many per field, the rest are reported together so the list stays readable. */
const MAX_SINGLE_FINDINGS = 10;

interface Occurrence {
  edits: Array<{ at: number; insert: string }>;
  shown: string;
}

function parenthesisOccurrences(text: string): Occurrence[] {
  const occurrences: Occurrence[] = [];
  const open: number[] = [];
  const near = (index: number) => isCjk(text[index - 1]) || isCjk(text[index + 1]);
  for (let index = 0; index < text.length; index += 1) {
    // Every mark handled here is ASCII: skip the rest without building a string per character.
    if (text.charCodeAt(index) > 127) continue;
    const char = text[index];
    if (char === "(") open.push(index);
    else if (char === ")") {
      const start = open.pop();
      if (start === undefined) {
        if (near(index)) occurrences.push({ edits: [{ at: index, insert: "）" }], shown: ")" });
      } else if (near(start) || near(index)) {
        occurrences.push({
          edits: [
            { at: start, insert: "（" },
            { at: index, insert: "）" },
          ],
          shown: "()",
        });
      }
    } else if (char === "\n") open.length = 0;
  }
  for (const start of open) if (near(start)) occurrences.push({ edits: [{ at: start, insert: "（" }], shown: "(" });
  return occurrences;
}

function markOccurrences(text: string): Occurrence[] {
  const occurrences: Occurrence[] = [];
  let quoteCount = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (text.charCodeAt(index) > 127) continue;
    const char = text[index]!;
    const before = text[index - 1];
    const after = text[index + 1];
    if (char === "\n") quoteCount = 0;
    else if (char === '"') {
      quoteCount += 1;
      if (isCjk(before) || isCjk(after)) occurrences.push({ edits: [{ at: index, insert: quoteCount % 2 === 1 ? "“" : "”" }], shown: '"' });
    } else if (char === ".") {
      // "六.五" is a plan abbreviation with a stray dot (dot-forms), not a sentence end.
      if (CHINESE_NUMERAL.test(before ?? "") && CHINESE_NUMERAL.test(after ?? "")) continue;
      if (isHan(before) && (after === undefined || after === "\n" || isCjk(after))) occurrences.push({ edits: [{ at: index, insert: "。" }], shown: "." });
    } else if (char in FULL_WIDTH && char !== "(" && char !== ")" && (isCjk(before) || isCjk(after))) {
      occurrences.push({ edits: [{ at: index, insert: FULL_WIDTH[char]! }], shown: char });
    }
  }
  return occurrences;
}

function toEdits(location: ReportLocation, occurrences: Occurrence[]): TextEdit[] {
  return occurrences.flatMap((occurrence) => occurrence.edits.map((edit) => textEdit(location, edit.at, edit.at + 1, edit.insert)));
}

function checkField(location: ReportLocation, text: string): Finding[] {
  const occurrences = [...markOccurrences(text), ...parenthesisOccurrences(text)].sort((left, right) => left.edits[0]!.at - right.edits[0]!.at);
  const findings: Finding[] = occurrences.slice(0, MAX_SINGLE_FINDINGS).map((occurrence) => {
    const first = occurrence.edits[0]!;
    const last = occurrence.edits[occurrence.edits.length - 1]!;
    const wide = occurrence.edits.map((edit) => edit.insert).join("");
    return {
      ruleId: RULE_ID,
      severity: "warning",
      message: `中文语句中使用了半角标点“${occurrence.shown}”，应使用全角“${wide}”。`,
      location: withRange(location, first.at, last.at + 1),
      fix: { label: `改为“${wide}”`, edits: toEdits(location, [occurrence]) },
    };
  });
  const rest = occurrences.slice(MAX_SINGLE_FINDINGS);
  if (rest.length > 0) {
    findings.push({
      ruleId: RULE_ID,
      severity: "warning",
      message: `此处另有${rest.length}处半角标点用在中文语句中，应统一改为全角标点。`,
      location: withRange(location, rest[0]!.edits[0]!.at, rest[rest.length - 1]!.edits.at(-1)!.at + 1),
      fix: { label: `全部改为全角（${rest.length}处）`, edits: toEdits(location, rest) },
    });
  }
  return findings;
}

/** Rule 5 (width): half-width , ; : ( ) ? ! . " inside Chinese text become full-width. */
export const punctuationWidthRule: Rule = {
  id: RULE_ID,
  title: "全角标点",
  check(report: Report): Finding[] {
    return listFieldTexts(report).flatMap(({ location, text }) => checkField(location, text));
  },
};
