import { hashPassword } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/reports/errors";
import { createUserSchema, type CreateUser } from "@/lib/schemas/account";

import { assertUsernameAvailable, usernameUnavailableMessage } from "./name-availability";

export interface CreateUserOptions {
  db: Database;
  agencyId: string;
  input: CreateUser;
  actor?: { id: string; username: string; ip?: string } | null;
}

/** Adds a user with the given roles in one agency. */
export async function createUser({ db, agencyId, input, actor }: CreateUserOptions): Promise<{ userId: string }> {
  const data = createUserSchema.parse(input);
  await assertUsernameAvailable(db, { username: data.username, agencyId, actorId: actor?.id });
  const passwordHash = await hashPassword(data.password);
  const userId = await db
    .transaction(async (tx) => {
      const [user] = await tx
        .insert(tables.users)
        .values({ username: data.username, displayName: data.displayName, passwordHash, email: data.email || null })
        .returning({ id: tables.users.id });
      await tx.insert(tables.memberships).values(data.roles.map((role) => ({ userId: user!.id, agencyId, role })));
      return user!.id;
    })
    .catch((error: unknown) => {
      // Another request took the name between the check and the insert: the same neutral answer.
      if (isUniqueViolation(error))
        throw new ReportError("INVALID_INPUT", "username taken", { userMessage: usernameUnavailableMessage(data.username), cause: error });
      throw error;
    });
  await recordAuditEvent({
    db,
    action: "user.create",
    user: actor ? { ...actor, agencyId } : null,
    agencyId,
    targetId: userId,
    detail: { username: data.username, roles: data.roles },
  });
  return { userId };
}
