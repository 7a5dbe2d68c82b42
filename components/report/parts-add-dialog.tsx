"use client";

import { useState } from "react";

import { fillPattern, SECTION_KIND_LABELS, type Report, type ReportTemplate, type TemplateSection } from "@/lib/report-model";
import { findMissingStatutorySections, templateSectionsOf } from "@/lib/reuse/statutory-parts";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";

export interface PartsAddDialogProps {
  open: boolean;
  report: Report;
  template: ReportTemplate;
  onClose: () => void;
  /** Adds a part of the template (statutory parts go to their template position). */
  onAddTemplatePart: (templateSection: TemplateSection) => void;
  /** Adds a free part of kind "other" with this heading, at the end. */
  onAddOtherPart: (heading: string) => void;
}

/** Offers the statutory parts the report lacks first, then a free part (其他需要报告的情况). */
export function PartsAddDialog({ open, report, template, onClose, onAddTemplatePart, onAddOtherPart }: PartsAddDialogProps) {
  const missing = findMissingStatutorySections(report, template);
  const otherTemplate = templateSectionsOf(template).find((section) => section.kind === "other");
  const defaultOtherHeading = otherTemplate ? fillPattern(otherTemplate.headingPattern, report.meta) : SECTION_KIND_LABELS.other;
  const [otherHeading, setOtherHeading] = useState(defaultOtherHeading);
  const values = { agency: report.meta.agency, year: report.meta.year };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="添加部分"
      testId="add-part-dialog"
      size="lg"
      description="新部分按顺序编号（一、二、……），添加后可在大纲中调整顺序和标题。"
    >
      {missing.length > 0 && (
        <section aria-labelledby="add-part-statutory" className="mb-5">
          <h3 id="add-part-statutory" className="mb-2 text-sm font-semibold text-red-900">
            报告缺少的法定部分
          </h3>
          <ul className="space-y-2">
            {missing.map((section) => {
              const heading = fillPattern(section.headingPattern, values);
              return (
                <li key={section.kind} data-testid={`add-part-option-${section.kind}`} className="rounded border border-red-200 bg-red-50/40 p-3">
                  <div className="flex items-start justify-between gap-3">
                    <div className="min-w-0">
                      <p className="text-sm font-medium text-stone-900">{heading}</p>
                      <p className="mt-0.5 text-xs text-stone-500">
                        <span className="mr-1 rounded bg-red-100 px-1 text-red-900">法定部分</span>
                        {SECTION_KIND_LABELS[section.kind]}
                      </p>
                    </div>
                    <Button size="sm" variant="primary" aria-label={`添加“${heading}”`} onClick={() => onAddTemplatePart(section)}>
                      添加此部分
                    </Button>
                  </div>
                  <p className="mt-2 text-xs leading-relaxed text-stone-700">填写指引：{section.guidance}</p>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {missing.length === 0 && <p className="mb-4 text-sm text-stone-600">模板要求的法定部分都已在报告中。</p>}
      <section aria-labelledby="add-part-other">
        <h3 id="add-part-other" className="mb-2 text-sm font-semibold text-stone-800">
          其他部分
        </h3>
        <form
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const heading = otherHeading.trim();
            if (heading) onAddOtherPart(heading);
          }}
        >
          <div className="min-w-0 flex-1">
            <label htmlFor="add-part-other-heading" className="mb-1 block text-xs text-stone-700">
              部分标题（归类为“{SECTION_KIND_LABELS.other}”，添加在报告末尾）
            </label>
            <Input id="add-part-other-heading" value={otherHeading} maxLength={200} onChange={(event) => setOtherHeading(event.target.value)} />
          </div>
          <Button type="submit" size="md" disabled={!otherHeading.trim()}>
            添加其他部分
          </Button>
        </form>
        {otherTemplate && <p className="mt-2 text-xs leading-relaxed text-stone-600">填写指引：{otherTemplate.guidance}</p>}
      </section>
    </Dialog>
  );
}
