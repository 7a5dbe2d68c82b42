"use client";

import { docToText, headingPrefix, SECTION_KIND_LABELS, type ReportSection } from "@/lib/report-model";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

import { sectionContentLength } from "./report-mutations";

export interface PartsRemoveDialogProps {
  /** The part asked to be removed, with its position; null when closed. */
  target: { section: ReportSection; index: number } | null;
  onCancel: () => void;
  onConfirm: (sectionId: string) => void;
}

/** Removing a part cannot be undone, so it always asks; a part with text says plainly what will be lost. */
export function PartsRemoveDialog({ target, onCancel, onConfirm }: PartsRemoveDialogProps) {
  const section = target?.section;
  const name = section ? `${headingPrefix(1, target.index + 1)}${section.heading || SECTION_KIND_LABELS[section.kind]}` : "";
  const length = section ? sectionContentLength(section) : 0;
  const itemCount = section?.items.filter((item) => item.heading.trim() || docToText(item.body).trim()).length ?? 0;
  return (
    <Dialog
      open={target !== null}
      onClose={onCancel}
      title="删除部分"
      testId="confirm-remove-part-dialog"
      description={`确定删除“${name}”吗？后面各部分的序号将依次前移。`}
      footer={
        <>
          <Button onClick={onCancel}>取消</Button>
          <Button variant="danger" data-testid="confirm-remove-part" onClick={() => section && onConfirm(section.id)}>
            {length > 0 ? "删除此部分及其内容" : "删除此部分"}
          </Button>
        </>
      }
    >
      {length > 0 ? (
        <p role="alert" data-testid="remove-part-warning" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          此部分已填写内容：{itemCount}个条目，约{length}字。删除后这些文字将一并删除，无法撤销。如需保留，请先把文字复制或移到其他部分。
        </p>
      ) : (
        <p className="text-sm text-stone-700">此部分还没有填写内容。</p>
      )}
    </Dialog>
  );
}
