import { SECTION_KIND_LABELS, type Report } from "@/lib/report-model";
import { textSimilarity } from "@/lib/text/similarity";

import { countCharacters, quoted } from "../text/chars";
import { sectionProse } from "../text/report-fields";
import type { Finding, Rule, ValidationContext } from "../types";

const RULE_ID = "similar-to-previous";
/** Parts at or above this share of shared wording are likely copied from last year. */
export const SIMILARITY_THRESHOLD = 0.8;
/** Short parts ("无") are legitimately identical every year. */
const MIN_CHARACTERS = 80;

/** Rule 9 (copying): a part ≥ 80% identical to the same part of last year's report. */
export const similarToPreviousRule: Rule = {
  id: RULE_ID,
  title: "与上年报告雷同",
  check(report: Report, context: ValidationContext): Finding[] {
    const previous = context.previous;
    if (!previous) return [];
    const findings: Finding[] = [];
    report.sections.forEach((section, sectionIndex) => {
      const before = previous.sections.find((candidate) => candidate.kind === section.kind);
      if (!before) return;
      const text = sectionProse(section);
      const previousText = sectionProse(before);
      if (countCharacters(text) < MIN_CHARACTERS || countCharacters(previousText) < MIN_CHARACTERS) return;
      // Figures count: a part whose figures were brought up to date has been updated.
      const similarity = textSimilarity(text, previousText, { numbers: "count" });
      if (similarity < SIMILARITY_THRESHOLD) return;
      findings.push({
        ruleId: RULE_ID,
        severity: "warning",
        message: `${quoted(section.heading || SECTION_KIND_LABELS[section.kind])}部分与${previous.meta.year}年度报告的相应部分文字重合约${Math.round(similarity * 100)}%，请结合本年度工作实际更新内容。`,
        location: { field: "sectionHeading", sectionId: section.id, sectionKind: section.kind, sectionIndex },
      });
    });
    return findings;
  },
};
