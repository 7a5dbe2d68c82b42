import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { getDb } from "@/lib/db";
import { docParagraphs, formatChineseDate, headingPrefix, REPORT_STATUS_LABELS, reportSchema, type ReportStatus } from "@/lib/report-model";
import { findReportForSupervisor } from "@/lib/supervision";

import { requirePageUser } from "../../../require-page-user";

export const metadata: Metadata = { title: "查阅下级机关报告" };
export const dynamic = "force-dynamic";

/** A subordinate agency's report, read-only, for the supervising agency. */
export default async function SupervisedReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const user = await requirePageUser("supervision.read");
  const { reportId } = await params;
  const row = await findReportForSupervisor({ db: await getDb(), user, reportId });
  if (!row) notFound();
  const report = reportSchema.parse(row.content);
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <nav aria-label="面包屑" className="mb-4 text-sm">
        <Link href={`/supervision?year=${row.year}`} className="text-brand-700 hover:underline">
          ← 返回督导列表
        </Link>
      </nav>
      <div className="mb-2 flex items-center gap-3 text-sm text-gray-500">
        <span>
          {row.agencyName} · {REPORT_STATUS_LABELS[row.status as ReportStatus] ?? row.status} · 只读
        </span>
        <a
          href={`/api/reports/${row.id}/export?format=docx`}
          className="ml-auto rounded border border-gray-300 bg-white px-3 py-1 text-gray-700 hover:bg-gray-50"
          data-testid="supervised-export-docx"
        >
          下载 Word
        </a>
        <a
          href={`/api/reports/${row.id}/export?format=pdf`}
          className="rounded border border-gray-300 bg-white px-3 py-1 text-gray-700 hover:bg-gray-50"
          data-testid="supervised-export-pdf"
        >
          下载 PDF
        </a>
        {row.status === "signed" || row.status === "published" ? (
          <Link href={`/publication/${row.id}`} className="rounded border border-gray-300 bg-white px-3 py-1 text-gray-700 hover:bg-gray-50">
            公开版本
          </Link>
        ) : null}
      </div>
      <article className="rounded border border-gray-200 bg-white px-10 py-8 leading-8" data-testid="supervised-report">
        <h1 className="mb-4 text-center text-xl font-semibold">{report.meta.title}</h1>
        {report.meta.mainRecipient ? <p>{report.meta.mainRecipient}：</p> : null}
        {report.sections.map((section, sectionIndex) => (
          <section key={section.id} className="mt-4">
            <h2 className="font-semibold">
              {headingPrefix(1, sectionIndex + 1)}
              {section.heading}
            </h2>
            {section.lead ? <p className="indent-8">{section.lead}</p> : null}
            {section.items.map((item, itemIndex) => (
              <div key={item.id}>
                {item.heading ? (
                  <h3 className="indent-8 font-medium">
                    {headingPrefix(2, itemIndex + 1)}
                    {item.heading}
                  </h3>
                ) : null}
                {docParagraphs(item.body).map((paragraph, index) => (
                  <p key={index} className="indent-8">
                    {paragraph}
                  </p>
                ))}
              </div>
            ))}
          </section>
        ))}
        <p className="mt-8 text-right">{report.meta.signature}</p>
        <p className="text-right">{formatChineseDate(report.meta.date)}</p>
      </article>
    </main>
  );
}
