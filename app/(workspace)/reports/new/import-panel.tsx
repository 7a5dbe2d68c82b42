"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";

import { readEnvelope } from "@/lib/errors";
import type { ImportResult, MetaSuggestion } from "@/lib/import/types";
import { formatChineseDate, reportSchema, SECTION_KIND_LABELS, SECTION_KINDS, type Report, type SectionKind } from "@/lib/report-model";

import { PartsImportNotice } from "@/components/report/parts-import-notice";

import { acceptImportAction } from "./actions";

/**
 * The preview keeps the user's choices apart from the import variants: which variant is shown (converted or
 * Traditional, repaired or as captured), the kinds chosen per part and the page suggestions accepted. All
 * variants have the same parts, so a kind chosen before or after switching variants is never lost.
 */
interface Preview {
  name: "preview";
  result: ImportResult;
  isTraditionalKept: boolean;
  isRepairUndone: boolean;
  kinds: Record<number, SectionKind>;
  acceptedSuggestions: MetaSuggestion["field"][];
}
type Phase = { name: "idle" } | { name: "reading" } | Preview | { name: "saving" };

const SUGGESTION_LABELS = { signature: "署名", date: "成文日期", agency: "机关名称" } as const;

/** The report the preview shows and accepting saves: the chosen variant with the user's kinds and accepted suggestions. */
function previewReport(phase: Preview): Report {
  const { result } = phase;
  const base = (phase.isTraditionalKept && result.alternatives?.traditional) || (phase.isRepairUndone && result.alternatives?.unrepaired) || result.report;
  const report = structuredClone(base);
  for (const [index, kind] of Object.entries(phase.kinds)) if (report.sections[Number(index)]) report.sections[Number(index)]!.kind = kind;
  for (const suggestion of result.suggestions ?? []) if (phase.acceptedSuggestions.includes(suggestion.field)) report.meta[suggestion.field] = suggestion.value;
  return report;
}

const LOG_LABELS = { removed: "已删除", converted: "已转换", guessed: "推断", warning: "注意" } as const;

/** The preview as the route built it: the report is parsed whole, the lists the panel walks are checked to be lists. */
const importResultShape = z.object({
  report: reportSchema,
  sourceHeadings: z.array(z.unknown()),
  log: z.array(z.unknown()),
  uncertain: z.array(z.unknown()),
  suggestions: z.array(z.unknown()),
  repairCount: z.number(),
});
const importResultSchema = z.custom<ImportResult>((value) => importResultShape.safeParse(value).success);

async function postImport(body: FormData | string): Promise<ImportResult> {
  const response = await fetch("/api/reports/import", {
    method: "POST",
    body,
    headers: typeof body === "string" ? { "Content-Type": "application/json" } : undefined,
  });
  const answer = await readEnvelope(response, importResultSchema);
  if (!answer.ok) throw new Error(answer.message);
  return answer.data;
}

/** Upload or paste last year's report, check what was recognised, then accept it. */
export function ImportPanel() {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [error, setError] = useState<string>();
  const [pasted, setPasted] = useState("");

  async function read(body: FormData | string) {
    setError(undefined);
    setPhase({ name: "reading" });
    try {
      setPhase({ name: "preview", result: await postImport(body), isTraditionalKept: false, isRepairUndone: false, kinds: {}, acceptedSuggestions: [] });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "导入失败");
      setPhase({ name: "idle" });
    }
  }

  function setKind(index: number, kind: SectionKind) {
    if (phase.name !== "preview") return;
    setPhase({ ...phase, kinds: { ...phase.kinds, [index]: kind } });
  }

  function toggleSuggestion(field: MetaSuggestion["field"], isAccepted: boolean) {
    if (phase.name !== "preview") return;
    const others = phase.acceptedSuggestions.filter((accepted) => accepted !== field);
    setPhase({ ...phase, acceptedSuggestions: isAccepted ? [...others, field] : others });
  }

  async function accept(mode: "as-is" | "rollforward") {
    if (phase.name !== "preview") return;
    const content = previewReport(phase);
    const previous = phase;
    setPhase({ name: "saving" });
    const result = await acceptImportAction({ content, mode });
    if (!result.ok) {
      setError(result.message);
      setPhase(previous);
      return;
    }
    router.push(`/reports/${result.data.reportId}`);
  }

  if (phase.name === "preview" || phase.name === "saving") {
    if (phase.name === "saving") return <p role="status">正在创建报告…</p>;
    const { result } = phase;
    const report = previewReport(phase);
    return (
      <div className="space-y-5" data-testid="import-preview">
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <div>
          <h2 className="text-lg font-semibold">{report.meta.title || "（未识别到标题）"}</h2>
          <p className="text-sm text-gray-600">
            机关：{report.meta.agency || "未识别"} · 年度：{report.meta.year}年
          </p>
        </div>
        <table className="w-full text-sm">
          <thead className="text-left text-gray-500">
            <tr>
              <th className="py-1 font-medium">识别出的部分</th>
              <th className="py-1 font-medium">归类</th>
              <th className="py-1 font-medium">条目</th>
            </tr>
          </thead>
          <tbody>
            {report.sections.map((section, index) => {
              const isUncertain = result.uncertain.some((mapping) => mapping.target === "section" && mapping.sectionIndex === index);
              return (
                <tr key={section.id} className="border-t border-gray-100">
                  <td className="py-2 pr-2">{section.heading}</td>
                  <td className="py-2 pr-2">
                    <select
                      aria-label={`“${section.heading}”的归类`}
                      value={section.kind}
                      onChange={(event) => setKind(index, event.target.value as SectionKind)}
                      className="rounded border border-gray-300 px-2 py-1"
                    >
                      {SECTION_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {SECTION_KIND_LABELS[kind]}
                        </option>
                      ))}
                    </select>
                    {isUncertain ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-800">请确认</span> : null}
                  </td>
                  <td className="py-2 tabular-nums">{section.items.length}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <PartsImportNotice report={report} />
        {(result.suggestions ?? []).length > 0 ? (
          <fieldset className="space-y-1 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
            <legend className="px-1 font-medium">报告正文中没有的信息</legend>
            {result.suggestions.map((suggestion) => (
              <label key={suggestion.field} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={phase.acceptedSuggestions.includes(suggestion.field)}
                  onChange={(event) => toggleSuggestion(suggestion.field, event.target.checked)}
                />
                采用{SUGGESTION_LABELS[suggestion.field]}“{suggestion.field === "date" ? formatChineseDate(suggestion.value) : suggestion.value}”
                <span className="text-amber-800">
                  （{suggestion.source}，{suggestion.message}）
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {result.alternatives?.traditional ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={phase.isTraditionalKept} onChange={(event) => setPhase({ ...phase, isTraditionalKept: event.target.checked })} />
            撤销繁简转换（保留繁体原文）
          </label>
        ) : null}
        {result.alternatives?.unrepaired && !phase.isTraditionalKept ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={phase.isRepairUndone} onChange={(event) => setPhase({ ...phase, isRepairUndone: event.target.checked })} />
            撤销网页副本修复（共 {result.repairCount} 处，保留原样，由校验逐条提示）
          </label>
        ) : null}
        <details className="rounded-md border border-gray-200 p-3 text-sm" open={result.log.length <= 12}>
          <summary className="cursor-pointer font-medium">导入记录（{result.log.length} 条）</summary>
          <ul className="mt-2 space-y-1">
            {result.log.map((entry, index) => (
              <li key={index}>
                <span className="mr-2 rounded bg-gray-100 px-1.5 text-xs">{LOG_LABELS[entry.kind]}</span>
                {entry.message}
                {entry.sample ? <span className="ml-1 text-gray-400">“{entry.sample}”</span> : null}
              </li>
            ))}
          </ul>
        </details>
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            onClick={() => accept("rollforward")}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            以此为基础新建{report.meta.year + 1}年报告
          </button>
          <button type="button" onClick={() => accept("as-is")} className="rounded-md border border-gray-300 px-4 py-2 text-sm hover:bg-gray-50">
            按原样保存为{report.meta.year}年报告
          </button>
          <button type="button" onClick={() => setPhase({ name: "idle" })} className="rounded-md px-4 py-2 text-sm text-gray-600 hover:bg-gray-100">
            重新选择
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-5">
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div>
        <span className="mb-1 block text-sm font-medium">上传去年的报告文件</span>
        <label
          htmlFor="import-file"
          className="inline-flex cursor-pointer items-center rounded-md border border-gray-300 bg-white px-4 py-2 text-sm hover:bg-gray-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600"
        >
          选择文件…
          <input
            id="import-file"
            type="file"
            accept=".docx,.txt,.html,.htm,.pdf"
            disabled={phase.name === "reading"}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              const form = new FormData();
              form.append("file", file);
              void read(form);
            }}
            className="sr-only"
          />
        </label>
        <p className="mt-1 text-xs text-gray-500">支持 Word（.docx）、文本（.txt，含 GBK 编码）、网页（.html）和带文字层的 PDF；繁体会自动转为简体。</p>
      </div>
      <div>
        <label htmlFor="import-text" className="mb-1 block text-sm font-medium">
          或粘贴报告全文
        </label>
        <textarea
          id="import-text"
          rows={6}
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
          className="w-full rounded-md border border-gray-300 px-3 py-2 text-sm"
        />
        <button
          type="button"
          disabled={phase.name === "reading" || !pasted.trim()}
          onClick={() => void read(JSON.stringify({ text: pasted }))}
          className="mt-2 rounded-md border border-gray-300 px-4 py-2 text-sm hover:bg-gray-50 disabled:opacity-50"
        >
          识别粘贴的文本
        </button>
      </div>
      {phase.name === "reading" ? (
        <p role="status" className="text-sm text-gray-600">
          <span className="mr-2 inline-block h-3 w-3 animate-spin rounded-full border-2 border-brand-600 border-t-transparent align-middle" />
          正在识别文件结构…
        </p>
      ) : null}
    </div>
  );
}
