import type { Metadata } from "next";

import { getDb } from "@/lib/db";
import { listProgressBoard } from "@/lib/supervision";

import { ProgressBoard } from "./progress-board";
import { reportYearFrom } from "./report-year";
import { SupervisionNav } from "./supervision-nav";
import { requirePageUser } from "../require-page-user";

export const metadata: Metadata = { title: "督导" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ year?: string }> };

/** The progress board of every subordinate agency for one report year. */
export default async function SupervisionPage({ searchParams }: Props) {
  const user = await requirePageUser("supervision.read");
  const year = reportYearFrom((await searchParams).year);
  const rows = await listProgressBoard({ db: await getDb(), user, year });
  const overdue = rows.filter((row) => row.isOverdue).length;
  return (
    <main className="mx-auto max-w-[1400px] px-4 py-8">
      <h1 className="mb-1 text-2xl font-semibold">督导：{year}年度法治政府建设报告进度</h1>
      <p className="mb-4 text-sm text-gray-600">
        {user.agencyName}下属 {rows.length} 个机关{overdue > 0 ? `，其中 ${overdue} 个已逾期` : ""}。
      </p>
      <SupervisionNav year={year} current="board" />
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white p-10 text-center text-gray-600">
          本机关还没有下级机关。管理员可以在“管理”页面创建下级机关。
        </p>
      ) : (
        <ProgressBoard rows={rows} year={year} />
      )}
    </main>
  );
}
