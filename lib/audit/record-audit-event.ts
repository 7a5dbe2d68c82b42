import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";

export interface RecordAuditEventOptions {
  db: Database;
  action: string;
  user?: { id: string; username: string; agencyId?: string; ip?: string } | null;
  agencyId?: string | null;
  targetId?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends one audit entry; there is no update or delete counterpart anywhere in the app. */
export async function recordAuditEvent({ db, action, user, agencyId, targetId, detail, ip }: RecordAuditEventOptions): Promise<void> {
  await db.insert(tables.auditEvents).values({
    action,
    userId: user?.id ?? null,
    username: user?.username ?? null,
    agencyId: agencyId ?? user?.agencyId ?? null,
    targetId: targetId ?? null,
    detail: detail ?? {},
    ip: ip ?? user?.ip ?? null,
  });
}
