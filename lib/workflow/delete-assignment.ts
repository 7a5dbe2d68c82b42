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
  // An assignment limits what its assignee may edit: only someone else (or an administrator) may lift it.
  if (assignment.assigneeId === user.id && !user.roles.includes("admin")) throw new ForbiddenError("不能撤回分配给自己的任务，请联系分配人或管理员");
  await db.delete(tables.assignments).where(eq(tables.assignments.id, assignment.id));
  await recordAuditEvent({ db, action: "assignment.delete", user, targetId: assignment.reportId, detail: { assignmentId, assigneeId: assignment.assigneeId } });
}
