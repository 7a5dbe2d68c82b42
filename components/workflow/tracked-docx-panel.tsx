"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { readEnvelope } from "@/lib/errors";
import { trackedImportResultSchema, type TrackedImportResult } from "@/lib/schemas/tracked";

export interface TrackedDocxPanelProps {
  reportId: string;
  /** May this user bring a leader's changes in, in the report's current state? */
  canImport: boolean;
  /** Why not, when `canImport` is false (the state or the role). */
  importBlockedReason?: string;
}

/**
 * 领导在 Word/WPS 中改稿: download the report with its suggestions as tracked changes and the open comments as Word
 * comments, and upload the file a leader changed in 修订模式 to bring the changes back as suggestions and comments.
 */
export function TrackedDocxPanel({ reportId, canImport, importBlockedReason }: TrackedDocxPanelProps) {
  const router = useRouter();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<TrackedImportResult>();

  const upload = async () => {
    if (!file) return;
    setIsBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const body = new FormData();
      body.append("file", file);
      const answer = await readEnvelope(await fetch(`/api/reports/${reportId}/tracked`, { method: "POST", body }), trackedImportResultSchema);
      if (!answer.ok) setError(answer.message);
      else {
        setResult(answer.data);
        router.refresh();
      }
    } catch {
      setError("上传失败，请检查网络后重试");
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="rounded border border-stone-200 bg-white p-3" data-testid="tracked-docx-panel">
      <h2 id={`${id}-title`} className="mb-1 text-sm font-semibold">
        在 Word/WPS 中修订
      </h2>
      <p className="mb-2 text-xs text-stone-600">
        修订稿中的修订显示为 Word 修订（标明修订人和时间），未解决的意见显示为批注。领导以修订模式改过的文件可以导入回来，成为待处理的修订和意见。
      </p>
      <a href={`/api/reports/${reportId}/tracked`} className="text-sm text-brand-700 hover:underline" data-testid="tracked-download">
        下载修订稿（.docx）
      </a>
      {canImport ? (
        <form
          className="mt-3 space-y-2 border-t border-stone-100 pt-3"
          aria-label="导入领导修订"
          onSubmit={(event) => {
            event.preventDefault();
            void upload();
          }}
        >
          <p className="text-sm">导入修订后的 Word 文件</p>
          <div className="flex items-center gap-2">
            {/* The browser's own file button speaks the browser's language; this one is always Chinese. */}
            <input
              id={`${id}-file`}
              type="file"
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              className="peer sr-only"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
            <label
              htmlFor={`${id}-file`}
              className="inline-flex h-9 cursor-pointer items-center rounded border border-stone-300 bg-white px-3 text-sm text-stone-800 peer-focus-visible:ring-2 peer-focus-visible:ring-red-800 hover:bg-stone-50"
            >
              选择文件
            </label>
            <span className="truncate text-sm text-stone-600" data-testid="tracked-file-name">
              {file ? file.name : "未选择文件"}
            </span>
          </div>
          <Button type="submit" variant="primary" disabled={!file || isBusy}>
            {isBusy ? "正在导入…" : "导入修订和批注"}
          </Button>
          <FormAlert message={error} className="mt-2" />
        </form>
      ) : (
        <p className="mt-3 border-t border-stone-100 pt-3 text-xs text-stone-500">{importBlockedReason ?? "当前不能导入修订"}</p>
      )}
      {result ? <TrackedImportSummary result={result} /> : null}
    </section>
  );
}

function TrackedImportSummary({ result }: { result: TrackedImportResult }) {
  const isEmpty = result.insertions + result.deletions + result.splits + result.fieldChanges + result.comments + result.replies === 0;
  const splits = result.splits > 0 ? `，分段 ${result.splits} 处` : "";
  const fields = result.fieldChanges > 0 ? `，标题等修改 ${result.fieldChanges} 处` : "";
  const replies = result.replies > 0 ? `，批注回复 ${result.replies} 条` : "";
  return (
    <div role="status" className="mt-3 rounded border border-stone-200 bg-stone-50 p-2 text-sm" data-testid="tracked-import-result">
      <p>
        {isEmpty
          ? "文件中没有新的修订或批注，报告未作改动。"
          : `已导入：插入 ${result.insertions} 处，删除 ${result.deletions} 处${splits}${fields}，批注 ${result.comments} 条${replies}。请在报告中逐条接受或拒绝。`}
        {result.existingComments > 0 ? `另有 ${result.existingComments} 条批注已是报告中的意见，未重复导入。` : ""}
      </p>
      {result.log.length > 0 ? (
        <>
          <p className="mt-2 font-medium text-amber-800">以下内容未能按原样放入报告，请人工核对：</p>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-amber-900" data-testid="tracked-import-log">
            {result.log.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
