"use server";

import { revalidatePath } from "next/cache";

import { defineAction } from "@/lib/actions";
import { updateAgencyFrame } from "@/lib/admin";
import { agencyFrameSettingsSchema } from "@/lib/schemas/admin";

/** Saves the agency's 版头/版记 defaults: session and role, then the shared schema, then the verb. */
export const updateAgencyFrameAction = defineAction({
  permission: "agency.manage",
  schema: agencyFrameSettingsSchema,
  run: async ({ db, user, input }) => {
    await updateAgencyFrame({ db, user, input });
    return null;
  },
  onSuccess: () => revalidatePath("/admin"),
});
