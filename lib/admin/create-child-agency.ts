import { agencyNameUnavailableMessage, assertAgencyNameAvailable, assertUsernameAvailable, usernameUnavailableMessage } from "@/lib/accounts/name-availability";
import { hashPassword } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/reports/errors";
import { createChildAgencySchema, type CreateChildAgency } from "@/lib/schemas/admin";
import { assertCan } from "@/lib/workflow/assert-can";

/** A subordinate agency under the administrator's own agency, with its first administrator. */
export async function createChildAgency({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: CreateChildAgency;
}): Promise<{ agencyId: string; userId: string }> {
  assertCan(user, "agency.manage");
  const data = createChildAgencySchema.parse(input);
  // Names held by other agencies get a neutral answer ("不能使用"), never a confirmation (lib/accounts/name-availability.ts).
  await assertAgencyNameAvailable(db, { name: data.agencyName, agencyId: user.agencyId, actorId: user.id });
  await assertUsernameAvailable(db, { username: data.username, agencyId: user.agencyId, actorId: user.id });
  const passwordHash = await hashPassword(data.password);
  let result: { agencyId: string; userId: string };
  try {
    result = await db.transaction(async (tx) => {
      const [agency] = await tx
        .insert(tables.agencies)
        .values({ name: data.agencyName, level: data.agencyLevel, parentId: user.agencyId })
        .returning({ id: tables.agencies.id });
      const [admin] = await tx
        .insert(tables.users)
        .values({ username: data.username, displayName: data.displayName, passwordHash })
        .returning({ id: tables.users.id });
      await tx.insert(tables.memberships).values({ userId: admin!.id, agencyId: agency!.id, role: "admin" });
      return { agencyId: agency!.id, userId: admin!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ReportError("INVALID_INPUT", "duplicate", {
        userMessage: `${agencyNameUnavailableMessage(data.agencyName)}；或${usernameUnavailableMessage(data.username)}`,
        cause: error,
      });
    throw error;
  }
  await recordAuditEvent({
    db,
    action: "agency.create_child",
    user,
    targetId: result.agencyId,
    detail: { agency: data.agencyName, level: data.agencyLevel, admin: data.username },
  });
  return result;
}
