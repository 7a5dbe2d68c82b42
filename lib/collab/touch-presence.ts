import "server-only";

import { and, eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { reportIdSchema } from "@/lib/schemas/report";
import { assertCan } from "@/lib/workflow/assert-can";

import { getPresenceRegistry, type PresenceRegistry } from "./presence-registry";
import { presenceHeartbeatSchema, type PresenceHeartbeat, type PresenceSnapshot } from "./presence-schema";

export interface TouchPresenceOptions {
  db: Database;
  user: SessionUser;
  reportId: string;
  input: PresenceHeartbeat;
  /** @default the process-wide registry */
  registry?: PresenceRegistry;
}

/**
 * Records that this window has the report open (and which item it is in) and answers with the other
 * windows of the same agency plus the report's status and revision. Reads only the row's header.
 */
export async function touchPresence({ db, user, reportId, input, registry = getPresenceRegistry() }: TouchPresenceOptions): Promise<PresenceSnapshot> {
  assertCan(user, "report.read");
  const data = presenceHeartbeatSchema.parse(input);
  const notFound = new ReportError("NOT_FOUND", "report not found", { userMessage: "报告不存在或无权访问" });
  if (!reportIdSchema.safeParse(reportId).success) throw notFound;
  const [row] = await db
    .select({ status: tables.reports.status, revision: tables.reports.revision })
    .from(tables.reports)
    .where(and(eq(tables.reports.id, reportId), eq(tables.reports.agencyId, user.agencyId)));
  if (!row) throw notFound;
  if (data.isLeaving) registry.leave(reportId, user.id, data.clientId);
  else
    registry.touch(reportId, {
      clientId: data.clientId,
      userId: user.id,
      displayName: user.displayName,
      agencyId: user.agencyId,
      itemId: data.itemId,
      sectionId: data.sectionId,
    });
  const people = registry
    .list(reportId, user.agencyId)
    .filter((entry) => !(entry.userId === user.id && entry.clientId === data.clientId))
    .map(({ clientId, userId, displayName, itemId, sectionId }) => ({ clientId, userId, displayName, itemId, sectionId }));
  return { people, status: row.status, revision: row.revision };
}
