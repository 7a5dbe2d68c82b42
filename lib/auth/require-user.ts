import "server-only";

import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { cache } from "react";

import { loadSessionUser } from "@/lib/accounts";
import { getDb } from "@/lib/db";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { can, type Action } from "@/lib/permissions";

import { authOptions } from "./options";
import type { SessionUser } from "./session-user";

/** The signed-in user for this request, re-read from the database (deactivation applies at once). */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string } | null;
  if (!session?.userId) return null;
  const user = await loadSessionUser(await getDb(), session.userId);
  if (!user) return null;
  const requestHeaders = await headers();
  const ip = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim() || requestHeaders.get("x-real-ip") || undefined;
  return { ...user, ip };
});

/** First statement of every action and route: throws when signed out or when the role may not act. */
export async function requireUser(action?: Action): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  if (action && !can(user.roles, action)) throw new ForbiddenError();
  return user;
}
