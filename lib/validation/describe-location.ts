import { findIndicator, headingPrefix, type Report, type ReportLocation } from "@/lib/report-model";

import { LOST_NUMERAL, TYPED_HEADING_NUMERAL } from "./text/numbering";

const META_LABELS: Record<string, string> = {
  agency: "机关名称",
  year: "年度",
  title: "标题",
  date: "成文日期",
  mainRecipient: "主送机关",
  signature: "署名",
  docNumber: "文号",
  sections: "报告结构",
};

/** The numeral the export prints: only parts (and items) with a heading are numbered. */
function printedNumber(headings: string[], index: number): number {
  return headings.slice(0, index + 1).filter((heading) => heading.trim()).length;
}

function sectionLabel(report: Report, sectionIndex: number): string {
  const section = report.sections[sectionIndex];
  if (!section?.heading.trim()) return `第${sectionIndex + 1}部分（无标题）`;
  return numbered(
    headingPrefix(
      1,
      printedNumber(
        report.sections.map((candidate) => candidate.heading),
        sectionIndex,
      ),
    ),
    section.heading,
  );
}

/** A heading that still carries a numeral typed by hand is shown as it stands, not numbered twice. */
function numbered(prefix: string, heading: string): string {
  return TYPED_HEADING_NUMERAL.test(heading) || LOST_NUMERAL.test(heading) ? heading : `${prefix}${heading}`;
}

/**
 * Names for parts and items other than the model's: the headings as an imported file shows them (with the
 * file's own numerals), so a location about the file names what the official sees in it.
 */
export interface LocationNames {
  section?: (sectionIndex: number) => string | undefined;
  item?: (sectionIndex: number, itemIndex: number) => string | undefined;
}

/** Human path of a location, e.g. "一、主要举措和成效 › （二）深化“放管服”改革 › 正文". */
export function describeLocation(report: Report, location: ReportLocation, names?: LocationNames): string {
  const parts: string[] = [];
  switch (location.field) {
    case "meta":
      return `基本信息 › ${META_LABELS[location.key ?? ""] ?? location.key ?? "报告"}`;
    case "title":
      return "标题";
    case "mainRecipient":
      return "主送机关";
    case "signature":
      return "署名";
    case "commitments":
      return "上年度承诺事项";
    case "opening":
      return "导语（开头段落）";
    default:
      break;
  }
  if (location.sectionIndex !== undefined) parts.push(names?.section?.(location.sectionIndex) ?? sectionLabel(report, location.sectionIndex));
  if (location.itemIndex !== undefined && location.sectionIndex !== undefined) {
    const items = report.sections[location.sectionIndex]?.items ?? [];
    const item = items[location.itemIndex];
    const named = names?.item?.(location.sectionIndex, location.itemIndex);
    const number = printedNumber(
      items.map((candidate) => candidate.heading),
      location.itemIndex,
    );
    parts.push(named ?? (item?.heading ? numbered(headingPrefix(2, number), item.heading) : `第${location.itemIndex + 1}段`));
  }
  if (location.field === "lead") parts.push("导语");
  if (location.field === "indicators") parts.push(`指标“${findIndicator(location.key ?? "")?.label ?? location.key ?? ""}”`);
  if (location.field === "body") parts.push("正文");
  return parts.join(" › ");
}
