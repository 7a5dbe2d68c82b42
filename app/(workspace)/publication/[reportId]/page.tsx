import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { formatChineseDate } from "@/lib/report-model";
import { getPublicVersion } from "@/lib/supervision";

import { PublicationForm } from "./publication-form";

export const metadata: Metadata = { title: "公开版本" };
export const dynamic = "force-dynamic";

/** The publication package of a signed report: personal-data check, listed redactions, downloads, 标记为已公开. */
export default async function PublicationPage({ params }: { params: Promise<{ reportId: string }> }) {
  const user = await requireUser("report.export");
  const { reportId } = await params;
  const version = await getPublicVersion({ db: await getDb(), user, reportId }).catch((error: unknown) => {
    if (error instanceof ReportError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const isBlocked = version.unresolved.length > 0;
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <nav aria-label="面包屑" className="mb-4 text-sm">
        <Link href={version.isOwnAgency ? `/reports/${version.reportId}` : `/supervision?year=${version.year}`} className="text-red-900 hover:underline">
          ← {version.isOwnAgency ? "返回报告" : "返回督导看板"}
        </Link>
      </nav>
      <h1 className="mb-1 text-2xl font-semibold">公开版本</h1>
      <p className="mb-6 text-sm text-gray-600">
        {version.agencyName} · {version.title}
      </p>

      <section aria-labelledby="check-heading" className="mb-6 rounded border border-gray-200 bg-white p-4">
        <h2 id="check-heading" className="mb-2 font-semibold">
          个人信息检查
        </h2>
        {version.redactions.length === 0 && !isBlocked ? (
          <p className="text-sm text-green-800" data-testid="personal-data-clean">
            未发现身份证号码、手机号码等个人信息，公开版本与签发稿一致。
          </p>
        ) : null}
        {version.redactions.length > 0 ? (
          <>
            <p className="mb-2 text-sm">公开版本隐去了以下 {version.redactions.length} 处个人信息（签发稿本身未改动）：</p>
            <table className="w-full text-sm" data-testid="redactions">
              <thead className="text-left text-gray-600">
                <tr>
                  <th scope="col" className="py-1 font-medium">
                    位置
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    原文
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    公开版本
                  </th>
                </tr>
              </thead>
              <tbody>
                {version.redactions.map((change, index) => (
                  <tr key={index} className="border-t border-gray-100">
                    <td className="py-1 pr-2">{change.where}</td>
                    <td className="py-1 pr-2 font-mono">{change.before}</td>
                    <td className="py-1 font-mono">{change.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        {isBlocked ? (
          <div role="alert" className="mt-2 text-sm text-red-800">
            <p>以下个人信息无法自动隐去，请新修订删除后重新签发：</p>
            <ul className="list-disc pl-5">
              {version.unresolved.map((entry, index) => (
                <li key={index}>
                  {entry.where}：{entry.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      {isBlocked ? null : (
        <section aria-labelledby="package-heading" className="mb-6 rounded border border-gray-200 bg-white p-4">
          <h2 id="package-heading" className="mb-2 font-semibold">
            公开包
          </h2>
          <p className="mb-3 text-sm text-gray-600">网页版为单个 HTML 文件，不引用任何外部资源，可直接上传到门户网站；手机上可阅读，打印版式与 PDF 一致。</p>
          <div className="flex flex-wrap gap-2 text-sm">
            <a
              href={`/api/publication/${version.reportId}?format=html`}
              target="_blank"
              rel="noreferrer"
              className="rounded border border-gray-300 bg-white px-3 py-1.5 hover:bg-gray-50"
              data-testid="preview-public-html"
            >
              预览网页版
            </a>
            <a
              href={`/api/publication/${version.reportId}?format=html&download=1`}
              className="rounded border border-gray-300 bg-white px-3 py-1.5 hover:bg-gray-50"
              data-testid="download-public-html"
            >
              下载网页版（HTML）
            </a>
            <a
              href={`/api/publication/${version.reportId}?format=zip`}
              className="rounded border border-gray-300 bg-white px-3 py-1.5 hover:bg-gray-50"
              data-testid="download-public-zip"
            >
              下载公开包（HTML + PDF）
            </a>
          </div>
        </section>
      )}

      <section aria-labelledby="published-heading" className="rounded border border-gray-200 bg-white p-4">
        <h2 id="published-heading" className="mb-2 font-semibold">
          公开记录
        </h2>
        {version.publishedOn ? (
          <p className="text-sm" data-testid="publication-record">
            已于 {formatChineseDate(version.publishedOn)} 公开
            {version.publishedUrl ? (
              <>
                ：
                <a href={version.publishedUrl} className="text-red-900 hover:underline" rel="noreferrer">
                  {version.publishedUrl}
                </a>
              </>
            ) : null}
          </p>
        ) : version.isOwnAgency && can(user.roles, "report.publish") && !isBlocked ? (
          <PublicationForm reportId={version.reportId} />
        ) : (
          <p className="text-sm text-gray-600">尚未公开。{version.isOwnAgency ? "签发人可在此登记公开网址和日期。" : ""}</p>
        )}
      </section>
    </main>
  );
}
