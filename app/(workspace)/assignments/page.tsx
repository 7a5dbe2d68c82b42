import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { REPORT_STATUS_LABELS, type ReportStatus } from "@/lib/report-model";
import { listMyAssignments } from "@/lib/workflow";

export const metadata: Metadata = { title: "我的任务" };
export const dynamic = "force-dynamic";

function formatDay(isoDate: string | null): string {
  if (!isoDate) return "未定";
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

export default async function AssignmentsPage() {
  const user = await requireUser("report.read");
  const assignments = await listMyAssignments({ db: await getDb(), user });
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="mb-1 text-2xl font-semibold">我的任务</h1>
      <p className="mb-6 text-sm text-gray-500">分配给您起草的部分和条目。您只能修改分配给您的内容。</p>
      {assignments.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white p-10 text-center text-gray-600" data-testid="assignments-empty">
          目前没有分配给您的任务。
        </p>
      ) : (
        <table className="w-full rounded-lg border border-gray-200 bg-white text-sm" data-testid="my-assignments">
          <thead className="bg-gray-50 text-left text-gray-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">报告</th>
              <th scope="col" className="px-4 py-2 font-medium">内容</th>
              <th scope="col" className="px-4 py-2 font-medium">截止日期</th>
              <th scope="col" className="px-4 py-2 font-medium">状态</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((assignment) => (
              <tr key={assignment.id} className="border-t border-gray-100">
                <td className="px-4 py-2">
                  <Link href={`/reports/${assignment.reportId}`} className="text-brand-700 hover:underline">
                    {assignment.reportTitle || `${assignment.reportYear}年度报告`}
                  </Link>
                  <span className="ml-2 text-xs text-gray-500">{REPORT_STATUS_LABELS[assignment.reportStatus as ReportStatus] ?? assignment.reportStatus}</span>
                </td>
                <td className="px-4 py-2">
                  {assignment.scopeLabel}
                  {assignment.note ? <p className="text-xs text-gray-500">{assignment.note}</p> : null}
                </td>
                <td className="px-4 py-2">{formatDay(assignment.dueDate)}</td>
                <td className="px-4 py-2">
                  <Badge tone={assignment.status === "done" ? "success" : "neutral"}>{assignment.status === "done" ? "已完成" : "进行中"}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
