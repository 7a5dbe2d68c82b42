import type { Metadata } from "next";

import { getAgencyProfile } from "@/lib/admin";
import { getDb } from "@/lib/db";
import { listReports } from "@/lib/reports";
import { draftingYear } from "@/lib/report-model";
import { listTemplates } from "@/templates";

import { ImportPanel } from "./import-panel";
import { NewReportForm } from "./new-report-form";
import { requirePageUser } from "../../require-page-user";

export const metadata: Metadata = { title: "新建报告" };
export const dynamic = "force-dynamic";

export default async function NewReportPage() {
  const user = await requirePageUser("report.create");
  const db = await getDb();
  const reports = await listReports({ db, user });
  const agency = await getAgencyProfile({ db, user });
  const templates = listTemplates()
    .map((template) => ({ id: template.id, name: template.name, description: template.description, fits: template.levels.includes(user.agencyLevel) }))
    .sort((a, b) => Number(b.fits) - Number(a.fits));
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="mb-6 text-2xl font-semibold">新建报告</h1>
      <NewReportForm
        templates={templates}
        previousReports={reports.map((report) => ({ id: report.id, year: report.year, title: report.title }))}
        defaultYear={draftingYear(new Date())}
        deadlineSettings={{ submissionDeadline: agency.submissionDeadline, disclosureDeadline: agency.disclosureDeadline }}
      />
      <section aria-labelledby="import-heading" className="mt-8 rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="import-heading" className="mb-1 text-lg font-semibold">
          从去年的报告文件导入
        </h2>
        <p className="mb-5 text-sm text-gray-500">上传或粘贴去年已发布的报告，系统识别结构后由您确认，再以此为基础起草今年的报告。</p>
        <ImportPanel />
      </section>
    </main>
  );
}
