"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { defineAction } from "@/lib/actions";
import { sendReminderSchema } from "@/lib/schemas/supervision";
import { createSummaryDraft, sendReminder } from "@/lib/supervision";

/** A supervisor's reminder to one subordinate agency; the verb checks that the agency is below the user's. */
export const sendReminderAction = defineAction({
  permission: "supervision.read",
  schema: sendReminderSchema,
  run: ({ db, user, input }) => sendReminder({ db, user, input }),
  onSuccess: () => revalidatePath("/supervision"),
});

// Strict: an argument that names anything but the year (a report, another record) is refused, not ignored.
const summaryDraftInputSchema = z.strictObject({ year: z.number().int().min(2000).max(2100) });

/** Starts the supervisor agency's own report from a draft that lists the subordinates' figures. */
export const createSummaryDraftAction = defineAction({
  permission: "supervision.read",
  schema: summaryDraftInputSchema,
  run: ({ db, user, input }) => createSummaryDraft({ db, user, year: input.year }),
  onSuccess: () => revalidatePath("/reports"),
});
