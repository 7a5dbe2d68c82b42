import { eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { insertReport } from "@/lib/reports/create-report";
import { yearSchema } from "@/lib/schemas/supervision";
import { assertCan } from "@/lib/workflow/assert-can";
import { getTemplate, listTemplates } from "@/templates";

import { getSupervisionSummary } from "./get-supervision-summary";
import { buildSummaryDraft } from "./summary-draft";

/** The supervising agency's own report for the year, started from the summary; fails if it already has one. */
export async function createSummaryDraft({ db, user, year }: { db: Database; user: SessionUser; year: number }): Promise<{ reportId: string }> {
  assertCan(user, "report.create");
  const reportYear = yearSchema.parse(year);
  const { summary } = await getSupervisionSummary({ db, user, year: reportYear });
  const template = listTemplates().find((candidate) => candidate.levels.includes(user.agencyLevel)) ?? getTemplate("county-government");
  const [agency] = await db.select({ settings: tables.agencies.settings }).from(tables.agencies).where(eq(tables.agencies.id, user.agencyId));
  const content = buildSummaryDraft({
    template,
    agencyName: user.agencyName,
    year: reportYear,
    summary,
    mainRecipient: agency?.settings.defaultMainRecipient || undefined,
    signature: agency?.settings.defaultSignature || undefined,
  });
  return insertReport({ db, user, content, source: `supervision-summary:${reportYear}` });
}
