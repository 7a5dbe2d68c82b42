import { SECTION_KIND_LABELS, type Report } from "@/lib/report-model";
import { findMissingStatutorySections } from "@/lib/reuse";
import { findTemplate } from "@/templates";

/** Before an import is accepted: which statutory parts the file lacks and will be added, empty, from the template. */
export function PartsImportNotice({ report }: { report: Report }) {
  const missing = findMissingStatutorySections(report, findTemplate(report.templateId));
  if (missing.length === 0) return null;
  const names = missing.map((section) => `“${SECTION_KIND_LABELS[section.kind]}”`).join("、");
  return (
    <p data-testid="import-added-parts" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      原报告缺少法定部分{names}。接受后将按模板补充这些部分（空白，附填写指引），写在原有部分之间的规定位置；填写后即可提交审核。
    </p>
  );
}
