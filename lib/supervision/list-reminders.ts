import { desc, eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { assertCan } from "@/lib/workflow/assert-can";

export interface ReminderNotice {
  id: string;
  year: number;
  message: string;
  fromAgencyName: string;
  createdAt: Date;
}

/** Reminders the user's agency received from supervising agencies, newest first. */
export async function listReminders({ db, user, limit = 20 }: { db: Database; user: SessionUser; limit?: number }): Promise<ReminderNotice[]> {
  assertCan(user, "report.read");
  return db
    .select({
      id: tables.reminders.id,
      year: tables.reminders.year,
      message: tables.reminders.message,
      fromAgencyName: tables.agencies.name,
      createdAt: tables.reminders.createdAt,
    })
    .from(tables.reminders)
    .innerJoin(tables.agencies, eq(tables.agencies.id, tables.reminders.fromAgencyId))
    .where(eq(tables.reminders.toAgencyId, user.agencyId))
    .orderBy(desc(tables.reminders.createdAt))
    .limit(limit);
}
