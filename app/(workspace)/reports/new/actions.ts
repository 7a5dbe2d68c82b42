"use server";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { acceptImport, createReport } from "@/lib/reports";
import { acceptImportSchema } from "@/lib/schemas/import";
import { createReportSchema } from "@/lib/schemas/report";

export async function createReportAction(input: unknown): Promise<ActionResult<{ reportId: string }>> {
  try {
    const user = await requireUser("report.create");
    const data = createReportSchema.parse(input);
    return { ok: true, data: await createReport({ db: await getDb(), user, input: data }) };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function acceptImportAction(input: unknown): Promise<ActionResult<{ reportId: string }>> {
  try {
    const user = await requireUser("report.import");
    const data = acceptImportSchema.parse(input);
    return { ok: true, data: await acceptImport({ db: await getDb(), user, input: data }) };
  } catch (error) {
    return toActionResult(error);
  }
}
