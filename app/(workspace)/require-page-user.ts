import "server-only";

import { forbidden, redirect } from "next/navigation";

import { getCurrentUser } from "@/lib/auth";
import type { SessionUser } from "@/lib/auth/session-user";
import { can, type Action } from "@/lib/permissions";

/**
 * First statement of a page: the signed-in user, or the sign-in page; a role that may not open the page
 * gets the 403 无权访问 page (app/forbidden.tsx) instead of an unexpected-error page.
 */
export async function requirePageUser(action: Action): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!can(user.roles, action)) forbidden();
  return user;
}
