"use server";

import { revalidatePath } from "next/cache";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { restoreRevision } from "@/lib/history";
import type { ReportStatus } from "@/lib/report-model";
import { reportIdSchema } from "@/lib/schemas/report";
import type { CreateAssignment, CreateCommentThread, TransitionReport } from "@/lib/schemas/workflow";
import { createAssignment, createCommentThread, deleteAssignment, replyToThread, setThreadResolved, transitionReport, updateAssignment } from "@/lib/workflow";

function refresh(reportId: string): void {
  revalidatePath(`/reports/${reportId}`);
  revalidatePath(`/reports/${reportId}/history`);
  revalidatePath("/reports");
  revalidatePath("/assignments");
}

/** Any step of the state machine; the verb checks the role for the step and the report's state. */
export async function transitionReportAction(
  input: { reportId: string } & TransitionReport,
): Promise<ActionResult<{ status: ReportStatus; revision: number }>> {
  try {
    const user = await requireUser("report.read");
    const { reportId, ...rest } = input ?? ({} as typeof input);
    const id = reportIdSchema.parse(reportId);
    const data = await transitionReport({ db: await getDb(), user, reportId: id, input: rest });
    refresh(id);
    return { ok: true, data };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function createCommentThreadAction(input: { reportId: string } & CreateCommentThread): Promise<ActionResult<{ threadId: string }>> {
  try {
    const user = await requireUser("report.comment");
    const reportId = reportIdSchema.parse(input?.reportId);
    const data = await createCommentThread({ db: await getDb(), user, reportId, input: { anchor: input.anchor, body: input.body } });
    refresh(reportId);
    return { ok: true, data };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function replyToThreadAction(input: { reportId: string; threadId: string; body: string }): Promise<ActionResult<{ commentId: string }>> {
  try {
    const user = await requireUser("report.comment");
    const reportId = reportIdSchema.parse(input?.reportId);
    const data = await replyToThread({ db: await getDb(), user, input: { threadId: input.threadId, body: input.body } });
    refresh(reportId);
    return { ok: true, data };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function setThreadResolvedAction(input: {
  reportId: string;
  threadId: string;
  isResolved: boolean;
}): Promise<ActionResult<{ isResolved: boolean }>> {
  try {
    const user = await requireUser("report.comment");
    const reportId = reportIdSchema.parse(input?.reportId);
    const data = await setThreadResolved({ db: await getDb(), user, threadId: String(input.threadId), isResolved: input.isResolved === true });
    refresh(reportId);
    return { ok: true, data };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function createAssignmentAction(input: { reportId: string } & CreateAssignment): Promise<ActionResult<{ assignmentId: string }>> {
  try {
    const user = await requireUser("report.assign");
    const { reportId, ...rest } = input ?? ({} as typeof input);
    const id = reportIdSchema.parse(reportId);
    const data = await createAssignment({ db: await getDb(), user, reportId: id, input: rest });
    refresh(id);
    return { ok: true, data };
  } catch (error) {
    return toActionResult(error);
  }
}

/** The assignee (any editor) marks their own task done; the verb checks it is theirs or that the user may assign. */
export async function updateAssignmentAction(input: {
  reportId: string;
  assignmentId: string;
  status: "open" | "done";
}): Promise<ActionResult<{ status: "open" | "done" }>> {
  try {
    const user = await requireUser("report.edit");
    const reportId = reportIdSchema.parse(input?.reportId);
    const data = await updateAssignment({ db: await getDb(), user, input: { assignmentId: input.assignmentId, status: input.status } });
    refresh(reportId);
    return { ok: true, data };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function deleteAssignmentAction(input: { reportId: string; assignmentId: string }): Promise<ActionResult<null>> {
  try {
    const user = await requireUser("report.assign");
    const reportId = reportIdSchema.parse(input?.reportId);
    await deleteAssignment({ db: await getDb(), user, input: { assignmentId: input.assignmentId } });
    refresh(reportId);
    return { ok: true, data: null };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function restoreRevisionAction(input: { reportId: string; revisionId: string }): Promise<ActionResult<{ revision: number }>> {
  try {
    const user = await requireUser("report.restore");
    const reportId = reportIdSchema.parse(input?.reportId);
    const data = await restoreRevision({ db: await getDb(), user, reportId, input: { revisionId: input.revisionId } });
    refresh(reportId);
    return { ok: true, data };
  } catch (error) {
    return toActionResult(error);
  }
}
