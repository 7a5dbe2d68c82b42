import { and, eq } from "drizzle-orm";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { updateAssignmentSchema, type UpdateAssignment } from "@/lib/schemas/workflow";

export type AssignmentRow = typeof tables.assignments.$inferSelect;

export async function getAssignment(db: Database, user: SessionUser, assignmentId: string): Promise<AssignmentRow> {
  const [row] = await db
    .select({ assignment: tables.assignments })
    .from(tables.assignments)
    .innerJoin(tables.reports, eq(tables.reports.id, tables.assignments.reportId))
    .where(and(eq(tables.assignments.id, assignmentId), eq(tables.reports.agencyId, user.agencyId)));
  if (!row) throw new NotFoundError("任务");
  return row.assignment;
}

/** The assignee, or whoever may assign, marks an assignment done or open again. */
export async function updateAssignment({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: UpdateAssignment;
}): Promise<{ status: "open" | "done" }> {
  const data = updateAssignmentSchema.parse(input);
  const assignment = await getAssignment(db, user, data.assignmentId);
  if (assignment.assigneeId !== user.id && !can(user.roles, "report.assign")) throw new ForbiddenError("只有承办人或分配任务的人可以更改任务状态");
  await db
    .update(tables.assignments)
    .set({ status: data.status, completedAt: data.status === "done" ? new Date() : null })
    .where(eq(tables.assignments.id, assignment.id));
  await recordAuditEvent({
    db,
    action: "assignment.status",
    user,
    targetId: assignment.reportId,
    detail: { assignmentId: assignment.id, status: data.status },
  });
  return { status: data.status };
}
