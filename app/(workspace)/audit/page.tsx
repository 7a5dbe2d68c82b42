import type { Metadata } from "next";
import Link from "next/link";

import { AUDIT_ACTION_LABELS, auditActionLabel, describeAuditEvent, listAuditEvents, listAuditReportTitles } from "@/lib/admin";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { auditQuerySchema } from "@/lib/schemas/admin";

import { requirePageUser } from "../require-page-user";

export const metadata: Metadata = { title: "审计日志" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const user = await requirePageUser("audit.read");
  const parsed = auditQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const db = await getDb();
  const { events, hasMore, page } = await listAuditEvents({ db, user, query });
  const reportTitles = await listAuditReportTitles({ db, user, events });
  const params = (overrides: Record<string, string | number>) =>
    new URLSearchParams(
      Object.entries({ action: query.action, username: query.username, from: query.from, to: query.to, ...overrides })
        .filter(([, value]) => value !== "")
        .map(([key, value]) => [key, String(value)]),
    ).toString();
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="mb-1 text-2xl font-semibold">审计日志</h1>
      <p className="mb-4 text-sm text-gray-500">登录、流转、导出、导入、权限变更和恢复等操作的记录。记录只能追加，任何人都不能修改或删除。</p>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded border border-gray-200 bg-white p-3 text-sm" aria-label="筛选">
        <div>
          <label htmlFor="audit-action" className="mb-1 block text-xs text-gray-600">
            操作
          </label>
          <select id="audit-action" name="action" defaultValue={query.action} className="h-9 rounded border border-gray-300 bg-white px-2">
            <option value="">全部</option>
            {Object.entries(AUDIT_ACTION_LABELS).map(([action, label]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-user" className="mb-1 block text-xs text-gray-600">
            用户名
          </label>
          <input id="audit-user" name="username" defaultValue={query.username} className="h-9 rounded border border-gray-300 px-2" />
        </div>
        <div>
          <label htmlFor="audit-from" className="mb-1 block text-xs text-gray-600">
            起始日期
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={query.from} className="h-9 rounded border border-gray-300 px-2" />
        </div>
        <div>
          <label htmlFor="audit-to" className="mb-1 block text-xs text-gray-600">
            截止日期
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={query.to} className="h-9 rounded border border-gray-300 px-2" />
        </div>
        <button type="submit" className="h-9 rounded bg-brand-600 px-4 text-white hover:bg-brand-700">
          筛选
        </button>
        <a
          href={`/api/audit/export?${params({})}`}
          className="ml-auto h-9 rounded border border-gray-300 px-4 leading-9 hover:bg-gray-50"
          data-testid="audit-csv"
        >
          下载 CSV
        </a>
      </form>
      {!parsed.success ? (
        <p role="alert" className="mb-2 text-sm text-red-700">
          筛选条件有误，已显示全部记录。
        </p>
      ) : null}
      <table className="w-full rounded border border-gray-200 bg-white text-sm" data-testid="audit-table">
        <thead className="bg-gray-50 text-left text-gray-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              时间
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              用户
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              操作
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              详情
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              来源地址
            </th>
          </tr>
        </thead>
        <tbody>
          {events.length === 0 ? (
            <tr>
              <td colSpan={5} className="px-3 py-6 text-center text-gray-500">
                没有符合条件的记录。
              </td>
            </tr>
          ) : null}
          {events.map((event) => (
            <tr key={event.id} className="border-t border-gray-100 align-top">
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(event.at)}</td>
              <td className="px-3 py-2">{event.username ?? "—"}</td>
              <td className="px-3 py-2">{auditActionLabel(event.action)}</td>
              <td className="px-3 py-2 text-gray-700" data-testid="audit-detail">
                {event.targetId && reportTitles.has(event.targetId) ? (
                  <Link href={`/reports/${event.targetId}`} className="mr-2 text-brand-700 hover:underline">
                    {reportTitles.get(event.targetId)!.title || `${reportTitles.get(event.targetId)!.year}年度报告`}
                  </Link>
                ) : null}
                {describeAuditEvent(event)}
              </td>
              <td className="px-3 py-2 text-gray-600">{event.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="分页" className="mt-3 flex gap-3 text-sm">
        {page > 1 ? (
          <Link href={`/audit?${params({ page: page - 1 })}`} className="text-brand-700 hover:underline">
            上一页
          </Link>
        ) : null}
        <span className="text-gray-500">第 {page} 页</span>
        {hasMore ? (
          <Link href={`/audit?${params({ page: page + 1 })}`} className="text-brand-700 hover:underline">
            下一页
          </Link>
        ) : null}
      </nav>
    </main>
  );
}
