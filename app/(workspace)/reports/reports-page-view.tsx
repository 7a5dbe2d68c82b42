import Link from "next/link";

import { ReminderNotices } from "@/components/supervision/reminder-notices";
import { DeadlineBadges } from "@/components/workflow";
import { formatDateTime } from "@/lib/format";
import { REPORT_STATUS_LABELS, type ReportStatus } from "@/lib/report-model";
import type { ReportSummary } from "@/lib/reports";
import type { ReminderNotice } from "@/lib/supervision/list-reminders";

const STATUS_STYLE: Record<ReportStatus, string> = {
  draft: "bg-gray-100 text-gray-700",
  in_review: "bg-amber-100 text-amber-800",
  returned: "bg-red-100 text-red-700",
  reviewed: "bg-blue-100 text-blue-800",
  signed: "bg-emerald-100 text-emerald-800",
  published: "bg-emerald-600 text-white",
};

interface ReportsPageViewProps {
  agencyName: string;
  reports: ReportSummary[];
  canCreate: boolean;
  /** Reminders from the supervising agency (督导提醒). */
  reminders?: readonly ReminderNotice[];
}

export function ReportsPageView({ agencyName, reports, canCreate, reminders = [] }: ReportsPageViewProps) {
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <div className="mb-6 flex items-center justify-between">
        <div>
          <h1 className="text-2xl font-semibold">年度报告</h1>
          <p className="mt-1 text-sm text-gray-500">{agencyName}的法治政府建设年度报告</p>
        </div>
        {canCreate ? (
          <Link href="/reports/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            新建报告
          </Link>
        ) : null}
      </div>
      <ReminderNotices reminders={reminders} />
      {reports.length === 0 ? (
        <div className="rounded-lg border border-dashed border-gray-300 bg-white p-12 text-center" data-testid="reports-empty">
          <p className="text-gray-600">还没有报告。</p>
          {canCreate ? <p className="mt-2 text-sm text-gray-500">点击“新建报告”，选择年度和模板即可开始起草。</p> : null}
        </div>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-gray-200 bg-white text-sm" data-testid="reports-table">
          <thead className="bg-gray-50 text-left text-gray-600">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium whitespace-nowrap">
                年度
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                标题
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                状态
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                期限
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                最后修改
              </th>
            </tr>
          </thead>
          <tbody>
            {reports.map((report) => (
              <tr key={report.id} className="border-t border-gray-100 hover:bg-gray-50">
                <td className="px-4 py-3 whitespace-nowrap tabular-nums">{report.year}年</td>
                <td className="px-4 py-3">
                  <Link href={`/reports/${report.id}`} className="text-brand-700 hover:underline">
                    {report.title || "（无标题）"}
                  </Link>
                </td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <span className={`rounded px-2 py-0.5 text-xs ${STATUS_STYLE[report.status as ReportStatus] ?? ""}`}>
                    {REPORT_STATUS_LABELS[report.status as ReportStatus] ?? report.status}
                  </span>
                  {report.status === "signed" || report.status === "published" ? (
                    <Link href={`/publication/${report.id}`} className="ml-2 text-xs text-brand-700 hover:underline">
                      公开版本
                    </Link>
                  ) : null}
                </td>
                <td className="px-4 py-3">
                  <DeadlineBadges deadlines={report.deadlines} isWrapping={false} />
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-gray-500">{formatDateTime(report.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
