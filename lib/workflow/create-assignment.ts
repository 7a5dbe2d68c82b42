import { and, eq, inArray } from "drizzle-orm";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { notifyUsers } from "@/lib/notifications";
import { isEditableStatus } from "@/lib/report-model";
import { getReport } from "@/lib/reports/get-report";
import { createAssignmentSchema, type CreateAssignment } from "@/lib/schemas/workflow";

import { assertCan } from "./assert-can";
import { assertAnchorExists } from "./create-comment-thread";

export interface CreateAssignmentOptions {
  db: Database;
  user: SessionUser;
  reportId: string;
  input: CreateAssignment;
}

/** Gives a part or an item of a draft to a colleague of the same agency who may edit reports. */
export async function createAssignment({ db, user, reportId, input }: CreateAssignmentOptions): Promise<{ assignmentId: string }> {
  assertCan(user, "report.assign");
  const data = createAssignmentSchema.parse(input);
  const row = await getReport({ db, user, reportId });
  if (!isEditableStatus(row.status)) {
    throw new ReportError("INVALID_STATE", "not a draft", { userMessage: "只有草稿或退回修改的报告可以分配起草任务" });
  }
  assertAnchorExists(row.content, data.sectionId, data.itemId);
  const [assignee] = await db
    .select({ id: tables.users.id })
    .from(tables.users)
    .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
    .where(
      and(
        eq(tables.users.id, data.assigneeId),
        eq(tables.users.isActive, true),
        eq(tables.memberships.agencyId, user.agencyId),
        inArray(tables.memberships.role, ["drafter", "admin"]),
      ),
    )
    .limit(1);
  if (!assignee) throw new ReportError("INVALID_INPUT", "bad assignee", { userMessage: "承办人须为本机关具有起草权限的在用账号" });
  const [assignment] = await db
    .insert(tables.assignments)
    .values({
      reportId,
      assigneeId: data.assigneeId,
      sectionId: data.sectionId,
      itemId: data.itemId,
      dueDate: data.dueDate,
      note: data.note,
      createdBy: user.id,
    })
    .returning({ id: tables.assignments.id });
  await recordAuditEvent({
    db,
    action: "assignment.create",
    user,
    targetId: reportId,
    detail: { assignmentId: assignment!.id, assigneeId: data.assigneeId, sectionId: data.sectionId, itemId: data.itemId, dueDate: data.dueDate },
  });
  if (data.assigneeId !== user.id) {
    const section = row.content.sections.find((candidate) => candidate.id === data.sectionId);
    const item = data.itemId ? section?.items.find((candidate) => candidate.id === data.itemId) : undefined;
    const part = item?.heading || section?.heading || "一部分";
    await notifyUsers({
      db,
      userIds: [data.assigneeId],
      kind: "assignment",
      reportId,
      message: `${user.displayName}请您起草《${row.title || "（无标题）"}》的“${part}”${data.dueDate ? `，${data.dueDate}前完成` : ""}`,
    });
  }
  return { assignmentId: assignment!.id };
}
