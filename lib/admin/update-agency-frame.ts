import { eq, sql } from "drizzle-orm";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { agencyFrameSettingsSchema, type AgencyFrameSettingsInput } from "@/lib/schemas/admin";
import { assertCan } from "@/lib/workflow/assert-can";

import { agencyFrameOf } from "./agency-profile";

export interface UpdateAgencyFrameOptions {
  db: Database;
  user: SessionUser;
  input: AgencyFrameSettingsInput;
}

/**
 * Saves the administrator's agency's GB/T 9704 版头/版记 defaults (发文机关标志, 签发人, 加盖印章, 印发机关).
 * Only the `frame` key of the settings is replaced, in one statement, so the other settings stay as they are.
 */
export async function updateAgencyFrame({ db, user, input }: UpdateAgencyFrameOptions): Promise<void> {
  assertCan(user, "agency.manage");
  const frame = agencyFrameSettingsSchema.parse(input);
  const [agency] = await db.select({ settings: tables.agencies.settings }).from(tables.agencies).where(eq(tables.agencies.id, user.agencyId));
  if (!agency) throw new NotFoundError("机关");
  const before = agencyFrameOf(agency.settings.frame);
  await db
    .update(tables.agencies)
    .set({ settings: sql`jsonb_set(${tables.agencies.settings}, '{frame}', ${JSON.stringify(frame)}::jsonb, true)` })
    .where(eq(tables.agencies.id, user.agencyId));
  const changed = (Object.keys(frame) as Array<keyof typeof frame>).filter((key) => before[key] !== frame[key]).map((key) => `frame.${key}`);
  await recordAuditEvent({ db, action: "agency.update", user, targetId: user.agencyId, detail: { changed } });
}
