"use client";

import { useState } from "react";

import { describeConflictSide, trimSharedText, type ConflictSideName, type MergeChoice, type MergeConflict } from "@/lib/collab";
import { diffText } from "@/lib/reuse/text-diff";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { cn } from "@/components/ui/cn";

import type { ConflictState } from "./autosave/autosave-controller";
import { DiffView } from "./diff-view";
import { formatDateTime } from "./format-date-time";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The server may send a user id rather than a name; never show an id to the user. */
function displayName(updatedBy: string): string {
  return !updatedBy || UUID.test(updatedBy) ? "其他用户" : updatedBy;
}

const MISSING: Record<ConflictSideName, string> = { base: "（原先没有此项）", mine: "（我已删除此项）", theirs: "（对方已删除此项）" };

/**
 * Shown only for units both this window and another saver changed since the common version (everything
 * else is merged already): the original, mine and theirs side by side, settled per unit. The server's
 * newer text is never replaced by a choice the user did not make.
 */
export function ConflictDialog({ conflict, onResolve }: { conflict: ConflictState; onResolve: (choices: Record<string, MergeChoice>) => void }) {
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  const units = conflict.conflicts;
  const isComplete = units.every((unit) => choices[unit.key]);
  const who = displayName(conflict.theirsRevision.updatedBy);
  const all = (choice: MergeChoice) => Object.fromEntries(units.map((unit) => [unit.key, choice]));

  return (
    <Dialog
      open
      onClose={() => undefined}
      isDismissable={false}
      size="xl"
      testId="conflict-dialog"
      title="内容已被他人修改"
      description={`${who}于${formatDateTime(conflict.theirsRevision.updatedAt)}保存了新的版本。双方改动不同之处已自动合并；下面${units.length}处双方都改过，请逐项选择。选择只作用于这几处，其他内容不受影响。`}
      footer={
        <>
          <Button data-testid="conflict-keep-all-mine" onClick={() => onResolve(all("mine"))} title="只作用于下列双方都改过的各处">
            这几处都保留我的
          </Button>
          <Button data-testid="conflict-take-all-theirs" onClick={() => onResolve(all("theirs"))}>
            这几处都采用对方的
          </Button>
          <Button
            variant="primary"
            data-testid="conflict-apply"
            disabled={!isComplete}
            title={isComplete ? undefined : "请先为每一处选择保留哪一版"}
            onClick={() => onResolve(choices)}
          >
            按所选合并并保存
          </Button>
        </>
      }
    >
      <ul className="space-y-4">
        {units.map((unit) => (
          <ConflictUnitView
            key={unit.key}
            unit={unit}
            who={who}
            choice={choices[unit.key]}
            hasBase={conflict.base !== null}
            onChoose={(choice) => setChoices((current) => ({ ...current, [unit.key]: choice }))}
          />
        ))}
      </ul>
    </Dialog>
  );
}

function ConflictUnitView({
  unit,
  who,
  choice,
  hasBase,
  onChoose,
}: {
  unit: MergeConflict;
  who: string;
  choice: MergeChoice | undefined;
  hasBase: boolean;
  onChoose: (choice: MergeChoice) => void;
}) {
  // Long paragraphs are trimmed to the part that differs, so the change is in view without scrolling.
  const [baseText, mineText, theirsText] = trimSharedText((["base", "mine", "theirs"] as const).map((side) => describeConflictSide(unit, side)));
  const textOf: Record<ConflictSideName, string | null> = { base: baseText ?? null, mine: mineText ?? null, theirs: theirsText ?? null };
  const base = textOf.base ?? "";
  const columns: Array<{ side: ConflictSideName; title: string }> = [
    ...(hasBase ? [{ side: "base" as const, title: "原先的版本" }] : []),
    { side: "mine", title: "我的修改" },
    { side: "theirs", title: `${who}的修改` },
  ];
  return (
    <li data-testid={`conflict-unit-${unit.key}`} className="rounded border border-stone-200">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-200 bg-stone-50 px-3 py-1.5">
        <h3 className="text-sm font-medium">{unit.label}</h3>
        <div className="flex gap-1.5" role="group" aria-label={`${unit.label}保留哪一版`}>
          <ChoiceButton testId="conflict-choose-mine" isPressed={choice === "mine"} onClick={() => onChoose("mine")}>
            保留我的
          </ChoiceButton>
          <ChoiceButton testId="conflict-choose-theirs" isPressed={choice === "theirs"} onClick={() => onChoose("theirs")}>
            采用对方的
          </ChoiceButton>
          {unit.canKeepBoth && (
            <ChoiceButton testId="conflict-choose-both" isPressed={choice === "both"} onClick={() => onChoose("both")}>
              两者都保留
            </ChoiceButton>
          )}
        </div>
      </div>
      <div className={cn("grid divide-x divide-stone-200", hasBase ? "grid-cols-3" : "grid-cols-2")}>
        {columns.map(({ side, title }) => {
          const text = textOf[side];
          const isChosen = (side === "mine" && choice === "mine") || (side === "theirs" && choice === "theirs") || (side !== "base" && choice === "both");
          return (
            <div key={side} data-testid={`conflict-side-${side}`} className={cn("p-3", isChosen && "bg-blue-50", side === "base" && "bg-stone-50/60")}>
              <p className="mb-1 text-xs font-medium text-stone-600">{title}</p>
              {text === null ? (
                <p className="text-sm text-stone-500">{MISSING[side]}</p>
              ) : (
                <div className="max-h-56 overflow-auto">
                  {side === "base" || !hasBase ? (
                    <p className="text-sm leading-6 break-words whitespace-pre-wrap text-stone-700">{text}</p>
                  ) : (
                    <DiffView ops={diffText(base, text)} side="after" emptyText="（空）" />
                  )}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </li>
  );
}

function ChoiceButton({ testId, isPressed, onClick, children }: { testId: string; isPressed: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <Button size="sm" variant={isPressed ? "primary" : "secondary"} aria-pressed={isPressed} data-testid={testId} onClick={onClick}>
      {children}
    </Button>
  );
}
