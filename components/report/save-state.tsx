import type { AutosaveState } from "./autosave/autosave-controller";
import { cn } from "@/components/ui/cn";
import { formatTime } from "@/lib/format";

const LABELS: Record<AutosaveState["status"], string> = {
  saved: "已保存",
  dirty: "有未保存的修改",
  saving: "保存中…",
  retrying: "未保存，正在重试",
  offline: "离线，已暂存在本机",
  merging: "正在合并他人的修改…",
  conflict: "与他人的修改冲突，请处理",
  error: "保存失败",
};

const TONES: Record<AutosaveState["status"], string> = {
  saved: "text-green-800",
  dirty: "text-stone-600",
  saving: "text-stone-600",
  retrying: "text-amber-800",
  offline: "text-amber-800",
  merging: "text-stone-600",
  conflict: "text-red-800",
  error: "text-red-800",
};

/** Beijing time on the server and in the browser alike, so hydration sees the same text (React #418). */
function formatSavedTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : formatTime(date);
}

/** Live save status; `data-state` carries the machine-readable status for tests. */
export function SaveState({ state, isReadOnly, onRetry }: { state: AutosaveState; isReadOnly: boolean; onRetry: () => void }) {
  if (isReadOnly) {
    return (
      <span data-testid="save-state" data-state="readonly" className="text-sm text-stone-500">
        只读
      </span>
    );
  }
  const time = state.status === "saved" ? formatSavedTime(state.base.updatedAt) : "";
  const detail = state.status === "error" ? state.message : state.status === "retrying" && state.isStoredLocally ? "已暂存在本机" : "";
  return (
    <span
      data-testid="save-state"
      data-state={state.status}
      role="status"
      aria-live="polite"
      title={state.message || undefined}
      className={cn("inline-flex items-center gap-1.5 text-sm whitespace-nowrap", TONES[state.status])}
    >
      <span aria-hidden className={cn("size-2 rounded-full bg-current", state.status === "saving" && "animate-pulse")} />
      {LABELS[state.status]}
      {time && <span className="text-stone-500">· {time}</span>}
      {detail && <span className="max-w-64 truncate text-stone-600">（{detail}）</span>}
      {(state.status === "retrying" || state.status === "offline" || state.status === "error") && (
        <button
          type="button"
          data-testid="save-retry"
          onClick={onRetry}
          className="rounded px-1 text-xs text-blue-800 underline focus-visible:outline-2 focus-visible:outline-blue-700"
        >
          立即重试
        </button>
      )}
    </span>
  );
}
