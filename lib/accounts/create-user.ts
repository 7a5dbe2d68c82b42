import { eq } from "drizzle-orm";

import { hashPassword } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { createUserSchema, type CreateUser } from "@/lib/schemas/account";

export interface CreateUserOptions {
  db: Database;
  agencyId: string;
  input: CreateUser;
  actor?: { id: string; username: string; ip?: string } | null;
}

/** Adds a user with the given roles in one agency. */
export async function createUser({ db, agencyId, input, actor }: CreateUserOptions): Promise<{ userId: string }> {
  const data = createUserSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  const existing = await db.select({ id: tables.users.id }).from(tables.users).where(eq(tables.users.username, data.username));
  if (existing.length > 0) throw new ReportError("INVALID_INPUT", "username taken", { userMessage: `用户名“${data.username}”已被使用` });
  const userId = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(tables.users)
      .values({ username: data.username, displayName: data.displayName, passwordHash, email: data.email || null })
      .returning({ id: tables.users.id });
    await tx.insert(tables.memberships).values(data.roles.map((role) => ({ userId: user!.id, agencyId, role })));
    return user!.id;
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
