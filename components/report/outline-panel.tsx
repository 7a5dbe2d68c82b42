"use client";

import { memo, useState } from "react";

import { headingPrefix, SECTION_KIND_LABELS, type Report, type ReportTemplate } from "@/lib/report-model";
import { canRemoveSection } from "@/lib/reuse/statutory-parts";

import { cn } from "@/components/ui/cn";

import { PresenceBadge } from "./collab/presence-badges";
import { addPartButtonId, partMoveButtonId, type PartActions } from "./parts-actions";
import { PartsOutlineRename } from "./parts-outline-rename";
import { PART_STATUS_GLYPHS, PART_STATUS_LABELS, PART_STATUS_TONES, type PartStatus } from "./status-marks";

export interface OutlinePanelProps {
  report: Report;
  sectionStatuses: Record<string, PartStatus | undefined>;
  itemStatuses: Map<string, PartStatus>;
  canEdit: boolean;
  onJump: (target: { sectionId?: string; itemId?: string; anchor?: "meta" | "commitments" }) => void;
  onAddItem: (sectionId: string) => void;
  onRemoveItem: (itemId: string) => void;
  onMoveItem: (sectionId: string, from: number, to: number) => void;
  /** The report's template: which parts are statutory (cannot be removed) and which can be added. */
  template?: ReportTemplate;
  /** Add, remove, reorder and rename parts; without it the outline only jumps to them. */
  parts?: PartActions;
}

function StatusMark({ status }: { status: PartStatus }) {
  return (
    <span
      data-status={status}
      title={PART_STATUS_LABELS[status]}
      className={cn("inline-flex size-5 shrink-0 items-center justify-center rounded-full text-[11px] font-bold", PART_STATUS_TONES[status])}
    >
      <span aria-hidden>{PART_STATUS_GLYPHS[status]}</span>
      <span className="sr-only">{PART_STATUS_LABELS[status]}</span>
    </span>
  );
}

const LINK = "min-w-0 flex-1 truncate rounded px-1 py-0.5 text-left hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-700";
const ICON =
  "size-6 shrink-0 rounded text-xs text-stone-500 hover:bg-stone-200 hover:text-stone-900 focus-visible:outline-2 focus-visible:outline-blue-700 disabled:opacity-30";

/** Parts and items with a status mark each; jump, add, remove and reorder (buttons or drag). */
export const OutlinePanel = memo(function OutlinePanel(props: OutlinePanelProps) {
  const { report, sectionStatuses, itemStatuses, canEdit } = props;
  const [dragging, setDragging] = useState<{ sectionId: string; index: number } | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const parts = canEdit ? props.parts : undefined;

  return (
    <nav aria-label="报告大纲" data-testid="outline" className="text-sm">
      <button type="button" className={cn(LINK, "mb-2 block w-full font-medium")} onClick={() => props.onJump({ anchor: "meta" })}>
        基本信息
      </button>
      <ol className="space-y-3">
        {report.sections.map((section, sectionIndex) => {
          const status = sectionStatuses[section.id] ?? "empty";
          const partName = `${headingPrefix(1, sectionIndex + 1)}${section.heading || SECTION_KIND_LABELS[section.kind]}`;
          const isRemovable = canRemoveSection(report, section.id, props.template);
          return (
            <li key={section.id} data-testid={`outline-section-${section.id}`} data-status={status} data-kind={section.kind}>
              <div className="group relative flex items-center gap-1 rounded">
                <StatusMark status={status} />
                {parts && renamingId === section.id ? (
                  <PartsOutlineRename
                    prefix={headingPrefix(1, sectionIndex + 1)}
                    heading={section.heading}
                    onDone={(heading) => {
                      setRenamingId(null);
                      if (heading !== null) parts.onRename(section.id, heading);
                    }}
                  />
                ) : (
                  <button
                    type="button"
                    data-testid="outline-part-name"
                    className={cn(LINK, "font-medium")}
                    onClick={() => props.onJump({ sectionId: section.id })}
                    title={partName}
                  >
                    {partName}
                  </button>
                )}
                {parts && renamingId !== section.id && (
                  <span
                    data-testid={`part-controls-${section.id}`}
                    className="absolute top-0 right-0 flex rounded bg-white opacity-0 shadow-sm group-focus-within:opacity-100 group-hover:opacity-100"
                  >
                    <button
                      type="button"
                      id={partMoveButtonId(section.id, "up")}
                      className={ICON}
                      aria-label={`上移部分${partName}`}
                      disabled={sectionIndex === 0}
                      onClick={() => parts.onMove(sectionIndex, sectionIndex - 1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      id={partMoveButtonId(section.id, "down")}
                      className={ICON}
                      aria-label={`下移部分${partName}`}
                      disabled={sectionIndex === report.sections.length - 1}
                      onClick={() => parts.onMove(sectionIndex, sectionIndex + 1)}
                    >
                      ↓
                    </button>
                    <button type="button" className={ICON} aria-label={`重命名部分${partName}`} onClick={() => setRenamingId(section.id)}>
                      ✎
                    </button>
                    <button
                      type="button"
                      className={ICON}
                      aria-label={isRemovable ? `删除部分${partName}` : `${partName}是法定部分，不能删除`}
                      title={isRemovable ? "删除此部分" : "法定部分，不能删除"}
                      disabled={!isRemovable}
                      onClick={() => parts.onRemove(section.id)}
                    >
                      ✕
                    </button>
                  </span>
                )}
              </div>
              {parts && section.kind === "leader_duty" && parts.leaderDutySuggestionCount > 0 && (
                <button
                  type="button"
                  data-testid="outline-leader-duty-hint"
                  className="mt-0.5 ml-6 rounded bg-amber-50 px-1.5 py-0.5 text-left text-xs text-amber-900 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-blue-700"
                  onClick={parts.onShowSuggestions}
                >
                  其他部分有{parts.leaderDutySuggestionCount}处相关文字，可移入本部分
                </button>
              )}
              <ol className="mt-1 ml-3 space-y-0.5 border-l border-stone-200 pl-2">
                {section.items.map((item, itemIndex) => {
                  const itemStatus = itemStatuses.get(item.id) ?? "empty";
                  const name = `${headingPrefix(2, itemIndex + 1)}${item.heading || "（无标题）"}`;
                  const isDropTarget = dragging?.sectionId === section.id && dropIndex === itemIndex && dragging.index !== itemIndex;
                  return (
                    <li
                      key={item.id}
                      data-testid={`outline-item-${item.id}`}
                      data-status={itemStatus}
                      draggable={canEdit}
                      onDragStart={(event) => {
                        event.dataTransfer.effectAllowed = "move";
                        event.dataTransfer.setData("text/plain", item.id);
                        setDragging({ sectionId: section.id, index: itemIndex });
                      }}
                      onDragOver={(event) => {
                        if (dragging?.sectionId !== section.id) return;
                        event.preventDefault();
                        setDropIndex(itemIndex);
                      }}
                      onDrop={(event) => {
                        event.preventDefault();
                        if (dragging?.sectionId === section.id) props.onMoveItem(section.id, dragging.index, itemIndex);
                        setDragging(null);
                        setDropIndex(null);
                      }}
                      onDragEnd={() => {
                        setDragging(null);
                        setDropIndex(null);
                      }}
                      className={cn(
                        "group relative flex items-center gap-1 rounded",
                        isDropTarget && "ring-2 ring-blue-600",
                        dragging?.index === itemIndex && dragging.sectionId === section.id && "opacity-50",
                      )}
                    >
                      <StatusMark status={itemStatus} />
                      <button type="button" className={LINK} title={name} onClick={() => props.onJump({ sectionId: section.id, itemId: item.id })}>
                        {name}
                      </button>
                      <PresenceBadge itemId={item.id} variant="compact" />
                      {canEdit && (
                        <span className="absolute top-0 right-0 flex rounded bg-white opacity-0 shadow-sm group-focus-within:opacity-100 group-hover:opacity-100">
                          <button
                            type="button"
                            className={ICON}
                            aria-label={`上移${name}`}
                            disabled={itemIndex === 0}
                            onClick={() => props.onMoveItem(section.id, itemIndex, itemIndex - 1)}
                          >
                            ↑
                          </button>
                          <button
                            type="button"
                            className={ICON}
                            aria-label={`下移${name}`}
                            disabled={itemIndex === section.items.length - 1}
                            onClick={() => props.onMoveItem(section.id, itemIndex, itemIndex + 1)}
                          >
                            ↓
                          </button>
                          <button type="button" className={ICON} aria-label={`删除${name}`} onClick={() => props.onRemoveItem(item.id)}>
                            ✕
                          </button>
                        </span>
                      )}
                    </li>
                  );
                })}
              </ol>
              {canEdit && (
                <button
                  type="button"
                  className="mt-1 ml-5 rounded px-1 text-xs text-blue-800 hover:underline focus-visible:outline-2 focus-visible:outline-blue-700"
                  onClick={() => props.onAddItem(section.id)}
                >
                  ＋ 添加条目
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {parts && (
        <button
          type="button"
          id={addPartButtonId}
          className="mt-3 w-full rounded border border-dashed border-stone-300 px-2 py-1 text-left text-xs text-blue-800 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-blue-700"
          onClick={parts.onAdd}
        >
          ＋ 添加部分
        </button>
      )}
      <button type="button" className={cn(LINK, "mt-3 block w-full font-medium")} onClick={() => props.onJump({ anchor: "commitments" })}>
        承诺事项清单（{report.commitments.length}）
      </button>
    </nav>
  );
});
