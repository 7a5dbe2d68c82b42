import type { SessionUser } from "@/lib/auth/session-user";
import { ForbiddenError } from "@/lib/errors";
import { can, type Action } from "@/lib/permissions";

/** Verbs check the role themselves, so a verb called from anywhere enforces the one permission table. */
export function assertCan(user: SessionUser, action: Action): void {
  if (!can(user.roles, action)) throw new ForbiddenError();
}
