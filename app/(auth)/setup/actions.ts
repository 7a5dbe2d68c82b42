"use server";

import { setupFirstRun } from "@/lib/accounts";
import { definePublicAction } from "@/lib/actions";
import { currentClientAddress } from "@/lib/auth";
import { setupSchema } from "@/lib/schemas/account";

/** Public by design (first run only): the verb refuses once any user exists. */
export const setupAction = definePublicAction({
  schema: setupSchema,
  run: async ({ db, input }) => {
    await setupFirstRun({ db, input, ip: await currentClientAddress() });
    return { username: input.username };
  },
});
