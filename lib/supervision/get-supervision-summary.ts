import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { reportSchema, type Report } from "@/lib/report-model";
import { findTemplate } from "@/templates";

import { findCommonGaps, type CommonGaps } from "./common-gaps";
import { listSubordinateReports } from "./list-subordinate-reports";
import { summarizeIndicators, type IndicatorSummary } from "./summarize-indicators";

export interface SupervisionSummary {
  agencyName: string;
  summary: IndicatorSummary;
  gaps: CommonGaps;
}

/** The 汇总 of one year across the supervisor's subordinate agencies, against the year before. */
export async function getSupervisionSummary({ db, user, year }: { db: Database; user: SessionUser; year: number }): Promise<SupervisionSummary> {
  const { agencies, reportOf } = await listSubordinateReports({ db, user, years: [year, year - 1] });
  const contentOf = (agencyId: string, forYear: number): Report | null => {
    const row = reportOf(agencyId, forYear);
    return row ? reportSchema.parse(row.content) : null;
  };
  const inputs = agencies.map((agency) => ({
    agencyId: agency.id,
    agencyName: agency.name,
    report: contentOf(agency.id, year),
    previous: contentOf(agency.id, year - 1),
  }));
  const withReports = inputs.flatMap((input) =>
    input.report ? [{ agencyName: input.agencyName, report: input.report, template: findTemplate(input.report.templateId) }] : [],
  );
  return { agencyName: user.agencyName, summary: summarizeIndicators(year, inputs), gaps: findCommonGaps(withReports) };
}
