import "server-only";

import { inArray } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { env } from "@/lib/env";
import type { NotificationKind } from "@/lib/report-model";

import { sendMail } from "./send-mail";

export interface NotifyUsersOptions {
  db: Database;
  userIds: readonly string[];
  kind: NotificationKind;
  reportId: string | null;
  message: string;
  /** The mail server; defaults to SMTP_URL (unset: no e-mail). */
  smtpUrl?: string;
}

/** Writes one in-app notification per user (each once), and mails those with an address when SMTP is on. */
export async function notifyUsers({ db, userIds, kind, reportId, message, smtpUrl = env.SMTP_URL }: NotifyUsersOptions): Promise<number> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return 0;
  await db.insert(tables.notifications).values(unique.map((userId) => ({ userId, kind, reportId, message })));
  if (smtpUrl) {
    const recipients = await db
      .select({ email: tables.users.email, isActive: tables.users.isActive })
      .from(tables.users)
      .where(inArray(tables.users.id, unique));
    const link = reportId && env.PUBLIC_URL ? `\n\n打开报告：${env.PUBLIC_URL.replace(/\/$/, "")}/reports/${reportId}` : "";
    await Promise.all(
      recipients
        .filter((recipient) => recipient.isActive && recipient.email)
        .map((recipient) =>
          sendMail({ to: recipient.email!, subject: `【年报】${message}`, text: `${message}${link}\n\n——年报系统自动发送，请勿直接回复。` }, smtpUrl),
        ),
    );
  }
  return unique.length;
}
