"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import type { ImportResult } from "@/lib/import/types";
import { SECTION_KIND_LABELS, SECTION_KINDS, type SectionKind } from "@/lib/report-model";

import { PartsImportNotice } from "@/components/report/parts-import-notice";

import { acceptImportAction } from "./actions";

type Phase = { name: "idle" } | { name: "reading" } | { name: "preview"; result: ImportResult; isTraditionalKept: boolean } | { name: "saving" };

const LOG_LABELS = { removed: "已删除", converted: "已转换", guessed: "推断", warning: "注意" } as const;

async function postImport(body: FormData | string): Promise<ImportResult> {
  const response = await fetch("/api/reports/import", {
    method: "POST",
    body,
    headers: typeof body === "string" ? { "Content-Type": "application/json" } : undefined,
  });
  const json = (await response.json().catch(() => null)) as { ok?: boolean; data?: ImportResult; error?: { message?: string } } | null;
  if (!response.ok || !json?.ok || !json.data) throw new Error(json?.error?.message ?? "导入失败，请稍后再试");
  return json.data;
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
      setPhase({ name: "preview", result: await postImport(body), isTraditionalKept: false });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "导入失败");
      setPhase({ name: "idle" });
    }
  }

  function setKind(index: number, kind: SectionKind) {
    if (phase.name !== "preview") return;
    const report = structuredClone(phase.result.report);
    report.sections[index]!.kind = kind;
    setPhase({ ...phase, result: { ...phase.result, report } });
  }

  async function accept(mode: "as-is" | "rollforward") {
    if (phase.name !== "preview") return;
    const content = phase.isTraditionalKept && phase.result.alternatives ? phase.result.alternatives.traditional : phase.result.report;
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
    const report = phase.isTraditionalKept && result.alternatives ? result.alternatives.traditional : result.report;
    return (
      <div className="space-y-5" data-testid="import-preview">
        {error ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p> : null}
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
                    <select aria-label={`“${section.heading}”的归类`} value={section.kind} onChange={(event) => setKind(index, event.target.value as SectionKind)} className="rounded border border-gray-300 px-2 py-1">
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
        {result.alternatives ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={phase.isTraditionalKept} onChange={(event) => setPhase({ ...phase, isTraditionalKept: event.target.checked })} />
            撤销繁简转换（保留繁体原文）
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
          <button type="button" onClick={() => accept("rollforward")} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
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
      {error ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p> : null}
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
        <textarea id="import-text" rows={6} value={pasted} onChange={(event) => setPasted(event.target.value)} className="w-full rounded-md border border-gray-300 px-3 py-2 text-sm" />
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
