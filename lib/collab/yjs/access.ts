import "server-only";

import { and, eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { can } from "@/lib/permissions";
import { reportIdSchema } from "@/lib/schemas/report";
import { isEditableStatus } from "@/lib/report-model";

import { bodyFieldName } from "./fields";

export interface CollabAccess {
  reportId: string;
  status: string;
  /** False: the user may watch the live document but not change it. */
  canEdit: boolean;
  /** Body fragments the user may change (a contributor only their assigned parts and items). */
  canEditField: (field: string) => boolean;
}

/**
 * What this user may do with the report's live document: null when the report is not theirs to read
 * (another agency, or no such report). The same rules as saveReportContent and assertWithinAssignments.
 */
export async function findCollabAccess(db: Database, user: SessionUser, reportId: string): Promise<CollabAccess | null> {
  if (!reportIdSchema.safeParse(reportId).success || !can(user.roles, "report.read")) return null;
  const [row] = await db
    .select({ status: tables.reports.status, createdBy: tables.reports.createdBy, content: tables.reports.content })
    .from(tables.reports)
    .where(and(eq(tables.reports.id, reportId), eq(tables.reports.agencyId, user.agencyId)));
  if (!row) return null;
  const canEdit = can(user.roles, "report.edit") && isEditableStatus(row.status);
  if (!canEdit) return { reportId, status: row.status, canEdit, canEditField: () => false };
  if (row.createdBy === user.id || user.roles.includes("admin")) return { reportId, status: row.status, canEdit, canEditField: () => true };
  const scopes = await db
    .select({ sectionId: tables.assignments.sectionId, itemId: tables.assignments.itemId })
    .from(tables.assignments)
    .where(and(eq(tables.assignments.reportId, reportId), eq(tables.assignments.assigneeId, user.id)));
  if (scopes.length === 0) return { reportId, status: row.status, canEdit, canEditField: () => true };
  // The opening is report-level content: a contributor with assignments may not change it.
  const allowed = new Set<string>();
  for (const section of row.content.sections) {
    const isWholeSection = scopes.some((scope) => scope.sectionId === section.id && scope.itemId === null);
    for (const item of section.items) {
      if (isWholeSection || scopes.some((scope) => scope.sectionId === section.id && scope.itemId === item.id)) allowed.add(bodyFieldName(item.id));
    }
  }
  return { reportId, status: row.status, canEdit, canEditField: (field) => allowed.has(field) };
}
