"use server";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { toActionResult, type ActionResult } from "@/lib/errors";
import type { ReportStatus } from "@/lib/report-model";
import { submitReport } from "@/lib/reports";
import { reportIdSchema } from "@/lib/schemas/report";

export async function submitReportAction(input: { reportId: string }): Promise<ActionResult<{ status: ReportStatus }>> {
  try {
    const user = await requireUser("report.submit");
    const reportId = reportIdSchema.parse(input?.reportId);
    return { ok: true, data: await submitReport({ db: await getDb(), user, reportId }) };
  } catch (error) {
    return toActionResult(error);
  }
}
