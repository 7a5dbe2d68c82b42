import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { sendReminderSchema, type SendReminder } from "@/lib/schemas/supervision";
import { assertCan } from "@/lib/workflow/assert-can";

import { listSubordinateAgencies } from "./list-subordinate-agencies";

export interface SendReminderOptions {
  db: Database;
  user: SessionUser;
  input: SendReminder;
}

/** A supervisor reminds one of its subordinate agencies about a report year; others are "not found". */
export async function sendReminder({ db, user, input }: SendReminderOptions): Promise<{ reminderId: string }> {
  assertCan(user, "supervision.read");
  const data = sendReminderSchema.parse(input);
  const subordinates = await listSubordinateAgencies(db, user.agencyId);
  if (!subordinates.some((agency) => agency.id === data.agencyId)) throw new NotFoundError("机关");
  const [row] = await db
    .insert(tables.reminders)
    .values({ fromAgencyId: user.agencyId, toAgencyId: data.agencyId, year: data.year, message: data.message, createdBy: user.id })
    .returning({ id: tables.reminders.id });
  await recordAuditEvent({ db, action: "supervision.remind", user, targetId: row!.id, detail: { toAgencyId: data.agencyId, year: data.year } });
  return { reminderId: row!.id };
}
