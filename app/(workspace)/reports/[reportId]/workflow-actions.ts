"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { defineAction } from "@/lib/actions";
import { restoreRevision } from "@/lib/history";
import { reportIdSchema } from "@/lib/schemas/report";
import {
  createAssignmentSchema,
  createCommentThreadSchema,
  deleteAssignmentSchema,
  replyToThreadSchema,
  restoreRevisionSchema,
  threadIdSchema,
  transitionReportSchema,
  updateAssignmentSchema,
} from "@/lib/schemas/workflow";
import { createAssignment, createCommentThread, deleteAssignment, replyToThread, setThreadResolved, transitionReport, updateAssignment } from "@/lib/workflow";

const onReport = { reportId: reportIdSchema };

function refresh({ input }: { input: { reportId: string } }): void {
  revalidatePath(`/reports/${input.reportId}`);
  revalidatePath(`/reports/${input.reportId}/history`);
  revalidatePath("/reports");
  revalidatePath("/assignments");
}

/** Any step of the state machine; the verb checks the role for the step and the report's state. */
export const transitionReportAction = defineAction({
  permission: "report.read",
  schema: transitionReportSchema.extend(onReport),
  run: ({ db, user, input: { reportId, ...input } }) => transitionReport({ db, user, reportId, input }),
  onSuccess: refresh,
});

export const createCommentThreadAction = defineAction({
  permission: "report.comment",
  schema: createCommentThreadSchema.extend(onReport),
  run: ({ db, user, input: { reportId, ...input } }) => createCommentThread({ db, user, reportId, input }),
  onSuccess: refresh,
});

export const replyToThreadAction = defineAction({
  permission: "report.comment",
  schema: replyToThreadSchema.extend(onReport),
  run: ({ db, user, input: { reportId: _reportId, ...input } }) => replyToThread({ db, user, input }),
  onSuccess: refresh,
});

export const setThreadResolvedAction = defineAction({
  permission: "report.comment",
  schema: z.object({ ...onReport, threadId: threadIdSchema, isResolved: z.boolean() }),
  run: ({ db, user, input }) => setThreadResolved({ db, user, threadId: input.threadId, isResolved: input.isResolved }),
  onSuccess: refresh,
});

export const createAssignmentAction = defineAction({
  permission: "report.assign",
  schema: createAssignmentSchema.extend(onReport),
  run: ({ db, user, input: { reportId, ...input } }) => createAssignment({ db, user, reportId, input }),
  onSuccess: refresh,
});

/** The assignee (any editor) marks their own task done; the verb checks it is theirs or that the user may assign. */
export const updateAssignmentAction = defineAction({
  permission: "report.edit",
  schema: updateAssignmentSchema.extend(onReport),
  run: ({ db, user, input: { reportId: _reportId, ...input } }) => updateAssignment({ db, user, input }),
  onSuccess: refresh,
});

export const deleteAssignmentAction = defineAction({
  permission: "report.assign",
  schema: deleteAssignmentSchema.extend(onReport),
  run: async ({ db, user, input: { reportId: _reportId, ...input } }) => {
    await deleteAssignment({ db, user, input });
    return null;
  },
  onSuccess: refresh,
});

export const restoreRevisionAction = defineAction({
  permission: "report.restore",
  schema: restoreRevisionSchema.extend(onReport),
  run: ({ db, user, input: { reportId, ...input } }) => restoreRevision({ db, user, reportId, input }),
  onSuccess: refresh,
});
