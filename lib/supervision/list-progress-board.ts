import { and, desc, eq, inArray } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { reportSchema } from "@/lib/report-model";
import { findTemplate } from "@/templates";

import { listSubordinateReports } from "./list-subordinate-reports";
import { buildBoardRow, type BoardRow } from "./progress-board";

export interface ListProgressBoardOptions {
  db: Database;
  user: SessionUser;
  year: number;
  now?: Date;
}

/** Every subordinate agency's progress on one report year; agencies without a report are 未开始. */
export async function listProgressBoard({ db, user, year, now = new Date() }: ListProgressBoardOptions): Promise<BoardRow[]> {
  const { agencies, reportOf } = await listSubordinateReports({ db, user, years: [year] });
  if (agencies.length === 0) return [];
  const ids = agencies.map((agency) => agency.id);
  const reminders = await db
    .select({ toAgencyId: tables.reminders.toAgencyId, createdAt: tables.reminders.createdAt })
    .from(tables.reminders)
    .where(and(eq(tables.reminders.year, year), eq(tables.reminders.fromAgencyId, user.agencyId), inArray(tables.reminders.toAgencyId, ids)))
    .orderBy(desc(tables.reminders.createdAt));
  return agencies.map((agency) => {
    const row = reportOf(agency.id, year);
    const content = row ? reportSchema.parse(row.content) : null;
    return buildBoardRow(
      {
        agency: { id: agency.id, name: agency.name, level: agency.level, depth: agency.depth, settings: agency.settings },
        report:
          row && content
            ? {
                id: row.id,
                status: row.status,
                updatedAt: row.updatedAt,
                publishedAt: row.publishedAt,
                publishedUrl: row.publishedUrl,
                publishedNote: row.publishedNote,
                content,
              }
            : null,
        template: content ? findTemplate(content.templateId) : null,
        lastReminderAt: reminders.find((reminder) => reminder.toAgencyId === agency.id)?.createdAt ?? null,
      },
      year,
      now,
    );
  });
}
