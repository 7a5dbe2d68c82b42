"use client";

import { memo } from "react";

import { docToText, headingPrefix, SECTION_KIND_LABELS, type ReportItem, type ReportSection, type TemplateSection } from "@/lib/report-model";

import type { BodyEditorHandle } from "@/components/editor/body-editor";
import { FieldSuggestInput, FieldSuggestionNote, useIsSuggestingField } from "@/components/editor/suggest/field-suggest";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";

import { IndicatorInputs } from "./indicator-inputs";
import { LeadPendingMarks } from "./lead-pending-marks";
import { ItemForm } from "./item-form";

function isEmptySection(section: ReportSection): boolean {
  return !section.lead.trim() && section.items.every((item) => !docToText(item.body).trim());
}

export const sectionHeadingId = (sectionId: string) => `section-heading-${sectionId}`;
export const sectionLeadId = (sectionId: string) => `section-lead-${sectionId}`;

export interface SectionFormProps {
  section: ReportSection;
  index: number;
  templateSection: TemplateSection | undefined;
  isEditable: boolean;
  onSectionChange: (sectionId: string, change: (section: ReportSection) => ReportSection) => void;
  onItemChange: (itemId: string, change: (item: ReportItem) => ReportItem) => void;
  onAddItem: (sectionId: string) => void;
  registerEditor: (itemId: string, handle: BodyEditorHandle | null) => void;
  onLeaveField: () => void;
  onFocusSection: (sectionId: string) => void;
  /** Shown above the items (the leader-duty move suggestions in that part). */
  extra?: React.ReactNode;
}

/** The form of one part: heading, optional lead, items and the part's figures. */
export const SectionForm = memo(function SectionForm(props: SectionFormProps) {
  const { section, index, templateSection, isEditable } = props;
  const titleId = `section-title-${section.id}`;
  const isSuggesting = useIsSuggestingField();
  const headingTarget = { field: "sectionHeading", sectionId: section.id } as const;
  const leadTarget = { field: "sectionLead", sectionId: section.id } as const;
  const indicatorIds = [...new Set([...(templateSection?.indicators ?? []), ...Object.keys(section.indicators)])];

  return (
    <section
      id={`section-${section.id}`}
      aria-labelledby={titleId}
      data-testid={`section-${section.id}`}
      className="scroll-mt-4 rounded-md border border-stone-200 bg-white p-4 shadow-sm"
      onFocusCapture={() => props.onFocusSection(section.id)}
    >
      <h2 id={titleId} className="mb-3 text-base font-semibold text-stone-900">
        {headingPrefix(1, index + 1)}
        {section.heading || SECTION_KIND_LABELS[section.kind]}
        {templateSection && !templateSection.isRequired && <span className="ml-2 text-xs font-normal text-stone-500">（可选）</span>}
      </h2>
      <div className="mb-3 grid gap-3">
        <div>
          <label htmlFor={sectionHeadingId(section.id)} className="mb-1 block text-xs text-stone-700">
            部分标题
          </label>
          {isSuggesting ? (
            <FieldSuggestInput id={sectionHeadingId(section.id)} target={headingTarget} value={section.heading} onBlur={props.onLeaveField} />
          ) : (
            <Input
              id={sectionHeadingId(section.id)}
              value={section.heading}
              disabled={!isEditable}
              onChange={(event) => {
                const heading = event.target.value;
                props.onSectionChange(section.id, (current) => ({ ...current, heading }));
              }}
              onBlur={props.onLeaveField}
            />
          )}
          <FieldSuggestionNote target={headingTarget} value={section.heading} />
        </div>
        <div>
          <label htmlFor={sectionLeadId(section.id)} className="mb-1 block text-xs text-stone-700">
            导语（可选，写在各条目之前）
          </label>
          {isSuggesting ? (
            <FieldSuggestInput id={sectionLeadId(section.id)} target={leadTarget} value={section.lead} isMultiline onBlur={props.onLeaveField} />
          ) : (
            <Textarea
              id={sectionLeadId(section.id)}
              rows={2}
              value={section.lead}
              disabled={!isEditable}
              onChange={(event) => {
                const lead = event.target.value;
                props.onSectionChange(section.id, (current) => ({ ...current, lead }));
              }}
              onBlur={props.onLeaveField}
            />
          )}
          <FieldSuggestionNote target={leadTarget} value={section.lead} />
          <LeadPendingMarks section={section} isEditable={isEditable} onSectionChange={props.onSectionChange} />
        </div>
      </div>
      {props.extra}
      {isEditable && templateSection && isEmptySection(section) && (
        <p data-testid={`part-guidance-${section.id}`} className="mb-3 rounded bg-stone-50 px-3 py-2 text-xs leading-relaxed text-stone-700">
          {templateSection.isRequired ? "本部分为法定部分，尚未填写。" : "本部分为可选部分。"}填写指引：{templateSection.guidance}
        </p>
      )}
      <div className="space-y-3">
        {section.items.map((item, itemIndex) => (
          <ItemForm
            key={item.id}
            sectionId={section.id}
            item={item}
            index={itemIndex}
            isEditable={isEditable}
            onItemChange={props.onItemChange}
            registerEditor={props.registerEditor}
            onLeaveField={props.onLeaveField}
          />
        ))}
      </div>
      {isEditable && (
        <Button size="sm" className="mt-3" onClick={() => props.onAddItem(section.id)}>
          ＋ 添加条目
        </Button>
      )}
      <IndicatorInputs
        sectionId={section.id}
        ids={indicatorIds}
        values={section.indicators}
        previous={section.previousIndicators}
        requiredIds={templateSection?.requiredIndicators ?? []}
        isEditable={isEditable}
        onChange={(indicatorId, value) =>
          props.onSectionChange(section.id, (current) => ({ ...current, indicators: { ...current.indicators, [indicatorId]: value } }))
        }
      />
    </section>
  );
});
