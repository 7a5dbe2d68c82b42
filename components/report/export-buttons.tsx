"use client";

import { useRef, useState } from "react";

import { Button } from "@/components/ui/button";

import { readErrorMessage } from "./read-error-message";

type Format = "docx" | "pdf";
type DownloadState =
  | { kind: "idle" }
  | { kind: "running"; format: Format; percent: number | null }
  | { kind: "failed"; message: string }
  /** Downloaded, with something the official must know: open 修订 printed as accepted or kept as tracked changes, the 署名's page. */
  | { kind: "noted"; message: string };

/**
 * What the official must know after a download, from the X-Export-Warnings header: open suggestions (修订), and the
 * 署名 and 成文日期's page (GB/T 9704 7.3.5): the last page set tighter so they stand with the text, or, when nothing
 * could, that they stand alone. `null` when there is none of these.
 */
function exportNoteOf(response: Response): string | null {
  const warnings = decodeURIComponent(response.headers.get("X-Export-Warnings") ?? "").split("\n");
  const notes = warnings.filter((warning) => warning.includes("未处理修订") || warning.includes("署名和成文日期"));
  return notes.length > 0 ? notes.join(" ") : null;
}

const FORMAT_LABELS: Record<Format, string> = { docx: "Word", pdf: "PDF" };

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get("Content-Disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // Malformed: use the plain name below.
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

async function readWithProgress(response: Response, onProgress: (percent: number | null) => void): Promise<Blob> {
  const total = Number(response.headers.get("Content-Length")) || 0;
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(total ? Math.min(99, Math.round((received / total) * 100)) : null);
  }
  return new Blob(chunks as BlobPart[], { type: response.headers.get("Content-Type") ?? "application/octet-stream" });
}

/** 导出 Word / 导出 PDF: fetch → blob → object URL, with progress and a Chinese error on failure. */
export function ExportButtons({ reportId, fileStem, beforeExport }: { reportId: string; fileStem: string; beforeExport: () => Promise<void> }) {
  const [state, setState] = useState<DownloadState>({ kind: "idle" });
  const abortRef = useRef<AbortController | null>(null);

  async function download(format: Format) {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ kind: "running", format, percent: null });
    try {
      await beforeExport();
      const response = await fetch(`/api/reports/${encodeURIComponent(reportId)}/export?format=${format}`, {
        credentials: "same-origin",
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(await readErrorMessage(response, `导出${FORMAT_LABELS[format]}失败`));
      const blob = await readWithProgress(response, (percent) => setState({ kind: "running", format, percent }));
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileNameOf(response, `${fileStem}.${format}`);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      const note = exportNoteOf(response);
      setState(note ? { kind: "noted", message: note } : { kind: "idle" });
    } catch (error) {
      if (controller.signal.aborted) return;
      const message =
        error instanceof TypeError
          ? `导出${FORMAT_LABELS[format]}失败：无法连接服务器，请检查网络后重试`
          : error instanceof Error
            ? error.message
            : `导出${FORMAT_LABELS[format]}失败`;
      setState({ kind: "failed", message });
    }
  }

  const isRunning = state.kind === "running";
  return (
    <div className="flex items-center gap-2">
      {(["docx", "pdf"] as const).map((format) => (
        <Button key={format} size="md" data-testid={`export-${format}`} disabled={isRunning} onClick={() => void download(format)}>
          {isRunning && state.format === format ? `正在导出${state.percent === null ? "…" : ` ${state.percent}%`}` : `导出 ${FORMAT_LABELS[format]}`}
        </Button>
      ))}
      {state.kind === "noted" && <ExportMessage kind="note" message={state.message} onDismiss={() => setState({ kind: "idle" })} />}
      {state.kind === "failed" && <ExportMessage kind="error" message={state.message} onDismiss={() => setState({ kind: "idle" })} />}
    </div>
  );
}

/** A note (amber, a status) or a failure (red, an alert) beside the buttons, until dismissed. */
function ExportMessage({ kind, message, onDismiss }: { kind: "note" | "error"; message: string; onDismiss: () => void }) {
  return (
    <span
      role={kind === "error" ? "alert" : "status"}
      data-testid={kind === "error" ? "export-error" : "export-note"}
      className={`flex max-w-72 items-center gap-1 text-xs ${kind === "error" ? "text-red-800" : "text-amber-800"}`}
    >
      <span className="truncate" title={message}>
        {message}
      </span>
      <button type="button" className="shrink-0 underline" onClick={onDismiss}>
        知道了
      </button>
    </span>
  );
}
