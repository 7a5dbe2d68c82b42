import { formatDateTime } from "@/lib/format";

/** Shown to everyone on a report that was returned: who returned it, when, and the reason they gave. */
export function ReturnBanner({ notice }: { notice: { by: string; at: Date; reason: string } }) {
  return (
    <div role="status" data-testid="return-banner" className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900">
      <strong>已退回修改</strong>：{notice.by}于{formatDateTime(notice.at)}退回，意见：{notice.reason || "（未填写）"}
    </div>
  );
}
