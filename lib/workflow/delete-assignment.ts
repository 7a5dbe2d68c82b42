import { eq } from "drizzle-orm";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { deleteAssignmentSchema } from "@/lib/schemas/workflow";

import { getAssignment } from "./update-assignment";

/** Withdraws an assignment (whoever may assign). */
export async function deleteAssignment({ db, user, input }: { db: Database; user: SessionUser; input: { assignmentId: string } }): Promise<void> {
  if (!can(user.roles, "report.assign")) throw new ForbiddenError();
  const { assignmentId } = deleteAssignmentSchema.parse(input);
  const assignment = await getAssignment(db, user, assignmentId);
  await db.delete(tables.assignments).where(eq(tables.assignments.id, assignment.id));
  await recordAuditEvent({ db, action: "assignment.delete", user, targetId: assignment.reportId, detail: { assignmentId, assigneeId: assignment.assigneeId } });
}
