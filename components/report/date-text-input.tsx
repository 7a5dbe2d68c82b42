"use client";

import { useRef, useState } from "react";

import { formatChineseDate } from "@/lib/report-model";
import { toHalfWidthDigits } from "@/lib/report-model/half-width-digits";

import { Input } from "@/components/ui/input";

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/**
 * "2026年3月8日", "2026-03-08", "2026/3/8", "2026.3.8" or the same in full-width digits → "2026-03-08"; "" for an
 * empty field; null for anything else (a five-digit year, 2月30日 …), which the form reports as a finding.
 */
export function parseDateText(text: string): string | null {
  const plain = toHalfWidthDigits(text).trim();
  if (plain === "") return "";
  const match = DATE_TEXT.exec(plain);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The 成文日期 as the official reads it, 2026年3月8日, whatever the browser's language (a native date input shows
 * 03/08/2026 in an English browser). Typed dates in the usual forms are read on the fly and shown in the Chinese
 * form on leaving the field; 日历 opens the browser's date picker. `onValue` gets YYYY-MM-DD, "" or the raw text.
 */
export function DateTextInput(props: {
  id: string;
  initial: string;
  disabled: boolean;
  isInvalid: boolean;
  describedBy?: string;
  min: string;
  max: string;
  onValue: (value: string) => void;
}) {
  const [text, setText] = useState(() => formatChineseDate(props.initial) || props.initial);
  const pickerRef = useRef<HTMLInputElement>(null);
  const iso = parseDateText(text);
  return (
    <div className="flex items-center gap-1">
      <Input
        id={props.id}
        value={text}
        placeholder="如 2026年3月8日"
        autoComplete="off"
        disabled={props.disabled}
        aria-invalid={props.isInvalid}
        aria-describedby={props.describedBy}
        onChange={(event) => {
          setText(event.target.value);
          props.onValue(parseDateText(event.target.value) ?? event.target.value.trim());
        }}
        onBlur={() => {
          if (iso) setText(formatChineseDate(iso));
        }}
      />
      <input
        ref={pickerRef}
        type="date"
        tabIndex={-1}
        aria-hidden="true"
        className="sr-only"
        min={props.min}
        max={props.max}
        value={iso ?? ""}
        disabled={props.disabled}
        onChange={(event) => {
          setText(formatChineseDate(event.target.value) || event.target.value);
          props.onValue(event.target.value);
        }}
      />
      <button
        type="button"
        data-testid="date-picker-button"
        disabled={props.disabled}
        aria-label="打开日历选择日期"
        className="h-9 shrink-0 rounded border border-stone-300 bg-white px-2 text-sm hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-blue-700 disabled:opacity-50"
        onClick={() => pickerRef.current?.showPicker?.()}
      >
        日历
      </button>
    </div>
  );
}
