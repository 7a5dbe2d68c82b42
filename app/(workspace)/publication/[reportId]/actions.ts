"use server";

import { revalidatePath } from "next/cache";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { reportIdSchema } from "@/lib/schemas/report";
import type { RecordPublication } from "@/lib/schemas/supervision";
import { recordPublication } from "@/lib/supervision";

/** 标记为已公开 with the address and the date; the verb checks the role, the agency and the report's state. */
export async function recordPublicationAction(input: { reportId: string } & RecordPublication): Promise<ActionResult<{ status: string }>> {
  try {
    const user = await requireUser("report.publish");
    const reportId = reportIdSchema.parse(input?.reportId);
    const data = await recordPublication({ db: await getDb(), user, reportId, input: { publishedOn: input.publishedOn, url: input.url } });
    revalidatePath(`/publication/${reportId}`);
    revalidatePath(`/reports/${reportId}`);
    revalidatePath("/reports");
    return { ok: true, data };
  } catch (error) {
    return toActionResult(error);
  }
}
