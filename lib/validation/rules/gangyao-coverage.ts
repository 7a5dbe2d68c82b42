import { GANGYAO_AREA_LABELS, GANGYAO_AREAS, type Report } from "@/lib/report-model";

import { gangyaoCoverage } from "../gangyao-coverage";
import { bodyText } from "../text/body-text";
import type { Finding, Rule } from "../types";

const RULE_ID = "gangyao-coverage";
const GANGYAO_FIRST_YEAR = 2021;
const GANGYAO_LAST_YEAR = 2025;

/** Rule 10: each 纲要 task area the 主要举措和成效 part says nothing about is pointed out (info). */
export const gangyaoCoverageRule: Rule = {
  id: RULE_ID,
  title: "对照《纲要》九个方面",
  check(report: Report): Finding[] {
    // The nine areas are those of the 2021–2025 纲要: a 2016–2020 report answers to the 2015 纲要, and its successor is not yet known.
    if (report.meta.year < GANGYAO_FIRST_YEAR || report.meta.year > GANGYAO_LAST_YEAR) return [];
    const sectionIndex = report.sections.findIndex((section) => section.kind === "measures");
    const measures = report.sections[sectionIndex];
    if (!measures || measures.items.every((item) => !bodyText(item.body).trim())) return [];
    const coverage = gangyaoCoverage(report);
    return GANGYAO_AREAS.filter((area) => !coverage[area].covered).map((area) => ({
      ruleId: RULE_ID,
      severity: "info" as const,
      message: `主要举措中未见《法治政府建设实施纲要（2021－2025年）》“${GANGYAO_AREA_LABELS[area]}”方面的内容。如本单位有相关工作，建议补充；确无相关职能的，可忽略。`,
      location: { field: "sectionHeading" as const, sectionId: measures.id, sectionKind: measures.kind, sectionIndex, key: area },
    }));
  },
};
