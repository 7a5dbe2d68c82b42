import "server-only";

import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { cache } from "react";

import { loadSessionUser } from "@/lib/accounts";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { can, type Action } from "@/lib/permissions";

import { clientAddress, parseTrustedProxies } from "./client-address";
import { authOptions } from "./options";
import type { SessionUser } from "./session-user";

const trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES);

/**
 * The signed-in user for this request, re-read from the database: deactivation, a password or role change
 * and signing out (all raise the session version) end the session at once, and so does its absolute age.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string; sessionVersion?: number; signedInAt?: number } | null;
  if (!session?.userId) return null;
  if (typeof session.signedInAt !== "number" || Date.now() - session.signedInAt > env.SESSION_ABSOLUTE_HOURS * 3_600_000) return null;
  const user = await loadSessionUser(await getDb(), session.userId);
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  const requestHeaders = await headers();
  const { sessionVersion: _version, ...sessionUser } = user;
  return { ...sessionUser, ip: clientAddress((name) => requestHeaders.get(name), trustedProxies) };
});

/** The client's address for this request (the TCP peer, or what a trusted proxy forwarded). */
export async function currentClientAddress(): Promise<string | undefined> {
  const requestHeaders = await headers();
  return clientAddress((name) => requestHeaders.get(name), trustedProxies);
}

/** First statement of every action and route: throws when signed out or when the role may not act. */
export async function requireUser(action?: Action): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  if (action && !can(user.roles, action)) throw new ForbiddenError();
  return user;
}
