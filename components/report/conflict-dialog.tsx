"use client";

import { useMemo, useState } from "react";

import type { Report } from "@/lib/report-model";
import { diffText } from "@/lib/reuse";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { cn } from "@/components/ui/cn";

import type { ConflictState } from "./autosave/autosave-controller";
import { listConflictUnits, mergeConflict, type ConflictSide } from "./conflict/merge-conflict";
import { DiffView } from "./diff-view";
import { formatDateTime } from "./format-date-time";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The server may send a user id rather than a name; never show an id to the user. */
function displayName(updatedBy: string): string {
  return !updatedBy || UUID.test(updatedBy) ? "其他用户" : updatedBy;
}

/**
 * Shown when a save met a newer revision: every differing part side by side, kept per part or all at once.
 * Nothing is saved until the user decides.
 */
export function ConflictDialog({ conflict, onResolve }: { conflict: ConflictState; onResolve: (content: Report) => void }) {
  const units = useMemo(() => listConflictUnits(conflict.mine, conflict.theirs), [conflict]);
  const [choices, setChoices] = useState<Record<string, ConflictSide>>({});
  const isComplete = units.every((unit) => choices[unit.key]);
  const who = displayName(conflict.theirsRevision.updatedBy);

  return (
    <Dialog
      open
      onClose={() => undefined}
      isDismissable={false}
      size="xl"
      testId="conflict-dialog"
      title="内容已被他人修改"
      description={`${who}于${formatDateTime(conflict.theirsRevision.updatedAt)}保存了新的版本。请逐项选择保留哪一版；您的修改不会被自动覆盖。`}
      footer={
        <>
          <Button data-testid="conflict-keep-all-mine" onClick={() => onResolve(conflict.mine)}>
            全部保留我的
          </Button>
          <Button data-testid="conflict-take-all-theirs" onClick={() => onResolve(conflict.theirs)}>
            全部采用对方的
          </Button>
          <Button
            variant="primary"
            data-testid="conflict-apply"
            disabled={!isComplete}
            title={isComplete ? undefined : "请先为每一项选择保留哪一版"}
            onClick={() => onResolve(mergeConflict(conflict.mine, conflict.theirs, choices))}
          >
            按所选合并并保存
          </Button>
        </>
      }
    >
      {units.length === 0 && <p className="text-sm text-stone-600">两个版本内容相同，可直接继续。</p>}
      <ul className="space-y-4">
        {units.map((unit) => {
          const ops = diffText(unit.theirsText, unit.mineText);
          const choice = choices[unit.key];
          const choose = (side: ConflictSide) => setChoices((current) => ({ ...current, [unit.key]: side }));
          return (
            <li key={unit.key} data-testid={`conflict-unit-${unit.key}`} className="rounded border border-stone-200">
              <h3 className="border-b border-stone-200 bg-stone-50 px-3 py-1.5 text-sm font-medium">{unit.label}</h3>
              <div className="grid grid-cols-2 divide-x divide-stone-200">
                {(["mine", "theirs"] as const).map((side) => {
                  const isMissing = side === "mine" ? unit.isMissingInMine : unit.isMissingInTheirs;
                  return (
                    <div key={side} className={cn("p-3", choice === side && "bg-blue-50")}>
                      <div className="mb-1 flex items-center justify-between gap-2">
                        <span className="text-xs font-medium text-stone-600">{side === "mine" ? "我的版本" : `${who}的版本`}</span>
                        <Button
                          size="sm"
                          variant={choice === side ? "primary" : "secondary"}
                          aria-pressed={choice === side}
                          data-testid={`conflict-choose-${side}`}
                          onClick={() => choose(side)}
                        >
                          {side === "mine" ? "保留我的" : "采用对方的"}
                        </Button>
                      </div>
                      {isMissing ? (
                        <p className="text-sm text-stone-500">{side === "mine" ? "（我已删除此项）" : "（对方已删除此项）"}</p>
                      ) : (
                        <div className="max-h-56 overflow-auto">
                          <DiffView ops={ops} side={side === "mine" ? "after" : "before"} />
                        </div>
                      )}
                    </div>
                  );
                })}
              </div>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
