import type { Metadata } from "next";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { can } from "@/lib/permissions";
import { listReports } from "@/lib/reports";
import { listReminders } from "@/lib/supervision";

import { ReportsPageView } from "./reports-page-view";

export const metadata: Metadata = { title: "报告" };
export const dynamic = "force-dynamic";

export default async function ReportsPage() {
  const user = await requireUser("report.read");
  const reports = await listReports({ db: await getDb(), user });
  const reminders = await listReminders({ db: await getDb(), user });
  return <ReportsPageView agencyName={user.agencyName} reports={reports} canCreate={can(user.roles, "report.create")} reminders={reminders} />;
}
