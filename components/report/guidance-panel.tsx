import { GANGYAO_AREA_LABELS, GANGYAO_AREAS, SECTION_KIND_LABELS, type Report, type ReportSection, type ReportTemplate } from "@/lib/report-model";

import { cn } from "@/components/ui/cn";

import { gangyaoCoverage } from "./validation-api";

/** Which of the nine 纲要 areas 主要举措和成效 already covers. */
function CoverageList({ report }: { report: Report }) {
  const coverage = gangyaoCoverage(report);
  const covered = GANGYAO_AREAS.filter((area) => coverage[area].covered).length;
  return (
    <div className="mt-2">
      <p className="text-xs text-stone-700">
        纲要九个方面已写到 {covered}/{GANGYAO_AREAS.length}：
      </p>
      <ul className="mt-1 flex flex-wrap gap-1" aria-label="纲要方面覆盖情况">
        {GANGYAO_AREAS.map((area) => (
          <li
            key={area}
            className={cn(
              "rounded px-1.5 py-0.5 text-[11px] ring-1 ring-inset",
              coverage[area].covered ? "bg-green-50 text-green-800 ring-green-200" : "bg-white text-stone-500 ring-stone-300",
            )}
          >
            {coverage[area].covered ? "✓ " : ""}
            {GANGYAO_AREA_LABELS[area]}
            <span className="sr-only">{coverage[area].covered ? "（已写到）" : "（未写到）"}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The template's advice for the part in focus, with its suggested items. */
export function GuidancePanel({ template, section, report }: { template: ReportTemplate; section: ReportSection | undefined; report: Report }) {
  const templateSection = section ? template.sections.find((candidate) => candidate.kind === section.kind) : undefined;
  return (
    <section aria-labelledby="guidance-title" className="rounded border border-stone-200 bg-stone-50 p-3">
      <h3 id="guidance-title" className="mb-1 text-sm font-semibold text-stone-900">
        写作指引{section ? `：${SECTION_KIND_LABELS[section.kind]}` : ""}
      </h3>
      {templateSection ? (
        <>
          <p className="text-sm leading-6 whitespace-pre-line text-stone-700">{templateSection.guidance}</p>
          {section?.kind === "measures" && <CoverageList report={report} />}
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
