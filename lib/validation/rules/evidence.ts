import { headingPrefix, type Report } from "@/lib/report-model";

import { EVIDENCE_WORDS } from "../data/markers";
import { bodyText } from "../text/body-text";
import { countCharacters, quote, quoted } from "../text/chars";
import type { Finding, Rule } from "../types";

const RULE_ID = "evidence";
const CHINESE_COUNT = /[一二三四五六七八九十百千万两]+(?:件|次|个|项|场|名|人|家|条|批|期|轮|篇|部)/;
const NAMED_DOCUMENT = /《[^》\n]{2,}》/;

function hasEvidence(text: string): boolean {
  return /\d/.test(text) || NAMED_DOCUMENT.test(text) || CHINESE_COUNT.test(text) || EVIDENCE_WORDS.test(text);
}

/** Rule 11: an item of 主要举措和成效 cites at least one figure, case, named document or date. */
export const evidenceRule: Rule = {
  id: RULE_ID,
  title: "举措有数据或事例支撑",
  check(report: Report): Finding[] {
    const findings: Finding[] = [];
    report.sections.forEach((section, sectionIndex) => {
      if (section.kind !== "measures") return;
      section.items.forEach((item, itemIndex) => {
        const text = bodyText(item.body);
        if (countCharacters(text) === 0 || hasEvidence(text) || hasEvidence(item.heading)) return;
        const name = item.heading ? quoted(headingPrefix(2, itemIndex + 1) + quote(item.heading, 24)) : "本项";
        findings.push({
          ruleId: RULE_ID,
          severity: "info",
          message: `举措缺少数据或事例支撑：${name}没有写出数据、典型事例、文件名称或时间，建议补充可核对的具体内容。`,
          location: { field: "body", sectionId: section.id, sectionKind: section.kind, sectionIndex, itemId: item.id, itemIndex },
        });
      });
    });
    return findings;
  },
};
