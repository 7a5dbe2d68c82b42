import "server-only";

import type { IncomingMessage } from "node:http";

import { getToken } from "next-auth/jwt";

import { loadSessionUser } from "@/lib/accounts";
import { clientAddress, parseTrustedProxies } from "@/lib/auth/client-address";
import { getAuthSecret } from "@/lib/auth/secret";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { env } from "@/lib/env";

const trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES);

/**
 * The signed-in user of a WebSocket upgrade, checked exactly as getCurrentUser checks a page request
 * (session JWT, absolute age, session version re-read from the database). Null when not signed in.
 */
export async function authenticateUpgrade(db: Database, request: IncomingMessage): Promise<SessionUser | null> {
  const token = (await getToken({
    // next-auth reads the session cookie from `cookies` (an upgrade request has only the raw header).
    req: { headers: request.headers as Record<string, string>, cookies: parseCookies(request.headers.cookie) } as Parameters<typeof getToken>[0]["req"],
    secret: getAuthSecret(),
  })) as { sub?: string; sessionVersion?: number; signedInAt?: number } | null;
  if (!token?.sub) return null;
  if (typeof token.signedInAt !== "number" || Date.now() - token.signedInAt > env.SESSION_ABSOLUTE_HOURS * 3_600_000) return null;
  const user = await loadSessionUser(db, token.sub);
  if (!user || user.sessionVersion !== token.sessionVersion) return null;
  const { sessionVersion: _version, ...sessionUser } = user;
  const ip = clientAddress((name) => {
    const value = request.headers[name];
    return typeof value === "string" ? value : undefined;
  }, trustedProxies);
  return { ...sessionUser, ip: ip ?? request.socket.remoteAddress };
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const value = part.slice(index + 1).trim();
    try {
      cookies[part.slice(0, index).trim()] = decodeURIComponent(value);
    } catch {
      cookies[part.slice(0, index).trim()] = value;
    }
  }
  return cookies;
}

/** A browser sends its page's origin with the upgrade; refuse one from another site (cross-site WebSocket hijacking). */
export function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser (the CLI and tests); the session cookie still has to be valid
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
