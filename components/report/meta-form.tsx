"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { memo, useEffect, useRef } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";

import { formatChineseDate, reportMetaSchema, type ReportMeta, type SuggestibleMetaKey } from "@/lib/report-model";

import { FieldSuggestDateInput, FieldSuggestInput, FieldSuggestionNote, useIsSuggestingField } from "@/components/editor/suggest/field-suggest";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";

import { DateTextInput } from "./date-text-input";
import { DATE_INPUT_MESSAGE, isSavableDate, metaInputFindings, savableMeta } from "./meta-input-findings";
import type { Finding } from "./validation-api";

type MetaInput = z.input<typeof reportMetaSchema>;

const TEXT_FIELDS: Array<{ key: Exclude<SuggestibleMetaKey, "date">; label: string; hint?: string; wide?: boolean }> = [
  { key: "title", label: "标题", hint: "发文机关 + 事由 + 文种，如“××县人民政府关于2025年法治政府建设情况的报告”", wide: true },
  { key: "agency", label: "机关名称" },
  { key: "mainRecipient", label: "主送机关" },
  { key: "copyTo", label: "抄送", hint: "多个机关用顿号分隔" },
  { key: "signature", label: "署名" },
  { key: "docNumber", label: "文号", hint: "如 ××府〔2026〕3号" },
];

/** Id of a metadata input, also used to focus it from a finding. */
export const metaFieldId = (key: string) => `meta-${key}`;

/**
 * 基本信息. Inputs are uncontrolled (react-hook-form), so IME composition is left to the browser;
 * remount with a new `key` to show values changed elsewhere (conflict resolution, fixes).
 */
export const MetaForm = memo(function MetaForm({
  initial,
  isEditable,
  onChange,
  onInputFindings,
}: {
  initial: ReportMeta;
  isEditable: boolean;
  onChange: (meta: ReportMeta) => void;
  /** Typed values the server would refuse (a five-digit year in 成文日期…); they are saved without them. */
  onInputFindings?: (findings: Finding[]) => void;
}) {
  const isSuggesting = useIsSuggestingField();
  const form = useForm<MetaInput, unknown, ReportMeta>({
    resolver: zodResolver(reportMetaSchema),
    defaultValues: initial,
    mode: "onChange",
  });
  const { register, formState, watch, control } = form;
  const dateValue = useWatch({ control, name: "date" });
  const values = useWatch({ control });
  const dateHint = formatChineseDate(dateValue) ? `落款显示为：${formatChineseDate(dateValue)}` : "如 2026年3月8日";
  const latest = useRef(initial);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const onInputFindingsRef = useRef(onInputFindings);
  onInputFindingsRef.current = onInputFindings;
  const reportedFindings = useRef("[]");

  useEffect(() => {
    const subscription = watch((values) => {
      const next = savableMeta(values, latest.current);
      latest.current = next;
      onChangeRef.current(next);
      const findings = metaInputFindings(values);
      const key = JSON.stringify(findings);
      if (key !== reportedFindings.current) {
        reportedFindings.current = key;
        onInputFindingsRef.current?.(findings);
      }
    });
    return () => subscription.unsubscribe();
  }, [watch]);

  const dateError = typeof dateValue === "string" && !isSavableDate(dateValue) ? DATE_INPUT_MESSAGE : undefined;
  const errorOf = (key: keyof ReportMeta) => (key === "date" ? dateError : formState.errors[key]?.message);
  const describe = (key: keyof ReportMeta) => (errorOf(key) ? `${metaFieldId(key)}-error` : undefined);

  return (
    <form aria-label="基本信息" noValidate onSubmit={(event) => event.preventDefault()} className="grid grid-cols-1 gap-x-4 gap-y-3 md:grid-cols-2">
      {TEXT_FIELDS.map((field) => (
        <Field
          key={field.key}
          id={metaFieldId(field.key)}
          label={field.label}
          hint={field.hint}
          error={errorOf(field.key)}
          className={field.wide ? "md:col-span-2" : undefined}
        >
          {isSuggesting ? (
            <FieldSuggestInput id={metaFieldId(field.key)} target={{ field: "meta", key: field.key }} value={initial[field.key]} />
          ) : (
            <Input
              id={metaFieldId(field.key)}
              disabled={!isEditable}
              aria-invalid={Boolean(errorOf(field.key))}
              aria-describedby={describe(field.key)}
              {...register(field.key)}
            />
          )}
          <FieldSuggestionNote target={{ field: "meta", key: field.key }} value={values[field.key] ?? initial[field.key]} />
        </Field>
      ))}
      <Field id={metaFieldId("year")} label="年度" error={errorOf("year")}>
        <Input
          id={metaFieldId("year")}
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          disabled={!isEditable}
          aria-invalid={Boolean(errorOf("year"))}
          aria-describedby={describe("year")}
          {...register("year", { valueAsNumber: true })}
        />
      </Field>
      <Field id={metaFieldId("date")} label="成文日期" error={errorOf("date")} hint={dateHint}>
        {/* Shown as 2026年3月8日 in any browser language; stored as YYYY-MM-DD. */}
        {isSuggesting ? (
          <FieldSuggestDateInput id={metaFieldId("date")} target={{ field: "meta", key: "date" }} value={initial.date} />
        ) : (
          <DateTextInput
            id={metaFieldId("date")}
            initial={initial.date}
            min="2000-01-01"
            max="2100-12-31"
            disabled={!isEditable}
            isInvalid={Boolean(errorOf("date"))}
            describedBy={describe("date")}
            onValue={(value) => form.setValue("date", value, { shouldDirty: true })}
          />
        )}
        <FieldSuggestionNote
          target={{ field: "meta", key: "date" }}
          value={typeof dateValue === "string" && isSavableDate(dateValue) ? dateValue : initial.date}
        />
      </Field>
      <div className="flex items-center gap-2 md:col-span-2">
        <input
          id={metaFieldId("isPublic")}
          type="checkbox"
          disabled={!isEditable}
          className="size-4 accent-red-800 focus-visible:outline-2 focus-visible:outline-blue-700"
          {...register("isPublic")}
        />
        <label htmlFor={metaFieldId("isPublic")} className="text-sm text-stone-800">
          向社会公开（公开的报告会检查是否含有个人信息）
        </label>
      </div>
    </form>
  );
});
