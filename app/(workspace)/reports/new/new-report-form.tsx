"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";

import { FormAlert } from "@/components/ui/form-alert";
import { formatChineseDate, reportDeadlines } from "@/lib/report-model";
import { createReportSchema } from "@/lib/schemas/report";

import { createReportAction } from "./actions";

type FormInput = z.input<typeof createReportSchema>;
type FormOutput = z.output<typeof createReportSchema>;

interface NewReportFormProps {
  templates: Array<{ id: string; name: string; description: string; fits: boolean }>;
  previousReports: Array<{ id: string; year: number; title: string }>;
  defaultYear: number;
  /** The agency's 报送/公开 deadlines ("MM-DD"), shown for the chosen year. */
  deadlineSettings: { submissionDeadline: string; disclosureDeadline: string };
}

/** "2027年3月1日前报送，2027年4月1日前公开", or nothing while the year is not a plausible one. */
function describeYearDeadlines(year: unknown, settings: NewReportFormProps["deadlineSettings"]): string {
  const value = Number(year);
  if (!Number.isInteger(value) || value < 2000 || value > 2100) return "";
  const { submission, disclosure } = reportDeadlines(value, settings);
  return `${formatChineseDate(submission)}前报送，${formatChineseDate(disclosure)}前公开`;
}

export function NewReportForm({ templates, previousReports, defaultYear, deadlineSettings }: NewReportFormProps) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, control, setValue, formState } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createReportSchema),
    defaultValues: { year: defaultYear, templateId: templates[0]?.id ?? "", fromReportId: "" },
  });
  const fromReportId = useWatch({ control, name: "fromReportId" });
  const deadlineText = describeYearDeadlines(useWatch({ control, name: "year" }), deadlineSettings);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await createReportAction(values);
    if (!result.ok) {
      setFormError(result.fieldErrors ? (Object.values(result.fieldErrors).flat()[0] ?? result.message) : result.message);
      return;
    }
    router.push(`/reports/${result.data.reportId}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded-lg border border-gray-200 bg-white p-6">
      <FormAlert message={formError} className="" />
      <div>
        <label htmlFor="year" className="mb-1 block text-sm font-medium">
          报告年度
        </label>
        <input id="year" type="number" className="w-40 rounded-md border border-gray-300 px-3 py-2" {...register("year")} />
        <span className="ml-2 text-sm text-gray-500">报告的是哪一年的工作（次年一季度报送）</span>
        {deadlineText ? (
          <p className="mt-1 text-sm text-gray-700" data-testid="new-report-deadlines">
            本年度报告须于{deadlineText}。
          </p>
        ) : null}
        {formState.errors.year ? (
          <p role="alert" className="mt-1 text-sm text-red-600">
            {formState.errors.year.message}
          </p>
        ) : null}
      </div>
      {previousReports.length > 0 ? (
        <fieldset>
          <legend className="mb-2 text-sm font-medium">以去年报告为基础新建（可选）</legend>
          <select
            aria-label="选择作为基础的报告"
            className="w-full rounded-md border border-gray-300 px-3 py-2"
            {...register("fromReportId", {
              onChange: (event: { target: { value: string } }) => {
                const base = previousReports.find((report) => report.id === event.target.value);
                if (base) setValue("year", base.year + 1);
              },
            })}
          >
            <option value="">不使用，按模板新建</option>
            {previousReports.map((report) => (
              <option key={report.id} value={report.id}>
                {report.year}年：{report.title}
              </option>
            ))}
          </select>
          <p className="mt-1 text-sm text-gray-500">结构和文字会沿用，年份顺延，旧数字标为“待更新”，去年的工作安排转为本年的承诺事项清单。</p>
        </fieldset>
      ) : null}
      {!fromReportId ? (
        <fieldset>
          <legend className="mb-2 text-sm font-medium">模板</legend>
          <div className="space-y-2">
            {templates.map((template) => (
              <label
                key={template.id}
                className="flex cursor-pointer gap-3 rounded-md border border-gray-200 p-3 hover:bg-gray-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
              >
                <input type="radio" value={template.id} className="mt-1" {...register("templateId")} />
                <span>
                  <span className="font-medium">{template.name}</span>
                  {template.fits ? <span className="ml-2 rounded bg-emerald-100 px-1.5 text-xs text-emerald-800">适合本机关</span> : null}
                  <span className="mt-0.5 block text-sm text-gray-500">{template.description}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <button
        type="submit"
        disabled={formState.isSubmitting}
        className="rounded-md bg-brand-600 px-5 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {formState.isSubmitting ? "正在创建…" : "创建并开始起草"}
      </button>
    </form>
  );
}
