import type { Report, ReportLocation } from "@/lib/report-model";

import { withRange } from "../finding";
import { splitParagraphs } from "../text/paragraphs";
import { listFieldTexts } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "punctuation-pairs";
const CLOSER_OF: Record<string, string> = { "“": "”", "《": "》", "（": "）", "【": "】", "‘": "’", "〔": "〕" };
const OPENER_OF: Record<string, string> = Object.fromEntries(Object.entries(CLOSER_OF).map(([open, close]) => [close, open]));
/** Most characters are no paired mark: a code lookup skips them without building a string per character. */
const PAIR_CODES = new Set([...Object.keys(CLOSER_OF), ...Object.keys(OPENER_OF)].map((char) => char.charCodeAt(0)));

function unpaired(location: ReportLocation, at: number, char: string): Finding {
  const isOpener = char in CLOSER_OF;
  const partner = isOpener ? CLOSER_OF[char] : OPENER_OF[char];
  return {
    ruleId: RULE_ID,
    severity: "warning",
    message: isOpener ? `“${char}”没有对应的“${partner}”，请补全或删除。` : `“${char}”前面没有对应的“${partner}”，请补全或删除。`,
    location: withRange(location, at, at + 1),
  };
}

// Counting open marks per kind keeps hostile input ("《《《…》》") linear.
function checkParagraph(location: ReportLocation, text: string, offset: number): Finding[] {
  const findings: Finding[] = [];
  const stack: Array<{ char: string; at: number }> = [];
  const openCount = new Map<string, number>();
  for (let index = 0; index < text.length; index += 1) {
    if (!PAIR_CODES.has(text.charCodeAt(index))) continue;
    const char = text[index]!;
    if (char in CLOSER_OF) {
      stack.push({ char, at: offset + index });
      openCount.set(char, (openCount.get(char) ?? 0) + 1);
    } else if (char in OPENER_OF) {
      const opener = OPENER_OF[char]!;
      if (!openCount.get(opener)) {
        findings.push(unpaired(location, offset + index, char));
        continue;
      }
      for (let entry = stack.pop(); entry; entry = stack.pop()) {
        openCount.set(entry.char, openCount.get(entry.char)! - 1);
        if (entry.char === opener) break;
        findings.push(unpaired(location, entry.at, entry.char));
      }
    }
  }
  for (const entry of stack) findings.push(unpaired(location, entry.at, entry.char));
  return findings;
}

/** Rule 5 (pairs): “” 《》 （） 【】 ‘’ 〔〕 are closed within their paragraph. */
export const punctuationPairsRule: Rule = {
  id: RULE_ID,
  title: "成对标点",
  check(report: Report): Finding[] {
    return listFieldTexts(report).flatMap(({ location, text }) =>
      splitParagraphs(text).flatMap((paragraph) => checkParagraph(location, paragraph.text, paragraph.from)),
    );
  },
};
