"use client";

import { useEffect, useState } from "react";

import { readEnvelope } from "@/lib/errors";
import { hasSuggestions, type Report } from "@/lib/report-model";
import { previewPagesSchema } from "@/lib/schemas/report";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";

import { readErrorMessage } from "./read-error-message";

type PreviewState = { kind: "loading" } | { kind: "ready"; urls: string[] } | { kind: "failed"; message: string };

/**
 * Paged A4 preview in the PDF layout. Pages are shown as <img> of SVG blobs, so markup in them
 * can never run as part of this page.
 */
export function PreviewDialog({ open, onClose, reportId, getContent }: { open: boolean; onClose: () => void; reportId: string; getContent: () => Report }) {
  const [attempt, setAttempt] = useState(0);
  // Open suggestions (修订) show in colour in the preview only; the exported PDF prints them accepted.
  const [isUnderReview] = useState(() => open && hasSuggestions(getContent()));
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      testId="preview-dialog"
      title="打印预览"
      description={
        isUnderReview
          ? "按公文格式（GB/T 9704）排版的 A4 页面。未处理的修订以颜色标出：插入为蓝色加下划线，删除为红色加删除线；导出的 PDF 按全部接受后的文字排版。"
          : "按公文格式（GB/T 9704）排版的 A4 页面，与导出的 PDF 一致。"
      }
    >
      {open && <PreviewPages key={attempt} reportId={reportId} getContent={getContent} onRetry={() => setAttempt((value) => value + 1)} />}
    </Dialog>
  );
}

/** Mounted per opening (and per retry), so every load starts from the spinner. */
function PreviewPages({ reportId, getContent, onRetry }: { reportId: string; getContent: () => Report; onRetry: () => void }) {
  const [state, setState] = useState<PreviewState>({ kind: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    let urls: string[] = [];
    fetch(`/api/reports/${encodeURIComponent(reportId)}/preview`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ content: getContent() }),
      signal: controller.signal,
    })
      .then(async (response) => {
        if (!response.ok) throw new Error(await readErrorMessage(response, "预览生成失败"));
        const answer = await readEnvelope(response, previewPagesSchema);
        if (!answer.ok) throw new Error(`预览生成失败：${answer.message}`);
        urls = answer.data.pages.map((svg) => URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" })));
        setState({ kind: "ready", urls });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          kind: "failed",
          message: error instanceof TypeError ? "无法连接服务器，请检查网络后重试" : error instanceof Error ? error.message : "预览生成失败",
        });
      });
    return () => {
      controller.abort();
      for (const url of urls) URL.revokeObjectURL(url);
    };
    // Loads once per mount with the content of that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (state.kind === "loading") {
    return (
      <div className="flex h-64 items-center justify-center">
        <Spinner label="正在排版…" />
      </div>
    );
  }
  if (state.kind === "failed") {
    return (
      <div role="alert" className="flex flex-col items-center gap-3 py-10 text-sm text-red-800">
        {state.message}
        <Button onClick={onRetry}>重试</Button>
      </div>
    );
  }
  return (
    <ol className="flex flex-col items-center gap-4 bg-stone-200 p-4" data-testid="preview-pages" data-count={state.urls.length}>
      {state.urls.map((url, index) => (
        <li key={url} className="w-full max-w-[42rem] bg-white shadow">
          {/* eslint-disable-next-line @next/next/no-img-element -- local blob URLs, nothing to optimise */}
          <img src={url} alt={`第${index + 1}页`} className="block aspect-[210/297] w-full" />
          <p className="py-1 text-center text-xs text-stone-500">
            第 {index + 1} 页 / 共 {state.urls.length} 页
          </p>
        </li>
      ))}
    </ol>
  );
}
