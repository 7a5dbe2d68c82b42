"use client";

import { memo, useMemo, useRef } from "react";

import { docToText, GANGYAO_AREA_LABELS, GANGYAO_AREAS, headingPrefix, type GangyaoArea, type ReportItem, type RichDoc } from "@/lib/report-model";
import { clearResolvedPendingUpdates, confirmPendingUpdate, findPendingRanges } from "@/lib/reuse/pending-updates";

import type { BodyEditorHandle, TextRanges } from "@/components/editor/body-editor";
import { LazyBodyEditor } from "@/components/editor/lazy-body/lazy-body-editor";
import { isImeKeyEvent } from "@/components/editor/composition";
import { FieldSuggestInput, FieldSuggestionNote, useIsSuggestingField } from "@/components/editor/suggest/field-suggest";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

import { PresenceBadge } from "./collab/presence-badges";
import { useSelectCommentRange } from "./comment-selection";

export const itemHeadingId = (itemId: string) => `item-heading-${itemId}`;

export interface ItemFormProps {
  /** The part the item is in (names the heading's suggestions in 修订模式). */
  sectionId: string;
  item: ReportItem;
  index: number;
  isEditable: boolean;
  onItemChange: (itemId: string, change: (item: ReportItem) => ReportItem) => void;
  registerEditor: (itemId: string, handle: BodyEditorHandle | null) => void;
  /** Blur of a field: save now. */
  onLeaveField: () => void;
}

/** One item: heading, run-in toggle, 纲要 area, body editor and its "待更新" marks. */
export const ItemForm = memo(function ItemForm({ sectionId, item, index, isEditable, onItemChange, registerEditor, onLeaveField }: ItemFormProps) {
  const isSuggesting = useIsSuggestingField();
  const headingTarget = { field: "itemHeading", sectionId, itemId: item.id } as const;
  const editorRef = useRef<BodyEditorHandle | null>(null);
  const select = useSelectCommentRange();
  const number = index + 1;
  const pendingRanges = useMemo<TextRanges>(
    () => ({
      text: docToText(item.body),
      ranges: findPendingRanges(item).map((range) => ({ id: range.pendingId, from: range.from, to: range.to })),
    }),
    // Ranges depend only on the body text and the marks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [item.body, item.pendingUpdates],
  );
  const firstRangeOf = (pendingId: string) => pendingRanges.ranges.find((range) => range.id === pendingId);

  const onBodyChange = (body: RichDoc) => onItemChange(item.id, (current) => clearResolvedPendingUpdates({ ...current, body }));

  return (
    <article
      aria-label={`第${number}项`}
      data-testid={`item-${item.id}`}
      id={`item-${item.id}`}
      className="scroll-mt-4 rounded border border-stone-200 bg-stone-50/60 p-3"
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <span className="shrink-0 text-sm font-medium text-stone-600">{headingPrefix(2, number)}</span>
        {isSuggesting ? (
          <FieldSuggestInput
            id={itemHeadingId(item.id)}
            label={`第${number}项标题`}
            target={headingTarget}
            value={item.heading}
            onBlur={onLeaveField}
            className="min-w-48 flex-1 font-medium"
          />
        ) : (
          <Input
            id={itemHeadingId(item.id)}
            data-testid={itemHeadingId(item.id)}
            aria-label={`第${number}项标题`}
            placeholder="条目标题，如“健全依法行政制度体系”"
            value={item.heading}
            disabled={!isEditable}
            onChange={(event) => {
              const heading = event.target.value;
              onItemChange(item.id, (current) => ({ ...current, heading }));
            }}
            onKeyDown={(event) => {
              // The Enter that confirms an IME candidate must not move on (editor-pitfalls 3b).
              if (event.key !== "Enter" || isImeKeyEvent(event)) return;
              event.preventDefault();
              editorRef.current?.focusRange(0, 0);
            }}
            onBlur={onLeaveField}
            className="min-w-48 flex-1 font-medium"
          />
        )}
        <PresenceBadge itemId={item.id} />
      </div>
      <FieldSuggestionNote target={headingTarget} value={item.heading} />
      <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-stone-700">
        <label className="inline-flex items-center gap-1.5">
          <input
            type="checkbox"
            className="size-4 accent-red-800 focus-visible:outline-2 focus-visible:outline-blue-700"
            checked={item.isRunIn}
            disabled={!isEditable}
            onChange={(event) => {
              const isRunIn = event.target.checked;
              onItemChange(item.id, (current) => ({ ...current, isRunIn }));
            }}
          />
          以加粗段首标题连排
        </label>
        <label className="inline-flex items-center gap-1.5">
          对应纲要方面
          <select
            className="h-7 rounded border border-stone-300 bg-white px-1 text-xs focus-visible:outline-2 focus-visible:outline-blue-700"
            value={item.area ?? ""}
            disabled={!isEditable}
            onChange={(event) => {
              const area = (event.target.value || null) as GangyaoArea | null;
              onItemChange(item.id, (current) => ({ ...current, area }));
            }}
          >
            <option value="">未指定</option>
            {GANGYAO_AREAS.map((area) => (
              <option key={area} value={area}>
                {GANGYAO_AREA_LABELS[area]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <LazyBodyEditor
        ref={(handle) => {
          editorRef.current = handle;
          registerEditor(item.id, handle);
        }}
        itemId={item.id}
        initialContent={item.body}
        isEditable={isEditable}
        label={`第${number}项正文`}
        onChange={onBodyChange}
        onBlur={onLeaveField}
        pendingRanges={pendingRanges}
        onSelectionChange={(range) => select(item.id, range)}
      />
      {item.pendingUpdates.length > 0 && (
        <div className="mt-2 rounded border border-amber-300 bg-amber-50 px-2 py-1.5 text-xs text-amber-950" data-testid={`pending-${item.id}`}>
          <p className="mb-1">沿用自去年的内容，请核对是否需要更新（正文中以黄色标出）：</p>
          <ul className="flex flex-wrap gap-2">
            {item.pendingUpdates.map((pending) => {
              const range = firstRangeOf(pending.id);
              return (
                <li key={pending.id} className="inline-flex items-center gap-1 rounded bg-white px-1.5 py-0.5 ring-1 ring-amber-300">
                  <button
                    type="button"
                    className="underline decoration-dotted focus-visible:outline-2 focus-visible:outline-blue-700"
                    title="在正文中定位"
                    onClick={() => range && editorRef.current?.focusRange(range.from, range.to)}
                  >
                    待更新：{pending.text}
                  </button>
                  {isEditable && (
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`确认“${pending.text}”无需更新`}
                      onClick={() => onItemChange(item.id, (current) => confirmPendingUpdate(current, pending.id))}
                    >
                      确认
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </article>
  );
});
