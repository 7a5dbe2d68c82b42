import { SECTION_KIND_LABELS, headingPrefix, type Report, type ReportSection } from "@/lib/report-model";

import { hasLeaderOwnDuty } from "../data/markers";
import { expectedSections } from "../template-sections";
import { bodyText } from "../text/body-text";
import { countCharacters, quote, quoted } from "../text/chars";
import type { Finding, Rule, ValidationContext } from "../types";

const RULE_ID = "required-parts";
/** Clause marks, a sentence end or a figure: the heading says something, it does not only name a topic. */
const STATEMENT_HEADING = /[，；：。！？]|\d+\s*(?:件|次|个|项|人|名|家|%|％|万元|亿元)/;

function isSectionEmpty(section: ReportSection): boolean {
  return countCharacters(section.lead) === 0 && section.items.every((item) => countCharacters(bodyText(item.body)) === 0);
}

function sectionLength(section: ReportSection): number {
  return section.items.reduce((total, item) => total + countCharacters(bodyText(item.body)), countCharacters(section.lead));
}

// The 第一责任人 passage is often written as an item of 主要举措和成效; find it to point there.
function findEmbeddedLeaderDuty(report: Report): Finding["location"] | undefined {
  for (const [sectionIndex, section] of report.sections.entries()) {
    if (section.kind === "leader_duty") continue;
    // An item titled with the duty is dedicated to it; in a body, only the leader acting as subject counts.
    const itemIndex = section.items.findIndex((item) => /第一责任人/.test(item.heading) || hasLeaderOwnDuty(`${item.heading}。${bodyText(item.body)}`));
    const item = section.items[itemIndex];
    if (item) {
      const base = { sectionId: section.id, sectionKind: section.kind, sectionIndex, itemId: item.id, itemIndex };
      return item.heading ? { field: "itemHeading", ...base } : { field: "body", ...base };
    }
  }
  return undefined;
}

function missingPartFinding(report: Report, kind: ReportSection["kind"]): Finding {
  const label = SECTION_KIND_LABELS[kind];
  const embedded = kind === "leader_duty" ? findEmbeddedLeaderDuty(report) : undefined;
  if (embedded) {
    const section = report.sections[embedded.sectionIndex ?? 0];
    const item = section?.items[embedded.itemIndex ?? 0];
    const where = item?.heading ? quoted(headingPrefix(2, (embedded.itemIndex ?? 0) + 1) + quote(item.heading, 24)) : "正文";
    return {
      ruleId: RULE_ID,
      severity: "error",
      message: `报告未单列“${label}”部分。相关内容目前写在${quoted(section?.heading || SECTION_KIND_LABELS[section?.kind ?? "measures"])}的${where}中。《法治政府建设与责任落实督察工作规定》要求单独报告这项内容，请将其移出，作为独立的一部分。`,
      location: embedded,
    };
  }
  return {
    ruleId: RULE_ID,
    severity: "error",
    message: `报告缺少“${label}”部分。《法治政府建设与责任落实督察工作规定》要求年度报告包含这项内容。`,
    location: { field: "meta", key: "sections" },
  };
}

// The statutory part is about the principal leader's own duty; a generic "加强党的领导" part does not stand in for it.
function leaderDutyContentFinding(report: Report, section: ReportSection, sectionIndex: number): Finding | undefined {
  const content = [section.lead, ...section.items.flatMap((item) => [item.heading, bodyText(item.body)])].join("。");
  if (hasLeaderOwnDuty(content)) return undefined;
  const label = section.heading || SECTION_KIND_LABELS.leader_duty;
  const isNamed = /第一责任人/.test(section.heading);
  return {
    ruleId: RULE_ID,
    severity: isNamed ? "warning" : "error",
    message: isNamed
      ? `${quoted(label)}部分没有写明党政主要负责人本人如何履职（如“局长认真履行推进法治建设第一责任人职责，主持研究……带头学法述法”），审核时会被追问。`
      : `${quoted(label)}写的是一般性的加强领导举措，没有写党政主要负责人本人履行推进法治建设第一责任人职责的情况。《法治政府建设与责任落实督察工作规定》要求单独报告这项内容，请补写。`,
    location: { field: "sectionHeading", sectionId: section.id, sectionKind: section.kind, sectionIndex },
  };
}

function checkItems(section: ReportSection, sectionIndex: number): Finding[] {
  const findings: Finding[] = [];
  const base = { sectionId: section.id, sectionKind: section.kind, sectionIndex };
  section.items.forEach((item, itemIndex) => {
    const location = { ...base, itemId: item.id, itemIndex };
    const hasBody = countCharacters(bodyText(item.body)) > 0;
    const hasHeading = countCharacters(item.heading) > 0;
    // A one-sentence item ("（三）全年未发生行政诉讼案件。") is content, not a heading waiting for text.
    const isStatement = STATEMENT_HEADING.test(item.heading) || countCharacters(item.heading) > 30;
    if (!hasHeading && hasBody && section.items.length > 1) {
      findings.push({ ruleId: RULE_ID, severity: "error", message: `第${itemIndex + 1}项缺少小标题。`, location: { field: "itemHeading", ...location } });
    }
    if (hasHeading && !hasBody && !item.isRunIn && !isStatement) {
      findings.push({
        ruleId: RULE_ID,
        severity: "error",
        message: `${quoted(headingPrefix(2, itemIndex + 1) + quote(item.heading, 24))}下还没有正文。`,
        location: { field: "body", ...location },
      });
    }
  });
  return findings;
}

/** Rule 1 (parts): every required part present, filled, long enough; every item with heading and body. */
export const requiredPartsRule: Rule = {
  id: RULE_ID,
  title: "报告结构完整",
  check(report: Report, context: ValidationContext): Finding[] {
    const findings: Finding[] = [];
    for (const expected of expectedSections(context)) {
      const sectionIndex = report.sections.findIndex((section) => section.kind === expected.kind);
      const section = report.sections[sectionIndex];
      if (!section) {
        if (expected.isRequired) findings.push(missingPartFinding(report, expected.kind));
        continue;
      }
      const location = { field: "sectionHeading" as const, sectionId: section.id, sectionKind: section.kind, sectionIndex };
      const label = section.heading || SECTION_KIND_LABELS[section.kind];
      if (expected.isRequired && isSectionEmpty(section)) {
        findings.push({ ruleId: RULE_ID, severity: "error", message: `${quoted(label)}部分尚未填写。`, location });
        continue;
      }
      if (section.kind === "leader_duty") {
        const duty = leaderDutyContentFinding(report, section, sectionIndex);
        if (duty) {
          findings.push(duty);
          continue;
        }
      }
      const length = sectionLength(section);
      if (expected.minLength > 0 && length > 0 && length < expected.minLength) {
        findings.push({
          ruleId: RULE_ID,
          // Thin is what a reviewer asks about; it does not by itself stop the report going out.
          severity: "warning",
          message: `${quoted(label)}部分现有约${length}字，少于模板要求的${expected.minLength}字，内容不够充实。`,
          location,
        });
      }
    }
    report.sections.forEach((section, sectionIndex) => findings.push(...checkItems(section, sectionIndex)));
    return findings;
  },
};
