import { eq } from "drizzle-orm";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { setUserActiveSchema, type SetUserActive } from "@/lib/schemas/admin";
import { assertCan } from "@/lib/workflow/assert-can";

import { getAgencyMember, hasOtherActiveAdmin } from "./get-agency-member";

/** Deactivates (sign-in and open sessions stop at once) or reactivates a user of the agency. */
export async function setUserActive({ db, user, input }: { db: Database; user: SessionUser; input: SetUserActive }): Promise<{ isActive: boolean }> {
  assertCan(user, "users.manage");
  const data = setUserActiveSchema.parse(input);
  const member = await getAgencyMember(db, user, data.userId);
  if (!data.isActive) {
    if (member.id === user.id) throw new ReportError("INVALID_INPUT", "self", { userMessage: "不能停用自己的账号" });
    if (member.roles.includes("admin") && !(await hasOtherActiveAdmin(db, user.agencyId, member.id))) {
      throw new ReportError("INVALID_INPUT", "last admin", { userMessage: "这是本机关唯一在用的管理员，不能停用" });
    }
  }
  await db.update(tables.users).set({ isActive: data.isActive }).where(eq(tables.users.id, member.id));
  await recordAuditEvent({ db, action: data.isActive ? "user.activate" : "user.deactivate", user, targetId: member.id, detail: { username: member.username } });
  return { isActive: data.isActive };
}
