import { and, eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { reportSchema } from "@/lib/report-model";
import { getReport } from "@/lib/reports/get-report";
import { recordPublicationSchema, type RecordPublication } from "@/lib/schemas/supervision";
import { assertCan } from "@/lib/workflow/assert-can";
import { transitionReport } from "@/lib/workflow/transition-report";

import { redactPersonalData } from "./redact-personal-data";

export interface RecordPublicationOptions {
  db: Database;
  user: SessionUser;
  reportId: string;
  input: RecordPublication;
  now?: Date;
}

/**
 * Marks the agency's signed report 已公开 with the address where it was published and the date, through the
 * workflow's publish step (which checks the date and writes the revision and audit entries).
 */
export async function recordPublication({ db, user, reportId, input, now = new Date() }: RecordPublicationOptions): Promise<{ status: string }> {
  assertCan(user, "report.publish");
  const data = recordPublicationSchema.parse(input);
  const row = await getReport({ db, user, reportId });
  const { unresolved } = redactPersonalData(reportSchema.parse(row.content));
  if (unresolved.length > 0) {
    throw new ReportError("INVALID_STATE", "personal data", { userMessage: `报告仍含 ${unresolved.length} 处无法自动隐去的个人信息，请新修订删除后再公开` });
  }
  const result = await transitionReport({ db, user, reportId, input: { transition: "publish", publishedOn: data.publishedOn, publishedNote: data.url }, now });
  await db
    .update(tables.reports)
    .set({ publishedUrl: data.url })
    .where(and(eq(tables.reports.id, reportId), eq(tables.reports.agencyId, user.agencyId)));
  return { status: result.status };
}
