"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { toActionResult, type ActionResult } from "@/lib/errors";
import type { SendReminder } from "@/lib/schemas/supervision";
import { createSummaryDraft, sendReminder } from "@/lib/supervision";

/** A supervisor's reminder to one subordinate agency; the verb checks that the agency is below the user's. */
export async function sendReminderAction(input: SendReminder): Promise<ActionResult<{ reminderId: string }>> {
  try {
    const user = await requireUser("supervision.read");
    const data = await sendReminder({ db: await getDb(), user, input });
    revalidatePath("/supervision");
    return { ok: true, data };
  } catch (error) {
    return toActionResult(error);
  }
}

/** Starts the supervisor agency's own report from a draft that lists the subordinates' figures. */
// Strict: an argument that names anything but the year (a report, another record) is refused, not ignored.
const summaryDraftInputSchema = z.strictObject({ year: z.number().int().min(2000).max(2100) });

export async function createSummaryDraftAction(input: { year: number }): Promise<ActionResult<{ reportId: string }>> {
  try {
    const user = await requireUser("supervision.read");
    const { year } = summaryDraftInputSchema.parse(input);
    const data = await createSummaryDraft({ db: await getDb(), user, year });
    revalidatePath("/reports");
    return { ok: true, data };
  } catch (error) {
    return toActionResult(error);
  }
}
