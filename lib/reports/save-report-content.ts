import { eq } from "drizzle-orm";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { assertBodyMatchesSchema } from "@/lib/report-model/extensions";
import { saveReportContentSchema, type SaveReportContent, type SavedRevision } from "@/lib/schemas/report";
import { assertWithinAssignments } from "@/lib/workflow/assert-within-assignments";

import { findDisplayName } from "./display-name";
import { ConflictError, isUniqueViolation } from "./errors";
import { lockReportRow } from "./lock-report-row";
import { recordRevision } from "./record-revision";
import { assertSuggestionsOnly, changeModeFor } from "./suggestion-rules";

export interface SaveReportContentOptions {
  db: Database;
  user: SessionUser;
  reportId: string;
  input: SaveReportContent;
}

export { EDITABLE_STATUSES } from "@/lib/report-model";

/** Saves made by one person within this window are coalesced into one history revision. */

/** Refusals worth an audit entry: someone tried to change what they may not (a conflict is routine). */
const LOGGED_REFUSALS = new Set(["FORBIDDEN", "NOT_FOUND", "INVALID_STATE"]);

/**
 * Saves content based on `baseRevision`; refuses a save based on an older revision (the editor merges
 * three-way and saves again). A refused save of a report the user may not change is logged.
 */
export async function saveReportContent(options: SaveReportContentOptions): Promise<SavedRevision> {
  try {
    return await save(options);
  } catch (error) {
    if (error instanceof ReportError && LOGGED_REFUSALS.has(error.code)) {
      const { db, user, reportId } = options;
      await recordAuditEvent({ db, action: "report.save_refused", user, targetId: reportId, detail: { code: error.code, message: error.userMessage } }).catch(
        () => undefined,
      );
    }
    throw error;
  }
}

async function save({ db, user, reportId, input }: SaveReportContentOptions): Promise<SavedRevision> {
  const data = saveReportContentSchema.parse(input);
  for (const section of data.content.sections) {
    for (const item of section.items) {
      try {
        assertBodyMatchesSchema(item.body);
      } catch (error) {
        throw new ReportError("INVALID_INPUT", "body outside schema", {
          userMessage: `“${item.heading || section.heading}”的正文含有不支持的格式`,
          cause: error,
        });
      }
    }
  }
  try {
    return await db.transaction(async (tx) => {
      const row = await lockReportRow(tx, user, reportId);
      // The drafter edits in draft/returned; a reviewer or approver may only add suggestions (修订); signed is locked.
      const mode = changeModeFor(user, row.status);
      if (row.revision !== data.baseRevision) {
        const updatedBy = await findDisplayName(tx, row.updatedBy);
        throw new ConflictError({ revision: row.revision, content: row.content, updatedAt: row.updatedAt.toISOString(), updatedBy });
      }
      if (mode === "suggest") assertSuggestionsOnly({ before: row.content, after: data.content, user });
      else await assertWithinAssignments({ db: tx, user, row, content: data.content });
      const revision = row.revision + 1;
      const now = new Date();
      await tx
        .update(tables.reports)
        .set({ content: data.content, revision, title: data.content.meta.title, year: data.content.meta.year, updatedAt: now, updatedBy: user.id })
        .where(eq(tables.reports.id, reportId));
      // A reviewer's or approver's saves show in the history as 提出修订, coalesced like the drafter's saves.
      const note = mode === "suggest" ? "提出修订" : null;
      await recordRevision(tx, { reportId, revision, status: row.status, content: data.content, createdBy: user.id, note, now });
      return { revision, updatedAt: now.toISOString(), updatedBy: user.displayName };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ReportError("INVALID_INPUT", "duplicate year", { userMessage: "本机关该年度已有另一份报告，不能改为该年度", cause: error });
    }
    throw error;
  }
}
