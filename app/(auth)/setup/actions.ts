"use server";

import { setupFirstRun } from "@/lib/accounts";
import { currentClientAddress } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { setupSchema } from "@/lib/schemas/account";

/** Public by design (first run only): the verb refuses once any user exists. */
export async function setupAction(input: unknown): Promise<ActionResult<{ username: string }>> {
  try {
    const data = setupSchema.parse(input);
    const ip = await currentClientAddress();
    await setupFirstRun({ db: await getDb(), input: data, ip });
    return { ok: true, data: { username: data.username } };
  } catch (error) {
    return toActionResult(error);
  }
}
