import { Button } from "@/components/ui/button";

import { formatDateTime } from "./format-date-time";

/** Offered on load when IndexedDB holds edits the server never received. */
export function RestoreBanner({ savedAt, onRestore, onDiscard }: { savedAt: number; onRestore: () => void; onDiscard: () => void }) {
  return (
    <div
      role="alert"
      data-testid="restore-banner"
      className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <span className="flex-1">本机保存有 {formatDateTime(new Date(savedAt).toISOString())} 未提交到服务器的修改。</span>
      <Button variant="primary" data-testid="restore-local" onClick={onRestore}>
        恢复本机未保存的修改
      </Button>
      <Button data-testid="discard-local" onClick={onDiscard}>
        放弃
      </Button>
    </div>
  );
}
