import { SECTION_KIND_LABELS, type ReportSection, type ReportTemplate } from "@/lib/report-model";

/** The template's advice for the part in focus, with its suggested items. */
export function GuidancePanel({ template, section }: { template: ReportTemplate; section: ReportSection | undefined }) {
  const templateSection = section ? template.sections.find((candidate) => candidate.kind === section.kind) : undefined;
  return (
    <section aria-labelledby="guidance-title" className="rounded border border-stone-200 bg-stone-50 p-3">
      <h3 id="guidance-title" className="mb-1 text-sm font-semibold text-stone-900">
        写作指引{section ? `：${SECTION_KIND_LABELS[section.kind]}` : ""}
      </h3>
      {templateSection ? (
        <>
          <p className="text-sm leading-6 whitespace-pre-line text-stone-700">{templateSection.guidance}</p>
          {templateSection.minLength > 0 && <p className="mt-1 text-xs text-stone-500">本部分建议不少于 {templateSection.minLength} 字。</p>}
          {templateSection.suggestedItems.length > 0 && (
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-stone-800">建议条目（{templateSection.suggestedItems.length}）</summary>
              <ul className="mt-1 space-y-1.5">
                {templateSection.suggestedItems.map((item) => (
                  <li key={item.heading}>
                    <span className="font-medium text-stone-800">{item.heading}</span>
                    <span className="block text-xs leading-5 text-stone-600">{item.guidance}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      ) : (
        <p className="text-sm text-stone-600">点击正文中的某一部分，这里会显示该部分的写作要求。</p>
      )}
    </section>
  );
}
