"use client";

import { useId, useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { CreateAssignment } from "@/lib/schemas/workflow";
import type { AssignmentView, SectionProgress } from "@/lib/workflow/list-assignments";

import type { Action, OutlineSection } from "./types";
import { OutlineOptions } from "./outline-options";
import { useAction } from "./use-action";

export interface AssignmentsPanelProps {
  reportId: string;
  assignments: AssignmentView[];
  progress: SectionProgress[];
  outline: OutlineSection[];
  /** Colleagues who may be given a part (active drafters and administrators of the agency). */
  assignableUsers: Array<{ id: string; displayName: string }>;
  /** `report.assign`, and the report is a draft. */
  canAssign: boolean;
  currentUserId: string;
  onCreate: Action<{ reportId: string } & CreateAssignment, { assignmentId: string }>;
  onUpdate: Action<{ reportId: string; assignmentId: string; status: "open" | "done" }, { status: "open" | "done" }>;
  onDelete: Action<{ reportId: string; assignmentId: string }, null>;
}

function formatDay(isoDate: string | null): string {
  if (!isoDate) return "未定";
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

/** Parts and items given to colleagues, with due dates and the progress per part. */
export function AssignmentsPanel({
  reportId,
  assignments,
  progress,
  outline,
  assignableUsers,
  canAssign,
  currentUserId,
  onCreate,
  onUpdate,
  onDelete,
}: AssignmentsPanelProps) {
  const { run, error, isPending } = useAction();
  const formId = useId();
  const [assigneeId, setAssigneeId] = useState(assignableUsers[0]?.id ?? "");
  const [scope, setScope] = useState(outline[0] ? `${outline[0].id}|` : "");
  const [dueDate, setDueDate] = useState("");
  const [note, setNote] = useState("");

  return (
    <section aria-labelledby={`${formId}-title`} className="rounded border border-stone-200 bg-white p-3" data-testid="assignments-panel">
      <h2 id={`${formId}-title`} className="mb-2 text-sm font-semibold">
        分工与进度
      </h2>
      {progress.length > 0 ? (
        <ul className="mb-2 space-y-1 text-sm" aria-label="各部分进度">
          {progress.map((entry) => (
            <li key={entry.sectionId} className="flex items-center gap-2">
              <span className="flex-1 truncate">{entry.heading}</span>
              <progress max={entry.total} value={entry.done} aria-label={`${entry.heading}完成进度`} className="h-2 w-24" />
              <span className="tabular-nums text-xs text-stone-600">
                {entry.done}/{entry.total}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {assignments.length === 0 ? <p className="text-sm text-stone-500">还没有分配任务。</p> : null}
      <ul className="space-y-2">
        {assignments.map((assignment) => (
          <li key={assignment.id} className="rounded border border-stone-100 p-2 text-sm" data-testid="assignment">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{assignment.assigneeName}</span>
              <span className="text-stone-600">{assignment.scopeLabel}</span>
              <Badge tone={assignment.status === "done" ? "success" : "neutral"}>{assignment.status === "done" ? "已完成" : "进行中"}</Badge>
              <span className="text-xs text-stone-500">截止：{formatDay(assignment.dueDate)}</span>
            </div>
            {assignment.note ? <p className="text-xs text-stone-600">{assignment.note}</p> : null}
            <div className="mt-1 flex gap-2">
              {assignment.assigneeId === currentUserId || canAssign ? (
                <Button
                  size="sm"
                  disabled={isPending}
                  onClick={() => void run(() => onUpdate({ reportId, assignmentId: assignment.id, status: assignment.status === "done" ? "open" : "done" }))}
                >
                  {assignment.status === "done" ? "重新打开" : "标记完成"}
                </Button>
              ) : null}
              {canAssign ? (
                <Button size="sm" variant="danger" disabled={isPending} onClick={() => void run(() => onDelete({ reportId, assignmentId: assignment.id }))}>
                  撤回
                </Button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {canAssign ? (
        <form
          className="mt-3 grid gap-2 border-t border-stone-100 pt-3 sm:grid-cols-2"
          aria-label="分配任务"
          onSubmit={(event) => {
            event.preventDefault();
            const [sectionId = "", itemId = ""] = scope.split("|");
            void run(
              () => onCreate({ reportId, assigneeId, sectionId, itemId: itemId || null, dueDate: dueDate || null, note }),
              () => setNote(""),
            );
          }}
        >
          <div>
            <Label htmlFor={`${formId}-assignee`}>承办人</Label>
            <select
              id={`${formId}-assignee`}
              className="h-9 w-full rounded border border-stone-300 bg-white px-2 text-sm"
              value={assigneeId}
              onChange={(event) => setAssigneeId(event.target.value)}
            >
              {assignableUsers.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.displayName}
                </option>
              ))}
            </select>
          </div>
          <div>
            <Label htmlFor={`${formId}-scope`}>分配内容</Label>
            <select
              id={`${formId}-scope`}
              className="h-9 w-full rounded border border-stone-300 bg-white px-2 text-sm"
              value={scope}
              onChange={(event) => setScope(event.target.value)}
            >
              <OutlineOptions outline={outline} sectionSuffix="（整个部分）" />
            </select>
          </div>
          <div>
            <Label htmlFor={`${formId}-due`}>截止日期</Label>
            <Input id={`${formId}-due`} type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} />
          </div>
          <div>
            <Label htmlFor={`${formId}-note`}>说明（可选）</Label>
            <Input id={`${formId}-note`} value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} />
          </div>
          <div className="sm:col-span-2">
            <Button type="submit" variant="primary" disabled={isPending || !assigneeId || !scope}>
              分配
            </Button>
          </div>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
