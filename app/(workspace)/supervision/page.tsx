import type { Metadata } from "next";
import Link from "next/link";

import { DeadlineBadges } from "@/components/workflow";
import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { AGENCY_LEVEL_LABELS, REPORT_STATUS_LABELS, type AgencyLevel, type ReportStatus } from "@/lib/report-model";
import { listSupervisedReports } from "@/lib/supervision";

export const metadata: Metadata = { title: "督导" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ year?: string }> };

export default async function SupervisionPage({ searchParams }: Props) {
  const user = await requireUser("supervision.read");
  const thisYear = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));
  const requested = Number((await searchParams).year);
  const year = Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : thisYear - 1;
  const rows = await listSupervisedReports({ db: await getDb(), user, year });
  const lateCount = rows.filter((row) => row.deadlines.some((deadline) => deadline.state === "late")).length;
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="mb-1 text-2xl font-semibold">督导：下级机关年度报告</h1>
      <p className="mb-4 text-sm text-gray-500">
        {user.agencyName}下属 {rows.length} 个机关的{year}年度报告{lateCount > 0 ? `，其中 ${lateCount} 个已逾期` : ""}。
      </p>
      <form method="get" className="mb-4 flex items-end gap-2 text-sm" aria-label="选择年度">
        <div>
          <label htmlFor="supervision-year" className="mb-1 block text-xs text-gray-600">报告年度</label>
          <input id="supervision-year" name="year" type="number" min={2000} max={2100} defaultValue={year} className="h-9 w-28 rounded border border-gray-300 px-2" />
        </div>
        <button type="submit" className="h-9 rounded border border-gray-300 bg-white px-4 hover:bg-gray-50">查看</button>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white p-10 text-center text-gray-600">本机关还没有下级机关。管理员可以在“管理”页面创建下级机关。</p>
      ) : (
        <table className="w-full rounded border border-gray-200 bg-white text-sm" data-testid="supervision-table">
          <thead className="bg-gray-50 text-left text-gray-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">机关</th>
              <th scope="col" className="px-3 py-2 font-medium">状态</th>
              <th scope="col" className="px-3 py-2 font-medium">完成度</th>
              <th scope="col" className="px-3 py-2 font-medium">校验</th>
              <th scope="col" className="px-3 py-2 font-medium">期限</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.agencyId} className="border-t border-gray-100">
                <td className="px-3 py-2" style={{ paddingLeft: `${row.depth * 0.75 + 0.25}rem` }}>
                  {row.report ? (
                    <Link href={`/supervision/reports/${row.report.id}`} className="text-brand-700 hover:underline">{row.agencyName}</Link>
                  ) : (
                    row.agencyName
                  )}
                  <span className="ml-1 text-xs text-gray-500">{AGENCY_LEVEL_LABELS[row.level as AgencyLevel] ?? row.level}</span>
                </td>
                <td className="px-3 py-2">{row.report ? REPORT_STATUS_LABELS[row.report.status as ReportStatus] ?? row.report.status : "未开始"}</td>
                <td className="px-3 py-2 tabular-nums">{row.report ? `${row.report.completeness.done}/${row.report.completeness.total} 部分` : "—"}</td>
                <td className="px-3 py-2">{row.report ? (row.report.errorCount > 0 ? `${row.report.errorCount} 个错误` : "无错误") : "—"}</td>
                <td className="px-3 py-2"><DeadlineBadges deadlines={row.deadlines} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
