import { and, eq } from "drizzle-orm";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { ROLES } from "@/lib/report-model";
import { updateUserRolesSchema, type UpdateUserRoles } from "@/lib/schemas/admin";
import { assertCan } from "@/lib/workflow/assert-can";

import { getAgencyMember, hasOtherActiveAdmin } from "./get-agency-member";

/** Replaces a user's roles in the agency; every change is audited with before and after. */
export async function updateUserRoles({ db, user, input }: { db: Database; user: SessionUser; input: UpdateUserRoles }): Promise<{ roles: string[] }> {
  assertCan(user, "users.manage");
  const data = updateUserRolesSchema.parse(input);
  const roles = ROLES.filter((role) => data.roles.includes(role));
  const member = await getAgencyMember(db, user, data.userId);
  if (member.roles.includes("admin") && !roles.includes("admin") && !(await hasOtherActiveAdmin(db, user.agencyId, member.id))) {
    throw new ReportError("INVALID_INPUT", "last admin", { userMessage: "本机关至少要保留一名在用的管理员" });
  }
  await db.transaction(async (tx) => {
    await tx.delete(tables.memberships).where(and(eq(tables.memberships.userId, member.id), eq(tables.memberships.agencyId, user.agencyId)));
    await tx.insert(tables.memberships).values(roles.map((role) => ({ userId: member.id, agencyId: user.agencyId, role })));
  });
  await recordAuditEvent({ db, action: "user.roles", user, targetId: member.id, detail: { username: member.username, before: member.roles, after: roles } });
  return { roles };
}
