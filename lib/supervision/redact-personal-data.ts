import type { Report } from "@/lib/report-model";
import { applyFix, describeLocation, type Finding, type TextEdit } from "@/lib/validation";
import { personalDataRule } from "@/lib/validation/rules/personal-data";
import { listFieldTexts } from "@/lib/validation/text/report-fields";

export interface Redaction {
  /** "一、主要举措和成效 › （二）… › 正文" */
  where: string;
  /** The text that was there and what the public version shows instead. */
  before: string;
  after: string;
  /** The rule's message (身份证号码 / 手机号码 …). */
  reason: string;
}

export interface RedactionResult {
  report: Report;
  redactions: Redaction[];
  /** Findings the redaction could not fix; the public version must not be produced while any remain. */
  unresolved: Array<{ where: string; reason: string }>;
}

function fieldText(report: Report, edit: TextEdit): string {
  const { field, sectionIndex, itemIndex } = edit.location;
  const match = listFieldTexts(report).find(
    (entry) => entry.location.field === field && entry.location.sectionIndex === sectionIndex && entry.location.itemIndex === itemIndex,
  );
  return match?.text ?? "";
}

/**
 * The personal-data rule run as for a public report, every fix it offers applied to a copy, and each change listed.
 * The stored report is not touched: the official sees exactly what the public version changes.
 */
export function redactPersonalData(original: Report): RedactionResult {
  const asPublic: Report = { ...original, meta: { ...original.meta, isPublic: true } };
  const findings: Finding[] = personalDataRule.check(asPublic, {});
  const fixable = findings.filter((finding) => finding.fix);
  const redactions = fixable.flatMap((finding) =>
    finding.fix!.edits.map((edit) => ({
      where: describeLocation(asPublic, finding.location),
      before: fieldText(asPublic, edit).slice(edit.from, edit.to),
      after: edit.insert,
      reason: finding.message,
    })),
  );
  const report = fixable.length > 0 ? applyFix(asPublic, { label: "隐去个人信息", edits: fixable.flatMap((finding) => finding.fix!.edits) }) : asPublic;
  const unresolved = personalDataRule.check(report, {}).map((finding) => ({ where: describeLocation(report, finding.location), reason: finding.message }));
  return { report: { ...report, meta: { ...report.meta, isPublic: original.meta.isPublic } }, redactions, unresolved };
}
