import { GANGYAO_AREAS, type GangyaoArea, type Report, type ReportItem } from "@/lib/report-model";

import { GANGYAO_KEYWORDS } from "./data/gangyao-keywords";
import { bodyText } from "./text/body-text";

export interface AreaCoverage {
  covered: boolean;
  /** Items of 主要举措和成效 that report on the area. */
  itemIds: string[];
}

/** A keyword in the heading decides; in the body, two distinct keywords are needed. */
const HEADING_WEIGHT = 2;
const COVERED_SCORE = 2;

function keywordScore(item: ReportItem, area: GangyaoArea): number {
  const body = bodyText(item.body);
  let score = 0;
  for (const keyword of GANGYAO_KEYWORDS[area]) {
    if (item.heading.includes(keyword)) score += HEADING_WEIGHT;
    else if (body.includes(keyword)) score += 1;
  }
  return score;
}

/** Which of the nine 纲要 task areas the 主要举措和成效 part reports on, by tagged area or by content. */
export function gangyaoCoverage(report: Report): Record<GangyaoArea, AreaCoverage> {
  const coverage = Object.fromEntries(GANGYAO_AREAS.map((area) => [area, { covered: false, itemIds: [] as string[] }])) as Record<GangyaoArea, AreaCoverage>;
  for (const section of report.sections) {
    if (section.kind !== "measures") continue;
    for (const item of section.items) {
      // Template items carry a heading and an area tag before anyone writes; only written text covers an area.
      if (!bodyText(item.body).trim()) continue;
      for (const area of GANGYAO_AREAS) {
        if (item.area === area || keywordScore(item, area) >= COVERED_SCORE) {
          coverage[area].covered = true;
          coverage[area].itemIds.push(item.id);
        }
      }
    }
  }
  return coverage;
}
