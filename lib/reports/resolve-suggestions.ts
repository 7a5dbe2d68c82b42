import { eq } from "drizzle-orm";
import { z } from "zod";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { listSuggestions, reportSchema, resolveSuggestions, type Report } from "@/lib/report-model";
import { assertWithinAssignments } from "@/lib/workflow/assert-within-assignments";

import { lockReportRow } from "./lock-report-row";
import { changeModeFor } from "./suggestion-rules";

export const resolveSuggestionsSchema = z
  .object({
    reportId: z.string().uuid(),
    decision: z.enum(["accept", "reject"]),
    /** The suggestions to decide; "all" decides every suggestion of the report. */
    ids: z.union([
      z.literal("all"),
      z
        .array(
          z
            .string()
            .min(1)
            .max(64)
            .regex(/^[A-Za-z0-9_-]+$/),
        )
        .min(1)
        .max(500),
    ]),
  })
  .strict();
export type ResolveSuggestionsInput = z.infer<typeof resolveSuggestionsSchema>;

export interface ResolveSuggestionsOptions {
  db: Database;
  user: SessionUser;
  input: ResolveSuggestionsInput;
}

export interface ResolvedSuggestions {
  revision: number;
  resolved: number;
  remaining: number;
}

/**
 * Accepts or rejects suggestions (修订) on the stored report: the drafter in draft/returned, the reviewer in review,
 * the approver before sign-off; never on a signed report. Each decision is a new history revision.
 */
export async function resolveReportSuggestions({ db, user, input }: ResolveSuggestionsOptions): Promise<ResolvedSuggestions> {
  const { reportId, decision, ids } = resolveSuggestionsSchema.parse(input);
  return db.transaction(async (tx) => {
    const row = await lockReportRow(tx, user, reportId);
    const mode = changeModeFor(user, row.status);
    const before: Report = reportSchema.parse(row.content);
    const existing = listSuggestions(before);
    const wanted = ids === "all" ? new Set(existing.map((suggestion) => suggestion.id)) : new Set(ids);
    const missing = [...wanted].filter((id) => !existing.some((suggestion) => suggestion.id === id));
    if (missing.length > 0) {
      throw new ReportError("CONFLICT", "suggestion not found", { userMessage: "该修订已被他人处理或已不存在，请刷新页面后再试" });
    }
    if (wanted.size === 0) return { revision: row.revision, resolved: 0, remaining: 0 };
    const after = resolveSuggestions(before, (attrs) => (wanted.has(attrs.id) ? decision : "keep"));
    if (mode === "edit") await assertWithinAssignments({ db: tx, user, row, content: after });
    const revision = row.revision + 1;
    const now = new Date();
    await tx.update(tables.reports).set({ content: after, revision, updatedAt: now, updatedBy: user.id }).where(eq(tables.reports.id, reportId));
    const verb = decision === "accept" ? "接受" : "拒绝";
    await tx
      .insert(tables.reportRevisions)
      .values({ reportId, revision, status: row.status, content: after, createdBy: user.id, note: `${verb}修订 ${wanted.size} 处` });
    await recordAuditEvent({ db: tx, action: `report.suggestions_${decision}ed`, user, targetId: reportId, detail: { ids: [...wanted] } });
    return { revision, resolved: wanted.size, remaining: listSuggestions(after).length };
  });
}
