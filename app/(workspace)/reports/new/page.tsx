import type { Metadata } from "next";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listReports } from "@/lib/reports";
import { listTemplates } from "@/templates";

import { NewReportForm } from "./new-report-form";

export const metadata: Metadata = { title: "新建报告" };
export const dynamic = "force-dynamic";

export default async function NewReportPage() {
  const user = await requireUser("report.create");
  const reports = await listReports({ db: await getDb(), user });
  const templates = listTemplates()
    .map((template) => ({ id: template.id, name: template.name, description: template.description, fits: template.levels.includes(user.agencyLevel) }))
    .sort((a, b) => Number(b.fits) - Number(a.fits));
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="mb-6 text-2xl font-semibold">新建报告</h1>
      <NewReportForm
        templates={templates}
        previousReports={reports.map((report) => ({ id: report.id, year: report.year, title: report.title }))}
        defaultYear={new Date().getFullYear() - 1}
      />
    </main>
  );
}
