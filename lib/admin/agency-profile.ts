import { eq, sql } from "drizzle-orm";

import { agencyNameUnavailableMessage, assertAgencyNameAvailable } from "@/lib/accounts/name-availability";
import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { NotFoundError, ReportError } from "@/lib/errors";
import { resolveDocumentFrame, type AgencyFrame, type AgencyLevel } from "@/lib/report-model";
import { isUniqueViolation } from "@/lib/reports/errors";
import { agencySettingsSchema, type AgencySettingsInput } from "@/lib/schemas/admin";
import { assertCan } from "@/lib/workflow/assert-can";
import { DEFAULT_DISCLOSURE_DEADLINE, DEFAULT_SUBMISSION_DEADLINE } from "@/lib/report-model";

export interface AgencyProfile {
  id: string;
  name: string;
  level: AgencyLevel;
  parentName: string | null;
  submissionDeadline: string;
  disclosureDeadline: string;
  fontProfile: "gb2312" | "windows";
  defaultMainRecipient: string;
  defaultSignature: string;
  /** GB/T 9704 版头/版记 defaults (saved by `updateAgencyFrame`, not by `updateAgencyProfile`). */
  frame: AgencyFrame;
}

/** The user's own agency with its settings, defaults filled in. */
export async function getAgencyProfile({ db, user }: { db: Database; user: SessionUser }): Promise<AgencyProfile> {
  const [agency] = await db.select().from(tables.agencies).where(eq(tables.agencies.id, user.agencyId));
  if (!agency) throw new NotFoundError("机关");
  const parent = agency.parentId
    ? (await db.select({ name: tables.agencies.name }).from(tables.agencies).where(eq(tables.agencies.id, agency.parentId)))[0]
    : undefined;
  const settings = agency.settings;
  return {
    id: agency.id,
    name: agency.name,
    level: agency.level as AgencyLevel,
    parentName: parent?.name ?? null,
    submissionDeadline: settings.submissionDeadline ?? DEFAULT_SUBMISSION_DEADLINE,
    disclosureDeadline: settings.disclosureDeadline ?? DEFAULT_DISCLOSURE_DEADLINE,
    fontProfile: settings.fontProfile ?? "gb2312",
    defaultMainRecipient: settings.defaultMainRecipient ?? "",
    defaultSignature: settings.defaultSignature ?? "",
    frame: agencyFrameOf(settings.frame),
  };
}

/** Saves name, level, deadlines, export fonts and the default 主送机关/署名 of the administrator's agency. */
export async function updateAgencyProfile({ db, user, input }: { db: Database; user: SessionUser; input: AgencySettingsInput }): Promise<void> {
  assertCan(user, "agency.manage");
  const data = agencySettingsSchema.parse(input);
  const before = await getAgencyProfile({ db, user });
  const { name, level, ...settings } = data;
  if (name !== before.name) await assertAgencyNameAvailable(db, { name, agencyId: user.agencyId, actorId: user.id, exceptAgencyId: user.agencyId });
  try {
    // Merged into the stored settings in one statement: keys this form does not edit (the 版头/版记 defaults) stay.
    await db
      .update(tables.agencies)
      .set({ name, level, settings: sql`${tables.agencies.settings} || ${JSON.stringify(settings)}::jsonb` })
      .where(eq(tables.agencies.id, user.agencyId));
  } catch (error) {
    if (isUniqueViolation(error)) throw new ReportError("INVALID_INPUT", "name taken", { userMessage: agencyNameUnavailableMessage(name), cause: error });
    throw error;
  }
  const changed = (Object.keys(data) as Array<keyof typeof data>).filter((key) => before[key] !== data[key]);
  await recordAuditEvent({ db, action: "agency.update", user, targetId: user.agencyId, detail: { changed } });
}

/** The stored 版头/版记 defaults with every field present. */
export function agencyFrameOf(stored: Partial<AgencyFrame> | undefined): AgencyFrame {
  const { agencyMark, signer, isSealed, imprintAgency } = resolveDocumentFrame(stored, undefined);
  return { agencyMark, signer, isSealed, imprintAgency };
}
