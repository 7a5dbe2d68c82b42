import { SECTION_KIND_LABELS, type Report } from "@/lib/report-model";

import { CAUSE_PATTERN } from "../data/markers";
import { countCharacters, quoted } from "../text/chars";
import { sectionProse } from "../text/report-fields";
import type { Finding, Rule } from "../types";

const RULE_ID = "problem-causes";

/** Rule 2: the problems part analyses causes, not only lists shortcomings. */
export const problemCausesRule: Rule = {
  id: RULE_ID,
  title: "不足须分析原因",
  check(report: Report): Finding[] {
    const findings: Finding[] = [];
    report.sections.forEach((section, sectionIndex) => {
      if (section.kind !== "problems") return;
      const text = sectionProse(section);
      if (countCharacters(text) === 0 || CAUSE_PATTERN.test(text)) return;
      findings.push({
        ruleId: RULE_ID,
        severity: "warning",
        message: `${quoted(section.heading || SECTION_KIND_LABELS.problems)}部分只列举了不足，没有分析原因。《法治政府建设与责任落实督察工作规定》要求报告“存在的不足和原因”，请补充产生这些不足的原因（如“究其原因，主要是……”）。`,
        location: { field: "sectionHeading", sectionId: section.id, sectionKind: section.kind, sectionIndex },
      });
    });
    return findings;
  },
};
