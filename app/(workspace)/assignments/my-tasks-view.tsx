import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { formatDate, formatDateTime } from "@/lib/format";
import { describeDeadline, formatChineseDate, REPORT_STATUS_LABELS } from "@/lib/report-model";
import type { MyTasks, ReportTask } from "@/lib/workflow";

function Section({ title, testId, count, children }: { title: string; testId: string; count: number; children: React.ReactNode }) {
  if (count === 0) return null;
  return (
    <section aria-label={title} data-testid={testId} className="mb-6">
      <h2 className="mb-2 flex items-center gap-2 text-lg font-semibold">
        {title}
        <Badge tone="info">{count}</Badge>
      </h2>
      {children}
    </section>
  );
}

function ReportList({ tasks, action }: { tasks: ReportTask[]; action: string }) {
  return (
    <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white text-sm">
      {tasks.map((task) => (
        <li key={task.reportId} className="flex flex-wrap items-center gap-2 px-4 py-2">
          <Link href={`/reports/${task.reportId}/history`} className="text-brand-700 hover:underline">
            {task.title || `${task.year}年度报告`}
          </Link>
          <span className="text-xs text-gray-500">
            {REPORT_STATUS_LABELS[task.status]} · 更新于 {formatDate(task.updatedAt)}
          </span>
          {task.returnNotice ? (
            <span className="w-full text-xs text-red-800">
              {task.returnNotice.by}于{formatDateTime(task.returnNotice.at)}退回：{task.returnNotice.reason}
            </span>
          ) : null}
          <span className="ml-auto text-xs text-gray-600">{action}</span>
        </li>
      ))}
    </ul>
  );
}

/** 我的任务: everything that waits for the signed-in user, whatever their role. */
export function MyTasksView({ tasks }: { tasks: MyTasks }) {
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="mb-1 text-2xl font-semibold">我的任务</h1>
      <p className="mb-6 text-sm text-gray-500">等待您处理的起草、审核、签发、公开、意见和督导事项。</p>
      {tasks.total === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white p-10 text-center text-gray-600" data-testid="tasks-empty">
          目前没有等待您处理的事项。
        </p>
      ) : null}
      <Section title="退回给我修改" testId="tasks-returned" count={tasks.returned.length}>
        <ReportList tasks={tasks.returned} action="修改后重新提交" />
      </Section>
      <Section title="分配给我起草" testId="my-assignments" count={tasks.assignments.length}>
        <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white text-sm">
          {tasks.assignments.map((assignment) => (
            <li key={assignment.id} className="flex flex-wrap items-center gap-2 px-4 py-2">
              <Link href={`/reports/${assignment.reportId}`} className="text-brand-700 hover:underline">
                {assignment.reportTitle || `${assignment.reportYear}年度报告`}
              </Link>
              <span>{assignment.scopeLabel}</span>
              {assignment.note ? <span className="text-xs text-gray-500">{assignment.note}</span> : null}
              <span className="ml-auto text-xs text-gray-600">截止 {formatChineseDate(assignment.dueDate) || "未定"}</span>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="等待我审核" testId="tasks-review" count={tasks.toReview.length}>
        <ReportList tasks={tasks.toReview} action="审核" />
      </Section>
      <Section title="等待我签发" testId="tasks-signoff" count={tasks.toSignOff.length}>
        <ReportList tasks={tasks.toSignOff} action="签发" />
      </Section>
      <Section title="等待公开" testId="tasks-publish" count={tasks.toPublish.length}>
        <ReportList tasks={tasks.toPublish} action="公开后标记为已公开" />
      </Section>
      <Section title="等待我回复的意见" testId="tasks-comments" count={tasks.comments.length}>
        <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white text-sm">
          {tasks.comments.map((comment) => (
            <li key={comment.threadId} className="px-4 py-2">
              <Link href={`/reports/${comment.reportId}/history`} className="text-brand-700 hover:underline">
                {comment.reportTitle || "（无标题）"}
              </Link>
              <span className="ml-2 text-xs text-gray-500">
                {comment.lastAuthor} · {formatDateTime(comment.lastAt)}
              </span>
              <p className="text-gray-700">{comment.lastBody}</p>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="下级机关逾期或临近截止" testId="tasks-supervision" count={tasks.supervision.length}>
        <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white text-sm">
          {tasks.supervision.map((task) => (
            <li key={task.agencyId} className="flex flex-wrap items-center gap-2 px-4 py-2">
              <Link href={`/supervision?year=${task.year}`} className="text-brand-700 hover:underline">
                {task.agencyName}
              </Link>
              <span className="text-xs text-gray-500">
                {task.year}年度报告 · {task.stateLabel} · {task.deadline.label}截止 {formatChineseDate(task.deadline.dueDate)}
              </span>
              <span className={`ml-auto text-xs ${task.deadline.state === "late" ? "text-red-800" : "text-amber-800"}`}>{describeDeadline(task.deadline)}</span>
            </li>
          ))}
        </ul>
      </Section>
    </main>
  );
}
