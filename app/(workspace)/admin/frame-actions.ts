"use server";

import { revalidatePath } from "next/cache";

import { updateAgencyFrame } from "@/lib/admin";
import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { agencyFrameSettingsSchema, type AgencyFrameSettingsInput } from "@/lib/schemas/admin";

/** Saves the agency's 版头/版记 defaults: session first, then the shared schema, then the verb (which checks the role). */
export async function updateAgencyFrameAction(input: AgencyFrameSettingsInput): Promise<ActionResult<null>> {
  try {
    const user = await requireUser("agency.manage");
    await updateAgencyFrame({ db: await getDb(), user, input: agencyFrameSettingsSchema.parse(input) });
    revalidatePath("/admin");
    return { ok: true, data: null };
  } catch (error) {
    return toActionResult(error);
  }
}
