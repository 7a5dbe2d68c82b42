"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { defineAction } from "@/lib/actions";
import { markNotificationsRead } from "@/lib/notifications";

// Strict: an argument naming anything else (a report, another record) is refused, not ignored.
const markReadSchema = z.strictObject({ ids: z.array(z.uuid()).max(500).optional() }).prefault({});

/** Marks the user's own notifications read (the given ones, or all when none are given). */
export const markNotificationsReadAction = defineAction({
  permission: "report.read",
  schema: markReadSchema,
  run: async ({ db, user, input }) => ({ count: await markNotificationsRead({ db, user, ids: input.ids }) }),
  onSuccess: () => {
    revalidatePath("/notifications");
    revalidatePath("/", "layout");
  },
});
