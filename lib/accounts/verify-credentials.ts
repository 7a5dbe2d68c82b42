import { eq } from "drizzle-orm";

import { verifyPassword } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { signInSchema } from "@/lib/schemas/account";

import { clearSignInFailures, FAILURE_WINDOW_MINUTES, FREE_FAILURES_PER_ACCOUNT, recordSignInFailure, signInDelay } from "./rate-limit";

export interface VerifyCredentialsOptions {
  db: Database;
  input: { username?: unknown; password?: unknown };
  ip?: string;
}

/** Same message whether the username exists or not. */
export const SIGN_IN_FAILED_MESSAGE = "用户名或密码错误";
export const SIGN_IN_BLOCKED_MESSAGE = "登录失败次数过多";

function blockedMessage(seconds: number): string {
  const wait = seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
  return `${SIGN_IN_BLOCKED_MESSAGE}，请 ${wait}后再试`;
}

/** Returns the user id, or throws a ReportError whose userMessage is safe to show. */
export async function verifyCredentials({ db, input, ip }: VerifyCredentialsOptions): Promise<{ userId: string; username: string }> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new ReportError("INVALID_INPUT", "bad sign-in input", { userMessage: SIGN_IN_FAILED_MESSAGE });
  const { username, password } = parsed.data;
  // Attempts during a delay are refused without checking the password and without counting as failures.
  const delay = await signInDelay(db, username, ip);
  if (delay.seconds > 0) {
    await recordAuditEvent({ db, action: "sign_in_blocked", detail: { username, seconds: delay.seconds, isAddressBlocked: delay.isAddressBlocked }, ip });
    throw new ReportError("RATE_LIMITED", "rate limited", { userMessage: blockedMessage(delay.seconds) });
  }
  const [user] = await db.select().from(tables.users).where(eq(tables.users.username, username));
  const isValid = await verifyPassword(password, user?.passwordHash);
  if (!user || !isValid || !user.isActive) {
    const failures = await recordSignInFailure(db, username, ip);
    await recordAuditEvent({ db, action: "sign_in_failed", user: user ? { id: user.id, username } : null, detail: { username }, ip });
    // The agency's administrators see this in the audit log once the account starts being slowed down.
    if (user && failures === FREE_FAILURES_PER_ACCOUNT) {
      await recordAuditEvent({
        db,
        action: "sign_in_alert",
        user: { id: user.id, username },
        detail: { username, failures, minutes: FAILURE_WINDOW_MINUTES },
        ip,
      });
    }
    throw new ReportError("UNAUTHENTICATED", "bad credentials", { userMessage: SIGN_IN_FAILED_MESSAGE });
  }
  await clearSignInFailures(db, username, ip);
  return { userId: user.id, username: user.username };
}
