import { SECTION_KIND_LABELS, type Report } from "@/lib/report-model";
import { bigramCounts, bigramCoverage } from "@/lib/text/similarity";

import { quote, quoted } from "../text/chars";
import { bodyText } from "../text/body-text";
import { sectionProse } from "../text/report-fields";
import type { Finding, Rule, ValidationContext } from "../types";

const RULE_ID = "commitments";
/** A plan counts as addressed when this share of its distinctive word pairs recurs in 主要举措和成效. */
const COVERAGE_THRESHOLD = 0.45;
/** Word pairs every plan shares; they say nothing about which plan it is. */
const COMMON_BIGRAMS = new Set([
  "法治",
  "治政",
  "政府",
  "建设",
  "推进",
  "加强",
  "进一",
  "一步",
  "工作",
  "全面",
  "深入",
  "持续",
  "落实",
  "完善",
  "健全",
  "提升",
  "水平",
  "能力",
  "依法",
  "机制",
  "制度",
  "开展",
  "强化",
  "不断",
  "切实",
]);

function checkRecordedCommitments(report: Report): Finding[] {
  return report.commitments.flatMap((commitment, index): Finding[] => {
    const location = { field: "commitments" as const, key: commitment.id };
    if (commitment.status === "open") {
      return [{ ruleId: RULE_ID, severity: "warning", message: `上年度报告提出的安排${quoted(quote(commitment.text, 30))}尚未说明落实情况。`, location }];
    }
    if (commitment.status === "not_done" && !commitment.reason.trim()) {
      return [{ ruleId: RULE_ID, severity: "warning", message: `第${index + 1}项上年度安排标记为未完成，请说明原因。`, location }];
    }
    return [];
  });
}

// Without a 承诺事项清单, each of last year's plans (item heading, else its first sentence) is looked for in this year's measures.
function previousPlans(previous: Report): string[] {
  const plans: string[] = [];
  for (const section of previous.sections) {
    if (section.kind !== "next_year") continue;
    for (const item of section.items) {
      if (item.heading.trim()) plans.push(item.heading.trim());
      else
        for (const sentence of bodyText(item.body).split(/[。\n]/))
          if (sentence.trim().length >= 6) plans.push(sentence.trim().replace(/^[一二三四五六七八九十]+是/, ""));
    }
  }
  return plans;
}

function distinctive(text: string): Map<string, number> {
  // Figures do not count: a plan for "3项" is reported on however many were done.
  const counts = bigramCounts(text, { numbers: "ignore" });
  for (const bigram of COMMON_BIGRAMS) counts.delete(bigram);
  return counts;
}

/** Rule 9 (plans): last year's 下一年度安排 are each reported on this year. */
export const commitmentsRule: Rule = {
  id: RULE_ID,
  title: "上年度安排落实情况",
  check(report: Report, context: ValidationContext): Finding[] {
    if (report.commitments.length > 0) return checkRecordedCommitments(report);
    const previous = context.previous;
    const measuresIndex = report.sections.findIndex((section) => section.kind === "measures");
    const measures = report.sections[measuresIndex];
    if (!previous || !measures) return [];
    const measuresBigrams = bigramCounts(sectionProse(measures), { numbers: "ignore" });
    if (measuresBigrams.size === 0) return [];
    return previousPlans(previous).flatMap((plan): Finding[] => {
      const planBigrams = distinctive(plan);
      if (planBigrams.size < 3 || bigramCoverage(planBigrams, measuresBigrams) >= COVERAGE_THRESHOLD) return [];
      return [
        {
          ruleId: RULE_ID,
          severity: "warning",
          message: `${previous.meta.year}年度报告在“${SECTION_KIND_LABELS.next_year}”中提出${quoted(quote(plan, 30))}，本年度${quoted(measures.heading || SECTION_KIND_LABELS.measures)}中未见落实情况，请补充说明。`,
          location: { field: "sectionHeading", sectionId: measures.id, sectionKind: measures.kind, sectionIndex: measuresIndex },
        },
      ];
    });
  },
};
