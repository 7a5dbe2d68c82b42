"use client";

import { createContext, useContext, useState } from "react";

import { fieldMaxLength, fieldTargetKey, sameFieldTarget, type FieldSuggestion, type FieldTarget } from "@/lib/report-model";
import { formatDateTime } from "@/lib/format";

import { DateTextInput, parseDateText } from "@/components/report/date-text-input";
import { Input, Textarea } from "@/components/ui/input";

import { FieldDiff } from "./field-diff";

export interface FieldSuggestState {
  /** The open suggestions on plain-text fields (report.fieldSuggestions). */
  suggestions: readonly FieldSuggestion[];
  /** The reviewer or approver typing in suggestion mode (修订模式), or null when fields are edited normally. */
  authorId: string | null;
  /** Called with the whole text typed into a field in suggestion mode. */
  onSuggest: (target: FieldTarget, text: string) => void;
}

const FieldSuggestContext = createContext<FieldSuggestState>({ suggestions: [], authorId: null, onSuggest: () => undefined });

/** A block element whose fields take suggestions as `value` says (the workspace's form column). */
export function FieldSuggestScope({ value, className, children }: { value: FieldSuggestState; className?: string; children: React.ReactNode }) {
  return (
    <FieldSuggestContext.Provider value={value}>
      <div className={className}>{children}</div>
    </FieldSuggestContext.Provider>
  );
}

export function useFieldSuggestions(): FieldSuggestState {
  return useContext(FieldSuggestContext);
}

function useOpenSuggestion(target: FieldTarget): FieldSuggestion | undefined {
  return useFieldSuggestions().suggestions.find((suggestion) => sameFieldTarget(suggestion.target, target));
}

/** Whether this field takes typing as a suggestion here (the page is in suggestion mode). */
export function useIsSuggestingField(): boolean {
  return useFieldSuggestions().authorId !== null;
}

export interface FieldSuggestInputProps {
  target: FieldTarget;
  /** The field's stored text. */
  value: string;
  id?: string;
  label?: string;
  placeholder?: string;
  className?: string;
  isMultiline?: boolean;
  onBlur?: () => void;
}

/**
 * The field's input in suggestion mode: it shows the text as this reviewer suggests it and each change becomes
 * (or updates, or withdraws) their suggestion; the stored text stays. Another author's open suggestion locks it.
 */
export function FieldSuggestInput({ target, value, id, label, placeholder, className, isMultiline, onBlur }: FieldSuggestInputProps) {
  const { authorId, onSuggest } = useFieldSuggestions();
  const open = useOpenSuggestion(target);
  const isMine = open !== undefined && open.authorId === authorId;
  // Local text, so an IME composition is never interrupted by a re-render from the report.
  const [text, setText] = useState(isMine ? open.to : value);
  const isLocked = open !== undefined && !isMine;
  const shared = {
    id,
    "aria-label": label,
    "data-testid": `field-suggest-${fieldTargetKey(target)}`,
    placeholder,
    value: isLocked ? value : text,
    maxLength: fieldMaxLength(target),
    disabled: isLocked,
    title: isLocked ? "此处已有他人的修订，请先接受或拒绝" : "修订模式：修改会作为修订，由起草人接受或拒绝",
    onBlur,
    className,
  };
  const change = (next: string) => {
    setText(next);
    onSuggest(target, next);
  };
  const input = isMultiline ? (
    <Textarea rows={2} {...shared} onChange={(event) => change(event.target.value)} />
  ) : (
    <Input {...shared} onChange={(event) => change(event.target.value)} />
  );
  // Someone else's suggestion reached this field first (both typed at once): what this reviewer typed stays shown.
  const setAside = isLocked && text !== value ? text : null;
  if (!open || setAside === null) return input;
  return (
    <>
      {input}
      <p className="mt-1 text-xs leading-relaxed text-amber-800" role="status" data-testid={`field-suggest-set-aside-${fieldTargetKey(target)}`}>
        {open.authorName || "他人"}已先对此处提出修订，您的修订未保存：“{setAside}”。请先接受或拒绝其修订，再重新输入。
      </p>
    </>
  );
}

/**
 * A date field (成文日期, 印发日期) in suggestion mode: typed as 2026年3月8日 (or 2026-03-08 …) and suggested as
 * YYYY-MM-DD once it reads as a date; while it does not, the last suggestion stays and the field says so.
 */
export function FieldSuggestDateInput({ target, value, id, describedBy }: { target: FieldTarget; value: string; id: string; describedBy?: string }) {
  const { authorId, onSuggest } = useFieldSuggestions();
  const open = useOpenSuggestion(target);
  const isMine = open !== undefined && open.authorId === authorId;
  const isLocked = open !== undefined && !isMine;
  const [isUnreadable, setIsUnreadable] = useState(false);
  return (
    <div
      data-testid={`field-suggest-${fieldTargetKey(target)}`}
      title={isLocked ? "此处已有他人的修订，请先接受或拒绝" : "修订模式：修改会作为修订，由起草人接受或拒绝"}
    >
      <DateTextInput
        // A new key when another's suggestion comes or goes, so the field shows what it now holds.
        key={isLocked ? "locked" : "open"}
        id={id}
        initial={isMine ? open.to : value}
        min="2000-01-01"
        max="2100-12-31"
        disabled={isLocked}
        isInvalid={isUnreadable}
        describedBy={describedBy}
        onValue={(next) => {
          const iso = parseDateText(next);
          setIsUnreadable(iso === null);
          if (iso !== null) onSuggest(target, iso);
        }}
      />
      {isUnreadable && (
        <p className="mt-1 text-xs text-red-700" role="alert">
          日期无法识别（如 2026年3月8日），修订仍为上次可识别的日期
        </p>
      )}
    </div>
  );
}

/** The open suggestion on a field, in colour (deleted red and struck through, inserted blue), with author and time. */
export function FieldSuggestionNote({ target, value }: { target: FieldTarget; value: string }) {
  const open = useOpenSuggestion(target);
  if (!open) return null;
  return (
    <p className="mt-1 text-xs leading-relaxed text-stone-700" data-testid={`field-suggestion-${fieldTargetKey(target)}`}>
      <span className="mr-1 rounded bg-sky-100 px-1 text-sky-900">修订</span>
      <FieldDiff from={value} to={open.to} target={target} />
      <span className="ml-1 text-stone-500">
        （{open.authorName || "（未署名）"}，{formatDateTime(new Date(open.at))}）
      </span>
    </p>
  );
}
