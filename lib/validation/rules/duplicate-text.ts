import type { Report, ReportLocation } from "@/lib/report-model";

import { describeLocation } from "../describe-location";
import { replaceFix, withRange } from "../finding";
import { countCharacters, quote } from "../text/chars";
import { splitParagraphs } from "../text/paragraphs";
import { listProseFields } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "duplicate-text";
/** Paragraphs this long pasted twice are a slip; short ones ("无。") repeat legitimately. */
const MIN_PARAGRAPH = 20;
/** Sentences this long repeated within one item are a slip. */
const MIN_SENTENCE = 12;
const SENTENCE = /[^。！？；]*[。！？；]/g;

function normalize(text: string): string {
  return text.replace(/[\s\u3000]/g, "");
}

interface Seen {
  location: ReportLocation;
}

function paragraphFinding(report: Report, location: ReportLocation, text: string, from: number, to: number, first: Seen, isSameField: boolean): Finding {
  // Delete the paragraph together with one line break, so no empty paragraph is left behind.
  const deleteFrom = from > 0 ? from - 1 : from;
  const deleteTo = from > 0 ? to : Math.min(text.length, to + 1);
  const where = isSameField ? "本段上文" : describeLocation(report, first.location);
  return {
    ruleId: RULE_ID,
    severity: "warning",
    message: `这一段（“${quote(text.slice(from, to), 16)}”）与${where}中的一段完全相同，可能是重复粘贴。`,
    location: withRange(location, from, to),
    fix: replaceFix("删除重复的这一段", location, deleteFrom, deleteTo, ""),
  };
}

function sentenceFindings(location: ReportLocation, text: string, claimed: Array<[number, number]>): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(SENTENCE)) {
    const raw = match[0];
    if (raw.length < MIN_SENTENCE) continue;
    const lead = raw.length - raw.trimStart().length;
    const from = match.index + lead;
    const to = match.index + raw.length;
    const key = normalize(raw);
    if (countCharacters(key) < MIN_SENTENCE) continue;
    if (seen.has(key) && !claimed.some(([start, end]) => from >= start && to <= end)) {
      findings.push({
        ruleId: RULE_ID,
        severity: "warning",
        message: `“${quote(raw, 16)}”这句话在本段上文已经出现过，可能是重复录入。`,
        location: withRange(location, from, to),
        fix: replaceFix("删除重复的这句话", location, from, to, ""),
      });
    }
    seen.add(key);
  }
  return findings;
}

/** Proofreading: a paragraph pasted twice anywhere in the report, a sentence repeated within one item. */
export const duplicateTextRule: Rule = {
  id: RULE_ID,
  title: "重复段落和句子",
  check(report: Report): Finding[] {
    const findings: Finding[] = [];
    const paragraphs = new Map<string, Seen>();
    for (const { location, text } of listProseFields(report)) {
      const claimed: Array<[number, number]> = [];
      for (const paragraph of splitParagraphs(text)) {
        if (paragraph.text.length < MIN_PARAGRAPH) continue;
        const key = normalize(paragraph.text);
        if (countCharacters(key) < MIN_PARAGRAPH || paragraph.text.includes("\t")) continue;
        const from = paragraph.from + (paragraph.text.length - paragraph.text.trimStart().length);
        const to = paragraph.from + paragraph.text.trimEnd().length;
        const first = paragraphs.get(key);
        if (first) {
          const isSameField =
            first.location.field === location.field && first.location.itemId === location.itemId && first.location.sectionId === location.sectionId;
          findings.push(paragraphFinding(report, location, text, from, to, first, isSameField));
          claimed.push([paragraph.from, paragraph.from + paragraph.text.length]);
        } else paragraphs.set(key, { location });
      }
      findings.push(...sentenceFindings(location, text, claimed));
    }
    return findings;
  },
};
