"use client";

import { memo, useMemo, useRef, useState } from "react";

import { docToText, fillPattern, type Report, type ReportTemplate, type RichDoc } from "@/lib/report-model";
import { findPendingRangesInText, keepPresentPendingUpdates } from "@/lib/reuse/pending-updates";

import type { BodyEditorHandle, TextRanges } from "@/components/editor/body-editor";
import { LazyBodyEditor } from "@/components/editor/lazy-body/lazy-body-editor";
import { FieldSuggestInput, FieldSuggestionNote, useIsSuggestingField } from "@/components/editor/suggest/field-suggest";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** The opening's editor registers under this id (flush before save and submit; findings focus it). */
export const OPENING_EDITOR_ID = "opening";
export const openingFieldId = "report-opening";
export const closingFieldId = "report-closing";

/** A closing line is one short sentence; the schema allows 200 characters. */
const MAX_CLOSING = 200;

type OpeningFields = Pick<Report, "opening" | "openingPendingUpdates">;

export interface OpeningFormProps {
  opening: RichDoc;
  pendingUpdates: Report["openingPendingUpdates"];
  year: number;
  agency: string;
  template: ReportTemplate;
  isEditable: boolean;
  onChange: (change: (current: OpeningFields) => OpeningFields) => void;
  registerEditor: (id: string, handle: BodyEditorHandle | null) => void;
  onLeaveField: () => void;
}

/**
 * 导语: the report's first field, printed after 主送 and before 一、. The template's written guidance stands
 * above an empty editor (never as text in the report); carried years and figures show as 待更新 marks.
 */
export const OpeningForm = memo(function OpeningForm({
  opening,
  pendingUpdates = [],
  year,
  agency,
  template,
  isEditable,
  onChange,
  registerEditor,
  onLeaveField,
}: OpeningFormProps) {
  const editorRef = useRef<BodyEditorHandle | null>(null);
  const guidance = template.opening ? fillPattern(template.opening.guidance, { agency, year }) : "";
  const text = docToText(opening);
  const pendingRanges = useMemo<TextRanges>(
    () => ({ text, ranges: findPendingRangesInText(text, pendingUpdates).map((range) => ({ id: range.pendingId, from: range.from, to: range.to })) }),
    [text, pendingUpdates],
  );
  const onBodyChange = (body: RichDoc) =>
    onChange((current) => {
      const marks = current.openingPendingUpdates;
      const kept = marks ? keepPresentPendingUpdates(docToText(body), marks) : undefined;
      return { opening: body, ...(kept && kept.length > 0 ? { openingPendingUpdates: kept } : {}) };
    });
  const confirm = (pendingId: string) =>
    onChange((current) => {
      const kept = (current.openingPendingUpdates ?? []).filter((pending) => pending.id !== pendingId);
      return { opening: current.opening, ...(kept.length > 0 ? { openingPendingUpdates: kept } : {}) };
    });

  return (
    <section aria-labelledby="opening-title" className="rounded-md border border-stone-200 bg-white p-4 shadow-sm" data-testid="opening-form">
      <h2 id="opening-title" className="mb-1 text-base font-semibold">
        导语
      </h2>
      <p className="mb-2 text-xs text-stone-600">导语印在主送机关之后、“一、”之前。</p>
      {guidance && (
        <p data-testid="opening-guidance" className="mb-3 rounded bg-stone-50 px-3 py-2 text-xs leading-relaxed text-stone-700">
          填写指引：{guidance}
        </p>
      )}
      <div id={openingFieldId} tabIndex={-1}>
        <LazyBodyEditor
          ref={(handle) => {
            editorRef.current = handle;
            registerEditor(OPENING_EDITOR_ID, handle);
          }}
          itemId={OPENING_EDITOR_ID}
          initialContent={opening}
          isEditable={isEditable}
          label="导语"
          placeholder={`例如：${year}年，……坚持以习近平新时代中国特色社会主义思想为指导，……现将有关情况报告如下：`}
          onChange={onBodyChange}
          onBlur={onLeaveField}
          pendingRanges={pendingRanges}
        />
      </div>
      {pendingUpdates.length > 0 && (
        <div className="mt-2 rounded border border-amber-300 bg-amber-50 px-2 py-1.5 text-xs text-amber-950" data-testid="pending-opening">
          <p className="mb-1">沿用自去年的内容，请核对是否需要更新（导语中以黄色标出）：</p>
          <ul className="flex flex-wrap gap-2">
            {pendingUpdates.map((pending) => {
              const range = pendingRanges.ranges.find((candidate) => candidate.id === pending.id);
              return (
                <li key={pending.id} className="inline-flex items-center gap-1 rounded bg-white px-1.5 py-0.5 ring-1 ring-amber-300">
                  <button
                    type="button"
                    className="underline decoration-dotted focus-visible:outline-2 focus-visible:outline-blue-700"
                    title="在导语中定位"
                    onClick={() => range && editorRef.current?.focusRange(range.from, range.to)}
                  >
                    待更新：{pending.text}
                  </button>
                  {isEditable && (
                    <Button size="sm" variant="ghost" aria-label={`确认“${pending.text}”无需更新`} onClick={() => confirm(pending.id)}>
                      确认
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
});

export interface ClosingFormProps {
  closing: string;
  template: ReportTemplate;
  isEditable: boolean;
  onChange: (closing: string) => void;
  onLeaveField: () => void;
}

/**
 * 结束语: the report's last field, printed after the last part and before the signature. Empty unless the
 * official writes one or takes the template's suggestion with one click.
 */
export const ClosingForm = memo(function ClosingForm({ closing, template, isEditable, onChange, onLeaveField }: ClosingFormProps) {
  // Typed text is kept locally so an IME composition is never interrupted by a re-render from the report.
  const [value, setValue] = useState(closing);
  const isSuggesting = useIsSuggestingField();
  const suggested = template.opening?.suggestedClosing ?? "";
  const commit = (next: string) => {
    setValue(next);
    onChange(next.slice(0, MAX_CLOSING));
  };
  return (
    <section
      aria-labelledby="closing-title"
      className="rounded-md border border-stone-200 bg-white p-4 shadow-sm"
      data-testid="closing-form"
      onBlurCapture={onLeaveField}
    >
      <h2 id="closing-title" className="mb-1 text-base font-semibold">
        结束语
      </h2>
      {template.opening && (
        <p className="mb-3 rounded bg-stone-50 px-3 py-2 text-xs leading-relaxed text-stone-700">填写指引：{template.opening.closingGuidance}</p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={closingFieldId} className="sr-only">
          结束语
        </label>
        {isSuggesting ? (
          <FieldSuggestInput id={closingFieldId} className="max-w-md" target={{ field: "closing" }} value={closing} placeholder="可不填，如：特此报告。" />
        ) : (
          <Input
            id={closingFieldId}
            className="max-w-md"
            value={value}
            maxLength={MAX_CLOSING}
            disabled={!isEditable}
            placeholder="可不填，如：特此报告。"
            onChange={(event) => commit(event.target.value)}
          />
        )}
        {isEditable && suggested && value.trim() !== suggested && (
          <Button type="button" size="sm" variant="secondary" onClick={() => commit(suggested)}>
            使用“{suggested}”
          </Button>
        )}
        {isEditable && value && (
          <Button type="button" size="sm" variant="ghost" onClick={() => commit("")}>
            不用结束语
          </Button>
        )}
      </div>
      <FieldSuggestionNote target={{ field: "closing" }} value={closing} />
    </section>
  );
});
