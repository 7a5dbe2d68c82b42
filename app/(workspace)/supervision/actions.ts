"use server";

import { revalidatePath } from "next/cache";

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
export async function createSummaryDraftAction(input: { year: number }): Promise<ActionResult<{ reportId: string }>> {
  try {
    const user = await requireUser("supervision.read");
    const data = await createSummaryDraft({ db: await getDb(), user, year: Number(input?.year) });
    revalidatePath("/reports");
    return { ok: true, data };
  } catch (error) {
    return toActionResult(error);
  }
}
