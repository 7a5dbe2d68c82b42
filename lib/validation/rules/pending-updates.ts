import type { PendingUpdate, Report } from "@/lib/report-model";

import { withRange } from "../finding";
import { bodyText } from "../text/body-text";
import type { Finding, Rule } from "../types";

const RULE_ID = "pending-updates";

function messageFor(mark: PendingUpdate): string {
  return mark.kind === "year"
    ? `“${mark.text}”是沿用上年报告时标记的待更新年份，请改为本年度的年份后再提交。`
    : `“${mark.text}”是沿用上年报告时标记的待更新数据，请填入本年度的数据后再提交。`;
}

/** Every place the carried-over text stands, not inside a longer number ("3件" is not in "13件"). */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  const isNumeric = /^[0-9]/.test(needle);
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    if (isNumeric && /[0-9.]/.test(text[at - 1] ?? "")) continue;
    found.push(at);
  }
  return found;
}

/** Rule 12: each place a "待更新" mark's carried-over text still stands (one finding per place; stale-figures defers to it). */
export const pendingUpdatesRule: Rule = {
  id: RULE_ID,
  title: "待更新内容",
  check(report: Report): Finding[] {
    const findings: Finding[] = [];
    const opening = bodyText(report.opening);
    for (const mark of report.openingPendingUpdates ?? []) {
      for (const from of occurrences(opening, mark.text)) {
        findings.push({
          ruleId: RULE_ID,
          severity: "warning",
          message: messageFor(mark),
          location: withRange({ field: "opening" }, from, from + mark.text.length),
        });
      }
    }
    report.sections.forEach((section, sectionIndex) => {
      const leadLocation = { field: "lead" as const, sectionId: section.id, sectionKind: section.kind, sectionIndex };
      for (const mark of section.leadPendingUpdates ?? []) {
        for (const from of occurrences(section.lead, mark.text)) {
          findings.push({ ruleId: RULE_ID, severity: "warning", message: messageFor(mark), location: withRange(leadLocation, from, from + mark.text.length) });
        }
      }
      section.items.forEach((item, itemIndex) => {
        if (item.pendingUpdates.length === 0) return;
        const text = bodyText(item.body);
        const location = { field: "body" as const, sectionId: section.id, sectionKind: section.kind, sectionIndex, itemId: item.id, itemIndex };
        for (const mark of item.pendingUpdates) {
          for (const from of occurrences(text, mark.text)) {
            findings.push({ ruleId: RULE_ID, severity: "warning", message: messageFor(mark), location: withRange(location, from, from + mark.text.length) });
          }
        }
      });
    });
    return findings;
  },
};
