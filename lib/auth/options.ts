import "server-only";

import { eq } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { verifyCredentials } from "@/lib/accounts";
import { recordAuditEvent } from "@/lib/audit";
import { getDb, tables } from "@/lib/db";
import { env, isOidcEnabled } from "@/lib/env";
import { ReportError } from "@/lib/errors";

import { getAuthSecret } from "./secret";

function clientIp(headers: Record<string, unknown> | undefined): string | undefined {
  const forwarded = headers?.["x-forwarded-for"];
  if (typeof forwarded === "string" && forwarded) return forwarded.split(",")[0]!.trim();
  const real = headers?.["x-real-ip"];
  return typeof real === "string" && real ? real : undefined;
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
      if (user) token.sub = user.id;
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
};
