import type { Metadata } from "next";

import { getDb } from "@/lib/db";
import { can } from "@/lib/permissions";
import { getSupervisionSummary } from "@/lib/supervision";

import { reportYearFrom } from "../report-year";
import { SupervisionNav } from "../supervision-nav";
import { CommonGapsList } from "./common-gaps-list";
import { SummaryDraftButton } from "./summary-draft-button";
import { SummaryTable } from "./summary-table";
import { requirePageUser } from "../../require-page-user";

export const metadata: Metadata = { title: "指标汇总" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ year?: string }> };

/** 汇总: the subordinates' indicators in one table, with totals, last year, and the common gaps. */
export default async function SupervisionSummaryPage({ searchParams }: Props) {
  const user = await requirePageUser("supervision.read");
  const year = reportYearFrom((await searchParams).year);
  const { summary, gaps } = await getSupervisionSummary({ db: await getDb(), user, year });
  return (
    <main className="mx-auto max-w-[1400px] px-4 py-8">
      <h1 className="mb-1 text-2xl font-semibold">指标汇总：{year}年度</h1>
      <p className="mb-4 text-sm text-gray-600">
        {user.agencyName}下属 {summary.rows.length} 个机关，{summary.rows.filter((row) => row.hasReport).length} 个已有报告。空白表示报告未填写该项，不按 0 计。
      </p>
      <SupervisionNav year={year} current="summary" />
      <div className="mb-3 flex flex-wrap gap-2 text-sm">
        <a
          href={`/api/supervision/summary?year=${year}&format=xlsx`}
          className="rounded border border-gray-300 bg-white px-3 py-1.5 hover:bg-gray-50"
          data-testid="download-summary-xlsx"
        >
          下载汇总表（XLSX）
        </a>
        <a
          href={`/api/supervision/summary?year=${year}&format=csv`}
          className="rounded border border-gray-300 bg-white px-3 py-1.5 hover:bg-gray-50"
          data-testid="download-summary-csv"
        >
          下载汇总表（CSV）
        </a>
        {can(user.roles, "report.create") ? <SummaryDraftButton year={year} /> : null}
      </div>
      <SummaryTable summary={summary} />
      <CommonGapsList gaps={gaps} />
    </main>
  );
}
