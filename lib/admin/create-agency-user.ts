import { createUser } from "@/lib/accounts/create-user";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import type { CreateUser } from "@/lib/schemas/account";
import { assertCan } from "@/lib/workflow/assert-can";

/** An administrator adds a user to their own agency (audited as user.create). */
export async function createAgencyUser({ db, user, input }: { db: Database; user: SessionUser; input: CreateUser }): Promise<{ userId: string }> {
  assertCan(user, "users.manage");
  return createUser({ db, agencyId: user.agencyId, input, actor: user });
}
