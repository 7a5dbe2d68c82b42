import { eq, and } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { findChangeOutsideScope, type Report } from "@/lib/report-model";
import type { ReportRow } from "@/lib/reports/get-report";

/**
 * A contributor (someone with assignments on this report who neither created it nor administers the
 * agency) may change only what was assigned to them; checked on the server at every save and restore.
 */
export async function assertWithinAssignments({ db, user, row, content }: { db: Database; user: SessionUser; row: ReportRow; content: Report }): Promise<void> {
  if (row.createdBy === user.id || user.roles.includes("admin")) return;
  const scopes = await db
    .select({ sectionId: tables.assignments.sectionId, itemId: tables.assignments.itemId })
    .from(tables.assignments)
    .where(and(eq(tables.assignments.reportId, row.id), eq(tables.assignments.assigneeId, user.id)));
  if (scopes.length === 0) return;
  const outside = findChangeOutsideScope(row.content, content, scopes);
  if (outside) {
    throw new ReportError("FORBIDDEN", `change outside assignment: ${outside}`, {
      userMessage: `您只能修改分配给您的内容，${outside}不在分配范围内，本次保存未生效`,
    });
  }
}
