import { eq } from "drizzle-orm";

import { clearSignInFailures } from "@/lib/accounts/rate-limit";
import { recordAuditEvent } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { resetPasswordSchema, type ResetPassword } from "@/lib/schemas/admin";
import { assertCan } from "@/lib/workflow/assert-can";

import { getAgencyMember } from "./get-agency-member";

/** Sets a new password (at least 10 characters) for a user of the agency; the password is never logged. */
export async function resetPassword({ db, user, input }: { db: Database; user: SessionUser; input: ResetPassword }): Promise<void> {
  assertCan(user, "users.manage");
  const data = resetPasswordSchema.parse(input);
  const member = await getAgencyMember(db, user, data.userId);
  await db
    .update(tables.users)
    .set({ passwordHash: await hashPassword(data.password) })
    .where(eq(tables.users.id, member.id));
  await clearSignInFailures(db, member.username);
  await recordAuditEvent({ db, action: "user.password_reset", user, targetId: member.id, detail: { username: member.username } });
}
