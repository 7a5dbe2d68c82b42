import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { assertCan } from "@/lib/workflow/assert-can";

import { listAgencyMembers, type AgencyMember } from "./get-agency-member";

/** The agency's users with their roles, for the administration page. */
export async function listUsers({ db, user }: { db: Database; user: SessionUser }): Promise<AgencyMember[]> {
  assertCan(user, "users.manage");
  return listAgencyMembers(db, user.agencyId);
}

/** Active colleagues who may be given assignments (drafters and administrators of the same agency). */
export async function listAssignableUsers({ db, user }: { db: Database; user: SessionUser }): Promise<Array<{ id: string; displayName: string }>> {
  assertCan(user, "report.assign");
  const members = await listAgencyMembers(db, user.agencyId);
  return members
    .filter((member) => member.isActive && (member.roles.includes("drafter") || member.roles.includes("admin")))
    .map((member) => ({ id: member.id, displayName: member.displayName }));
}
