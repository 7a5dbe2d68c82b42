import { and, asc, eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import type { Report } from "@/lib/report-model";
import { getReport } from "@/lib/reports/get-report";

export interface AssignmentView {
  id: string;
  reportId: string;
  assigneeId: string;
  assigneeName: string;
  sectionId: string;
  itemId: string | null;
  /** 部分 or 部分 › 条目, from the current content. */
  scopeLabel: string;
  dueDate: string | null;
  note: string;
  status: "open" | "done";
  completedAt: Date | null;
}

export interface SectionProgress {
  sectionId: string;
  heading: string;
  done: number;
  total: number;
}

/** Assignments of one report and the progress per part, for the drafter. */
export async function listReportAssignments({
  db,
  user,
  reportId,
}: {
  db: Database;
  user: SessionUser;
  reportId: string;
}): Promise<{ assignments: AssignmentView[]; progress: SectionProgress[] }> {
  const row = await getReport({ db, user, reportId });
  const rows = await db
    .select({ assignment: tables.assignments, assigneeName: tables.users.displayName })
    .from(tables.assignments)
    .innerJoin(tables.users, eq(tables.users.id, tables.assignments.assigneeId))
    .where(eq(tables.assignments.reportId, reportId))
    .orderBy(asc(tables.assignments.createdAt));
  const assignments = rows.map(({ assignment, assigneeName }) => toView(assignment, assigneeName, row.content));
  const progress = row.content.sections
    .map((section) => {
      const own = assignments.filter((assignment) => assignment.sectionId === section.id);
      return { sectionId: section.id, heading: section.heading, done: own.filter((assignment) => assignment.status === "done").length, total: own.length };
    })
    .filter((entry) => entry.total > 0);
  return { assignments, progress };
}

export interface MyAssignmentView extends AssignmentView {
  reportTitle: string;
  reportYear: number;
  reportStatus: string;
}

/** The signed-in user's own assignments across the agency's reports (their home page). */
export async function listMyAssignments({ db, user }: { db: Database; user: SessionUser }): Promise<MyAssignmentView[]> {
  const rows = await db
    .select({ assignment: tables.assignments, report: tables.reports })
    .from(tables.assignments)
    .innerJoin(tables.reports, eq(tables.reports.id, tables.assignments.reportId))
    .where(and(eq(tables.assignments.assigneeId, user.id), eq(tables.reports.agencyId, user.agencyId)))
    .orderBy(asc(tables.assignments.dueDate), asc(tables.assignments.createdAt));
  return rows.map(({ assignment, report }) => ({
    ...toView(assignment, user.displayName, report.content),
    reportTitle: report.title,
    reportYear: report.year,
    reportStatus: report.status,
  }));
}

function toView(assignment: typeof tables.assignments.$inferSelect, assigneeName: string, content: Report): AssignmentView {
  return {
    id: assignment.id,
    reportId: assignment.reportId,
    assigneeId: assignment.assigneeId,
    assigneeName,
    sectionId: assignment.sectionId,
    itemId: assignment.itemId,
    scopeLabel: scopeLabel(content, assignment.sectionId, assignment.itemId),
    dueDate: assignment.dueDate,
    note: assignment.note,
    status: assignment.status === "done" ? "done" : "open",
    completedAt: assignment.completedAt,
  };
}

export function scopeLabel(content: Report, sectionId: string, itemId: string | null): string {
  const sectionIndex = content.sections.findIndex((section) => section.id === sectionId);
  const section = content.sections[sectionIndex];
  if (!section) return "（已删除的部分）";
  const sectionName = section.heading || `第${sectionIndex + 1}部分`;
  if (!itemId) return `${sectionName}（整个部分）`;
  const item = section.items.find((candidate) => candidate.id === itemId);
  return item ? `${sectionName} › ${item.heading || "（无标题条目）"}` : `${sectionName} › （已删除的条目）`;
}
