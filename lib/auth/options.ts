import "server-only";

import { eq, sql } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { verifyCredentials } from "@/lib/accounts";
import { recordAuditEvent } from "@/lib/audit";
import { getDb, tables } from "@/lib/db";
import { env, isOidcEnabled } from "@/lib/env";
import { ReportError } from "@/lib/errors";

import { clientAddress, parseTrustedProxies } from "./client-address";
import { getAuthSecret } from "./secret";

const trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES);

function clientIp(headers: Record<string, unknown> | undefined): string | undefined {
  return clientAddress((name) => {
    const value = headers?.[name];
    return typeof value === "string" ? value : undefined;
  }, trustedProxies);
}

/** Fields this app keeps in the session JWT. */
interface SessionToken {
  sub?: string;
  /** users.session_version at sign-in: a raised version ends the session. */
  sessionVersion?: number;
  /** Sign-in time (ms): the session ends SESSION_ABSOLUTE_HOURS later however active it is. */
  signedInAt?: number;
}

async function currentSessionVersion(userId: string): Promise<number | undefined> {
  const db = await getDb();
  const [row] = await db.select({ sessionVersion: tables.users.sessionVersion }).from(tables.users).where(eq(tables.users.id, userId));
  return row?.sessionVersion;
}

function oidcProvider(): NextAuthOptions["providers"] {
  if (!isOidcEnabled()) return [];
  return [
    {
      id: "oidc",
      name: env.OIDC_NAME,
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; preferred_username?: string; name?: string }) {
        return { id: profile.sub, name: profile.name ?? profile.preferred_username ?? profile.sub, username: profile.preferred_username ?? profile.sub };
      },
    },
  ];
}

export const authOptions: NextAuthOptions = {
  secret: getAuthSecret(),
  session: { strategy: "jwt", maxAge: Math.round(env.SESSION_MAX_AGE_HOURS * 3600) },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "用户名密码",
      credentials: { username: { label: "用户名", type: "text" }, password: { label: "密码", type: "password" } },
      async authorize(credentials, request) {
        const db = await getDb();
        const ip = clientIp(request?.headers as Record<string, unknown> | undefined);
        try {
          const { userId, username } = await verifyCredentials({ db, input: credentials ?? {}, ip });
          await recordAuditEvent({ db, action: "sign_in", user: { id: userId, username }, ip });
          return { id: userId, name: username };
        } catch (error) {
          // next-auth passes the thrown message to the sign-in page; only safe messages go there.
          if (error instanceof ReportError) throw new Error(error.userMessage);
          throw error;
        }
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      // Single sign-on only admits accounts an administrator created (matched by username).
      const username = (user as { username?: string }).username ?? user.name ?? "";
      const db = await getDb();
      const [row] = await db.select().from(tables.users).where(eq(tables.users.username, username));
      if (!row || !row.isActive) return "/login?error=AccessDenied";
      user.id = row.id;
      await recordAuditEvent({ db, action: "sign_in", user: { id: row.id, username }, detail: { provider: "oidc" } });
      return true;
    },
    async jwt({ token, user }) {
      const fields = token as typeof token & SessionToken;
      if (user) {
        fields.sub = user.id;
        fields.sessionVersion = (await currentSessionVersion(user.id)) ?? 0;
        fields.signedInAt = Date.now();
      }
      return fields;
    },
    async session({ session, token }) {
      const fields = token as typeof token & SessionToken;
      return { ...session, userId: fields.sub, sessionVersion: fields.sessionVersion, signedInAt: fields.signedInAt };
    },
  },
  events: {
    /** Signing out ends every session of the account at once, not only this cookie. */
    async signOut({ token }) {
      const userId = (token as SessionToken | null)?.sub;
      if (!userId) return;
      const db = await getDb();
      await db
        .update(tables.users)
        .set({ sessionVersion: sql`${tables.users.sessionVersion} + 1` })
        .where(eq(tables.users.id, userId));
    },
  },
};
