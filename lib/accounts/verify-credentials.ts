import { eq } from "drizzle-orm";

import { verifyPassword } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { signInSchema } from "@/lib/schemas/account";

import { clearSignInFailures, isSignInBlocked, recordSignInFailure } from "./rate-limit";

export interface VerifyCredentialsOptions {
  db: Database;
  input: { username?: unknown; password?: unknown };
  ip?: string;
}

/** Same message whether the username exists or not. */
export const SIGN_IN_FAILED_MESSAGE = "用户名或密码错误";
export const SIGN_IN_BLOCKED_MESSAGE = "登录失败次数过多，请15分钟后再试";

/** Returns the user id, or throws a ReportError whose userMessage is safe to show. */
export async function verifyCredentials({ db, input, ip }: VerifyCredentialsOptions): Promise<{ userId: string; username: string }> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new ReportError("INVALID_INPUT", "bad sign-in input", { userMessage: SIGN_IN_FAILED_MESSAGE });
  const { username, password } = parsed.data;
  if (await isSignInBlocked(db, username, ip)) {
    await recordAuditEvent({ db, action: "sign_in_blocked", detail: { username }, ip });
    throw new ReportError("RATE_LIMITED", "rate limited", { userMessage: SIGN_IN_BLOCKED_MESSAGE });
  }
  const [user] = await db.select().from(tables.users).where(eq(tables.users.username, username));
  const isValid = await verifyPassword(password, user?.passwordHash);
  if (!user || !isValid || !user.isActive) {
    await recordSignInFailure(db, username, ip);
    await recordAuditEvent({ db, action: "sign_in_failed", user: user ? { id: user.id, username } : null, detail: { username }, ip });
    throw new ReportError("UNAUTHENTICATED", "bad credentials", { userMessage: SIGN_IN_FAILED_MESSAGE });
  }
  await clearSignInFailures(db, username);
  return { userId: user.id, username: user.username };
}
