import { z } from "zod";

import { ASSIGNMENT_STATUSES, TRANSITION_NAMES } from "@/lib/report-model";

export type { TransitionName } from "@/lib/report-model";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");
const anchorId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "编号格式不正确");

export const transitionReportSchema = z.object({
  transition: z.enum(TRANSITION_NAMES, { error: "未知的流转操作" }),
  /** Reason for returning or for a new revision; shown in the history. */
  note: z.string().trim().max(2000, "说明不超过2000字").default(""),
  /** 公开日期, for publish. */
  publishedOn: z.union([z.literal(""), isoDate]).default(""),
  /** 公开网址或说明, for publish. */
  publishedNote: z.string().trim().max(500, "公开说明不超过500字").default(""),
});
export type TransitionReport = z.input<typeof transitionReportSchema>;

/** Where a thread sits: the whole report, a part, an item, or a character range of one field. */
export const commentAnchorSchema = z
  .object({
    sectionId: anchorId.nullable().default(null),
    itemId: anchorId.nullable().default(null),
    field: z.enum(["sectionHeading", "lead", "itemHeading", "body", "indicators"]).nullable().default(null),
    from: z.number().int().min(0).nullable().default(null),
    to: z.number().int().min(0).nullable().default(null),
    quote: z.string().max(500, "引用的原文不超过500字").default(""),
  })
  .refine((anchor) => (anchor.from === null) === (anchor.to === null), { message: "选区起止位置应同时给出", path: ["to"] })
  .refine((anchor) => anchor.from === null || anchor.to === null || anchor.from <= anchor.to, { message: "选区起点不能在终点之后", path: ["to"] })
  .refine((anchor) => anchor.itemId === null || anchor.sectionId !== null, { message: "条目意见须同时指明所属部分", path: ["sectionId"] });
export type CommentAnchor = z.input<typeof commentAnchorSchema>;

export const commentBodySchema = z.string({ error: "请填写意见" }).trim().min(1, "请填写意见").max(5000, "意见不超过5000字");

export const createCommentThreadSchema = z.object({ anchor: commentAnchorSchema.prefault({}), body: commentBodySchema });
export type CreateCommentThread = z.input<typeof createCommentThreadSchema>;

export const replyToThreadSchema = z.object({ threadId: z.uuid({ error: "意见编号格式不正确" }), body: commentBodySchema });
export type ReplyToThread = z.infer<typeof replyToThreadSchema>;

export const threadIdSchema = z.uuid({ error: "意见编号格式不正确" });

export const createAssignmentSchema = z.object({
  assigneeId: z.uuid({ error: "请选择承办人" }),
  sectionId: anchorId,
  /** Empty for the whole part. */
  itemId: z
    .union([z.literal(""), anchorId])
    .nullable()
    .default(null)
    .transform((value) => value || null),
  dueDate: z
    .union([z.literal(""), isoDate])
    .nullable()
    .default(null)
    .transform((value) => value || null),
  note: z.string().trim().max(500, "说明不超过500字").default(""),
});
export type CreateAssignment = z.input<typeof createAssignmentSchema>;

export const updateAssignmentSchema = z.object({
  assignmentId: z.uuid({ error: "任务编号格式不正确" }),
  status: z.enum(ASSIGNMENT_STATUSES),
});
export type UpdateAssignment = z.infer<typeof updateAssignmentSchema>;

export const deleteAssignmentSchema = z.object({ assignmentId: z.uuid({ error: "任务编号格式不正确" }) });

export const restoreRevisionSchema = z.object({ revisionId: z.uuid({ error: "版本编号格式不正确" }) });
export type RestoreRevision = z.infer<typeof restoreRevisionSchema>;

export const compareRevisionsSchema = z.object({
  olderId: z.uuid({ error: "版本编号格式不正确" }),
  newerId: z.uuid({ error: "版本编号格式不正确" }),
});
