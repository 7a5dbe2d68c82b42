"use client";

import { useState } from "react";

import { findIndicator, type IndicatorValues } from "@/lib/report-model";

import { Input } from "@/components/ui/input";

export const indicatorFieldId = (sectionId: string, indicatorId: string) => `indicator-${sectionId}-${indicatorId}`;

function formatValue(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/** Parses what was typed; undefined means "not a valid figure yet" (keep the last value). */
export function parseIndicatorInput(text: string, isInteger: boolean): number | null | undefined {
  const trimmed = text.trim().replace(/，/g, "").replace(/,/g, "");
  if (trimmed === "") return null;
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || (isInteger && !Number.isInteger(value))) return undefined;
  return value;
}

function IndicatorInput(props: {
  id: string;
  label: string;
  unit: string;
  isInteger: boolean;
  value: number | null | undefined;
  previous: number | null | undefined;
  isEditable: boolean;
  onChange: (value: number | null) => void;
}) {
  const [text, setText] = useState(formatValue(props.value));
  const [error, setError] = useState("");
  const previous = formatValue(props.previous);
  return (
    <div>
      <label htmlFor={props.id} className="mb-1 block text-xs text-stone-700">
        {props.label}
      </label>
      <div className="flex items-center gap-1.5">
        <Input
          id={props.id}
          inputMode={props.isInteger ? "numeric" : "decimal"}
          className="w-28 text-right tabular-nums"
          value={text}
          disabled={!props.isEditable}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${props.id}-error` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            const value = parseIndicatorInput(event.target.value, props.isInteger);
            if (value === undefined) {
              setError(props.isInteger ? "请填写不小于0的整数" : "请填写不小于0的数字");
              return;
            }
            setError("");
            props.onChange(value);
          }}
        />
        <span className="text-sm text-stone-600">{props.unit}</span>
        {previous && (
          <span className="text-xs text-stone-500" title="去年报告中的数值">
            去年 {previous}
            {props.unit}
          </span>
        )}
      </div>
      {error && (
        <p id={`${props.id}-error`} role="alert" className="mt-0.5 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** Typed figures of a part, each beside last year's value. */
export function IndicatorInputs(props: {
  sectionId: string;
  ids: string[];
  values: IndicatorValues;
  previous: IndicatorValues;
  requiredIds: string[];
  isEditable: boolean;
  onChange: (indicatorId: string, value: number | null) => void;
}) {
  if (props.ids.length === 0) return null;
  return (
    <fieldset className="mt-4 rounded border border-stone-200 p-3">
      <legend className="px-1 text-sm font-medium text-stone-800">主要指标</legend>
      <div className="grid grid-cols-[repeat(auto-fill,minmax(13rem,1fr))] gap-3">
        {props.ids.map((id) => {
          const definition = findIndicator(id);
          if (!definition) return null;
          const isRequired = props.requiredIds.includes(id);
          return (
            <IndicatorInput
              key={id}
              id={indicatorFieldId(props.sectionId, id)}
              label={`${definition.label}${isRequired ? "（必填）" : ""}`}
              unit={definition.unit}
              isInteger={definition.isInteger}
              value={props.values[id]}
              previous={props.previous[id]}
              isEditable={props.isEditable}
              onChange={(value) => props.onChange(id, value)}
            />
          );
        })}
      </div>
    </fieldset>
  );
}
