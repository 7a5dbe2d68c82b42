"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { markNotificationsRead } from "@/lib/notifications";

// Strict: an argument naming anything else (a report, another record) is refused, not ignored.
const markReadSchema = z.strictObject({ ids: z.array(z.uuid()).max(500).optional() });

/** Marks the user's own notifications read (the given ones, or all when none are given). */
export async function markNotificationsReadAction(input: { ids?: string[] }): Promise<ActionResult<{ count: number }>> {
  try {
    const user = await requireUser("report.read");
    const { ids } = markReadSchema.parse(input ?? {});
    const count = await markNotificationsRead({ db: await getDb(), user, ids });
    revalidatePath("/notifications");
    revalidatePath("/", "layout");
    return { ok: true, data: { count } };
  } catch (error) {
    return toActionResult(error);
  }
}
