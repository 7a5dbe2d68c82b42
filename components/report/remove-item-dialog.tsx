import { docToText, type ReportItem } from "@/lib/report-model";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** Removing an item cannot be undone with Ctrl+Z, so an item with content asks first. */
export function RemoveItemDialog({ item, onCancel, onConfirm }: { item: ReportItem | null; onCancel: () => void; onConfirm: (item: ReportItem) => void }) {
  return (
    <Dialog
      open={item !== null}
      onClose={onCancel}
      title="删除条目"
      testId="confirm-remove-dialog"
      description={`确定删除条目“${item?.heading || "（无标题）"}”及其正文吗？删除后无法撤销。`}
      footer={
        <>
          <Button onClick={onCancel}>取消</Button>
          <Button variant="danger" data-testid="confirm-remove" onClick={() => item && onConfirm(item)}>
            删除
          </Button>
        </>
      }
    >
      {item && <p className="text-sm text-stone-700">正文约 {docToText(item.body).length} 字。</p>}
    </Dialog>
  );
}
