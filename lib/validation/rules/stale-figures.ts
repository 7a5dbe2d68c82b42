import type { Report, ReportSection } from "@/lib/report-model";

import { FIGURE_UNITS } from "../data/markers";
import { withRange } from "../finding";
import { HAN } from "../text/chars";
import { overlapsAny, pendingRanges } from "../text/pending-ranges";
import { listSectionFields } from "../text/report-fields";
import type { Finding, Rule, ValidationContext } from "../types";

const RULE_ID = "stale-figures";
const FIGURE = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${FIGURE_UNITS})`, "g");
const NOT_HAN = new RegExp(`[^${HAN}]`, "g");

interface Figure {
  key: string;
  shown: string;
  from: number;
  to: number;
}

/** Shown snippets stop at these, so a quotation never starts in the middle of a word. */
const SNIPPET_BOUNDARY = /[的了共为达和及与在对、（“]/;
const MAX_SNIPPET = 18;

/** The clause that states the figure, shortened at a word boundary ("行政复议案件46件", not "复议案件46件"). */
function snippetOf(text: string, from: number, to: number): string {
  const clauseStart =
    Math.max(text.lastIndexOf("\n", from - 1), ...["，", "。", "；", "：", ",", ";", ":"].map((mark) => text.lastIndexOf(mark, from - 1))) + 1;
  let start = clauseStart;
  if (to - start > MAX_SNIPPET) {
    for (let index = to - MAX_SNIPPET; index < from; index += 1) {
      if (SNIPPET_BOUNDARY.test(text[index - 1] ?? "")) {
        start = index;
        break;
      }
    }
  }
  return text.slice(start, to).trim();
}

// A figure is the same statement when the number, unit and the four characters naming it all match.
function figures(text: string): Figure[] {
  const found: Figure[] = [];
  for (const match of text.matchAll(FIGURE)) {
    const value = Number(match[1]);
    if (value < 10 && !match[1]!.includes(".")) continue;
    if ((match[2] === "%" || match[2] === "％") && value === 100) continue;
    const clause =
      text
        .slice(Math.max(0, match.index - 12), match.index)
        .split(/[，。；：,;:\n]/)
        .pop() ?? "";
    const label = clause.replace(NOT_HAN, "").slice(-4);
    if (label.length < 2) continue;
    const to = match.index + match[0].length;
    found.push({ key: `${label}|${value}|${match[2]}`, shown: snippetOf(text, match.index, to), from: match.index, to });
  }
  return found;
}

function sectionFigureKeys(section: ReportSection, sectionIndex: number): Set<string> {
  const keys = new Set<string>();
  for (const field of listSectionFields(section, sectionIndex)) for (const figure of figures(field.text)) keys.add(figure.key);
  return keys;
}

/** Rule 9 (figures): a figure stated in the same words as in last year's same part was probably not updated. */
export const staleFiguresRule: Rule = {
  id: RULE_ID,
  title: "数据未更新",
  check(report: Report, context: ValidationContext): Finding[] {
    const previous = context.previous;
    if (!previous) return [];
    const findings: Finding[] = [];
    report.sections.forEach((section, sectionIndex) => {
      if (section.kind === "next_year") return;
      const previousIndex = previous.sections.findIndex((candidate) => candidate.kind === section.kind);
      const previousSection = previous.sections[previousIndex];
      if (!previousSection) return;
      const previousKeys = sectionFigureKeys(previousSection, previousIndex);
      for (const { location, text } of listSectionFields(section, sectionIndex)) {
        if (location.field !== "body" && location.field !== "lead") continue;
        const marked = pendingRanges(report, location, text);
        for (const figure of figures(text)) {
          if (!previousKeys.has(figure.key)) continue;
          if (overlapsAny(marked, figure.from, figure.to)) continue;
          findings.push({
            ruleId: RULE_ID,
            severity: "warning",
            message: `“${figure.shown}”与${previous.meta.year}年度报告中的同一数据完全相同，请核实是否已更新为本年度数据。`,
            location: withRange(location, figure.from, figure.to),
          });
        }
      }
    });
    return findings;
  },
};
